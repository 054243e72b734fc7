"""The supervising office's pages: board, uploads with progress, assignment, a report with its
findings on their cells, and 整改 tasks. Reading happens in `gongkai worker`, never here."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from gongkai.office.agencies.access import subtree
from gongkai.office.audit import trail
from gongkai.report.checks import Finding, Outcome
from gongkai.report.checks.naming import cell_name
from gongkai.report.formats import FORMAT_2021
from gongkai.report.write import write
from gongkai.supervision import aggregate as summing
from gongkai.supervision import compare as comparing
from gongkai.supervision import mapping
from gongkai.supervision.page import CSS, tables_html

from . import access, assessment, charts, region
from . import board as boards
from .board_rows import rows_html
from .forms import AnswerForm, AssignForm, TaskForm, TrainingForm, UploadForm
from .intake import assign as assign_to
from .intake import report_of
from .models import Submission, Task, TaskAnswer, TrainingRecord
from .roster import roster

PAGE = 50


def _office(request):
    """The office chosen (?office=) among those the user may supervise; 403 when none."""
    offices = list(access.offices(request.user))
    if not offices:
        raise PermissionDenied("只有监督机关的监督人或管理员可以使用监督页面。")
    wanted = request.GET.get("office") or request.POST.get("office")
    for o in offices:
        if str(o.pk) == wanted:
            return o, offices
    return offices[0], offices


def _year(request) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year - 1


@login_required
def home(request):
    if access.offices(request.user).exists():
        return redirect("supervision:board")
    return redirect("supervision:tasks")


@login_required
def board(request):
    office, offices = _office(request)
    year = _year(request)
    status, q, sort = (
        request.GET.get("status", ""),
        request.GET.get("q", "").strip(),
        request.GET.get("sort", ""),
    )
    if request.GET.get("export") == "xlsx":
        data = boards.xlsx(boards.rows(office, year, status, q, sort), f"{office.name}{year}年度")
        response = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="board-{year}.xlsx"'
        return response
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        number = 1
    shown = boards.page(office, year, status, q, sort, number, PAGE)
    page = Paginator(range(shown.total), PAGE).page(shown.number)
    page.object_list = shown.rows
    query = {k: v for k, v in request.GET.items() if k not in ("page", "sort") and v}
    return render(
        request,
        "supervision/board.html",
        {
            "office": office,
            "offices": offices,
            "year": year,
            "page": page,
            "rows": rows_html(shown.rows),
            "total": shown.total,
            "status": status,
            "q": q,
            "sort": sort,
            "query": query,
            "here": "".join(f"{k}={quote(v)}&" for k, v in query.items()),
            "statuses": boards.STATUS_LABELS,
            "can_supervise": office.supervised,
            "waiting": Submission.objects.filter(office=office, agency=None)
            .exclude(state="failed")
            .count(),
        },
    )


def _supervised(request):
    office, offices = _office(request)
    if not office.supervised:
        raise PermissionDenied("只有监督人可以上传、指定报告和发起整改。")
    return office, offices


@login_required
def upload(request):
    office, offices = _supervised(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        form = UploadForm(request.POST, {"files": request.FILES.getlist("files")})
        if form.is_valid():
            with transaction.atomic():
                for f in form.cleaned_data["files"]:
                    Submission.objects.create(
                        office=office, file=f, name=f.name[:255], uploaded_by=request.user
                    )
            n = len(form.cleaned_data["files"])
            messages.success(request, f"已上传{n}个文件，正在后台读取。")
            return redirect(f"{_url('supervision:uploads')}?office={office.pk}")
    return render(
        request, "supervision/upload.html", {"form": form, "office": office, "offices": offices}
    )


def _url(name, *args):
    from django.urls import reverse

    return reverse(name, args=args)


@login_required
def uploads(request):
    office, _ = _office(request)
    recent = Submission.objects.filter(office=office).select_related("agency")[:100]
    pending = any(s.pending for s in recent)
    template = (
        "supervision/_upload_rows.html"
        if request.headers.get("HX-Request")
        else "supervision/uploads.html"
    )
    return render(request, template, {"office": office, "recent": recent, "pending": pending})


@login_required
def assign(request):
    office, _ = _supervised(request)
    waiting = Submission.objects.filter(office=office, agency=None, state="done")
    year = _year(request)
    agencies = [o.agency for o in roster(office, year)]
    if request.method == "POST":
        sub = get_object_or_404(waiting, pk=request.POST.get("submission"))
        form = AssignForm(agencies, request.POST)
        if form.is_valid():
            fields = ["agency", "year", "matched"]
            before = trail.values(sub, fields)
            assign_to(sub, form.cleaned_data["agency"], form.cleaned_data["year"])
            after = trail.values(sub, fields)
            trail.record(sub, request.user, "指定报告所属机关和年度", before, after, agency=office)
            messages.success(
                request, f"已将 {sub.name} 指定为{sub.agency.name}{sub.year}年度报告。"
            )
            return redirect(f"{_url('supervision:assign')}?office={office.pk}&year={year}")
    else:
        form = AssignForm(agencies, initial={"year": year})
    return render(
        request,
        "supervision/assign.html",
        {
            "office": office,
            "waiting": waiting,
            "form": form,
            "year": year,
            "failed": Submission.objects.filter(office=office, state="failed")[:50],
        },
    )


def _visible_submission(request, pk) -> Submission:
    sub = get_object_or_404(Submission.objects.select_related("agency", "office"), pk=pk)
    if not access.offices(request.user).filter(pk=sub.office_id).exists():
        raise Http404("没有这份报告")
    if sub.report is None:
        raise Http404("这份报告还没有读取完成")
    return sub


@login_required
def submission(request, pk):
    sub = _visible_submission(request, pk)
    report = report_of(sub)
    findings = [Finding.from_dict(f) for f in sub.findings]
    shown = [(i, f) for i, f in enumerate(findings) if f.outcome is not Outcome.PASS]
    return render(
        request,
        "supervision/submission.html",
        {
            "sub": sub,
            "report": report,
            "shown": shown,
            "passed": len(findings) - len(shown),
            "tables": mark_safe(tables_html(report, findings)),
            "css": mark_safe(CSS),
            "can_supervise": access.can_supervise(request.user, sub.office),
            "tasks": sub.tasks.all(),
        },
    )


@login_required
def task_new(request, pk):
    sub = _visible_submission(request, pk)
    if not access.can_supervise(request.user, sub.office) or sub.agency is None:
        raise PermissionDenied("只有监督人可以对已指定机关的报告发起整改。")
    try:
        finding = Finding.from_dict(sub.findings[int(request.GET.get("finding", ""))])
    except (ValueError, IndexError):
        raise Http404("没有这条检查结果") from None
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        task = Task.objects.create(
            office=sub.office,
            agency=sub.agency,
            year=sub.year,
            submission=sub,
            rule=finding.rule,
            cells=list(finding.cells),
            finding=finding.message,
            request=form.cleaned_data["request"],
            due_on=form.cleaned_data["due_on"],
            raised_by=request.user,
        )
        fields = ["agency", "year", "rule", "finding", "request", "due_on", "state"]
        trail.record(
            task, request.user, "发起整改", {}, trail.values(task, fields), agency=sub.agency
        )
        messages.success(request, f"已向{sub.agency.name}发起整改，期限{task.due_on}。")
        return redirect("supervision:task", task.pk)
    return render(
        request, "supervision/task_form.html", {"sub": sub, "finding": finding, "form": form}
    )


@login_required
def tasks(request):
    offices = access.offices(request.user)
    own = access.answering_agencies(request.user)
    found = Task.objects.filter(office__in=offices) | Task.objects.filter(agency__in=own)
    return render(
        request, "supervision/tasks.html", {"tasks": found.select_related("agency").distinct()}
    )


@login_required
def task_detail(request, pk):
    task = get_object_or_404(Task.objects.select_related("agency", "office"), pk=pk)
    if not access.can_see_task(request.user, task):
        raise Http404("没有这个整改任务")
    can_answer = access.can_answer(request.user, task) and task.state != Task.State.CLOSED
    can_close = access.can_supervise(request.user, task.office) and task.state != Task.State.CLOSED
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and (can_answer or can_close) and form.is_valid():
        closing = request.POST.get("close") and can_close
        with transaction.atomic():
            locked = Task.objects.select_for_update().get(pk=task.pk)
            before = trail.values(locked, ["state"])
            TaskAnswer.objects.create(task=locked, text=form.cleaned_data["text"], by=request.user)
            locked.state = Task.State.CLOSED if closing else Task.State.ANSWERED
            locked.save(update_fields=["state"])
            trail.record(
                locked,
                request.user,
                "办结整改" if closing else "答复整改",
                before,
                trail.values(locked, ["state"]),
                agency=task.agency,
            )
        messages.success(request, "已办结。" if closing else "已答复。")
        return redirect("supervision:task", task.pk)
    return render(
        request,
        "supervision/task_detail.html",
        {
            "task": task,
            "answers": task.answers.select_related("by"),
            "form": form,
            "can_answer": can_answer,
            "can_close": can_close,
        },
    )


@login_required
def compare(request):
    """One agency year over year, cell by cell and text, and its year against the region's
    median."""
    office, offices = _office(request)
    year = _year(request)
    found, _ = region.reports(office, year)
    agencies = [a for a, _ in found]
    chosen = next((a for a, _ in found if str(a.pk) == request.GET.get("agency")), None)
    context = {
        "office": office,
        "offices": offices,
        "year": year,
        "agencies": agencies,
        "chosen": chosen,
    }
    if chosen is not None:
        now = {a.pk: r for a, r in found}[chosen.pk]
        last = {a.pk: r for a, r in region.reports(office, year - 1)[0]}.get(chosen.pk)
        median = region.medians(found)
        if last is not None:
            c = comparing.compare(last, now)
            context.update(
                changed=c.changed, unchanged=len(c.cells) - len(c.changed), texts=c.texts
            )
        mine = mapping.in_2021(now).cells
        context["against"] = [
            (cell_name(FORMAT_2021, k), comparing.shown(mine.get(k)), m)
            for k, m in median.items()
            if m is not None and mine.get(k) is not None and mine[k].known and mine[k].value != m
        ]
        context["last"] = last
    return render(request, "supervision/compare.html", context)


@login_required
def aggregate(request):
    """The region's tables 1–3 summed, who contributed and who is missing, a cell's drill-down,
    XLSX/CSV export, and the charts."""
    office, offices = _office(request)
    year = _year(request)
    found, missing = region.reports(office, year)
    named = [(a.name, r) for a, r in found]
    agg = summing.aggregate(named) if named else None
    kind = request.GET.get("export")
    if agg is not None and kind in ("xlsx", "csv"):
        data = write(agg.as_report(), "xlsx") if kind == "xlsx" else summing.csv_bytes(agg)
        response = HttpResponse(data, content_type=EXPORT_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="aggregate-{year}.{kind}"'
        return response
    key = request.GET.get("cell", "")
    drill = []
    if agg is not None and key in agg.totals:
        drill = [(a, comparing.shown(mapping.in_2021(r).cells.get(key))) for a, r in found]
    rows = summing.csv_rows(agg) if agg is not None else []
    return render(
        request,
        "supervision/aggregate.html",
        {
            "office": office,
            "offices": offices,
            "year": year,
            "agg": agg,
            "rows": rows,
            "found": found,
            "missing": missing,
            "drill": drill,
            "cell": cell_name(FORMAT_2021, key) if drill else "",
            "charts": charts.data(office, year),
        },
    )


EXPORT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@login_required
def assessment_page(request):
    """Every roster agency's score for the year, each point with its evidence; XLSX export."""
    office, offices = _office(request)
    year = _year(request)
    scores = [
        assessment.score(office, row, year) for row in boards.complete(boards.rows(office, year))
    ]
    codes = list(assessment.weights(office))
    if request.GET.get("export") == "xlsx":
        response = HttpResponse(assessment_xlsx(scores, codes), content_type=EXPORT_TYPES["xlsx"])
        response["Content-Disposition"] = f'attachment; filename="assessment-{year}.xlsx"'
        return response
    return render(
        request,
        "supervision/assessment.html",
        {
            "office": office,
            "offices": offices,
            "year": year,
            "scores": scores,
            "labels": [(assessment.LABELS[c], assessment.weights(office)[c]) for c in codes],
            "can_supervise": office.supervised,
        },
    )


def assessment_xlsx(scores, codes) -> bytes:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "考核"
    ws.append(["机关", "总分", *(assessment.LABELS[c] for c in codes), "依据"])
    for s in scores:
        ws.append(
            [
                s.agency.name,
                s.total,
                *(p.points for p in s.points),
                "；".join(f"{p.label}：{p.evidence}" for p in s.points),
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@login_required
def training(request):
    """Training records: an agency's staff record their own; supervisors see their subtree."""
    own = list(access.answering_agencies(request.user))
    supervised = set()
    for office in access.offices(request.user).only("pk"):
        supervised.update(subtree(office))
    form = TrainingForm(own, request.POST or None)
    if request.method == "POST":
        if not own:
            raise PermissionDenied("只有本机关的工作人员可以登记培训。")
        if form.is_valid():
            record = form.save(commit=False)
            record.recorded_by = request.user
            record.save()
            messages.success(request, f"已登记培训：{record.topic}")
            return redirect("supervision:training")
    records = TrainingRecord.objects.filter(
        agency_id__in={a.pk for a in own} | supervised
    ).select_related("agency")
    return render(
        request,
        "supervision/training.html",
        {"records": records, "form": form, "can_add": bool(own)},
    )
