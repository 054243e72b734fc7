"""The supervising office's pages: board, uploads with progress, assignment, a report with its
findings on their cells, and 整改 tasks. Reading happens in `gongkai worker`, never here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from gongkai.office.audit import trail
from gongkai.report.checks import Finding, Outcome
from gongkai.supervision.page import CSS, tables_html

from . import access
from . import board as boards
from .forms import AnswerForm, AssignForm, TaskForm, UploadForm
from .intake import assign as assign_to
from .intake import report_of
from .models import Submission, Task, TaskAnswer
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
    found = boards.select(boards.rows(office, year), status, q, sort)
    if request.GET.get("export") == "xlsx":
        data = boards.xlsx(found, f"{office.name}{year}年度")
        response = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="board-{year}.xlsx"'
        return response
    page = Paginator(found, PAGE).get_page(request.GET.get("page"))
    query = {k: v for k, v in request.GET.items() if k not in ("page", "sort") and v}
    return render(
        request,
        "supervision/board.html",
        {
            "office": office,
            "offices": offices,
            "year": year,
            "page": page,
            "total": len(found),
            "status": status,
            "q": q,
            "sort": sort,
            "query": query,
            "statuses": boards.STATUS_LABELS,
            "can_supervise": access.can_supervise(request.user, office),
            "waiting": Submission.objects.filter(office=office, agency=None)
            .exclude(state="failed")
            .count(),
        },
    )


def _supervised(request):
    office, offices = _office(request)
    if not access.can_supervise(request.user, office):
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
