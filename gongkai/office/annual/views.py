"""Pages of the annual report: the list of reports, the report page (figures compiled from the
ledger, checks, table 1 and parts 一/五/六 edited, exports, publication), and the exports.

Access (agencies/access.py): the agency's staff edit; its 负责人 or 管理员 publish; a 监督人 of
a parent agency reads. Anyone else gets a 404, as for a case of another agency.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Min
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from gongkai.office import listing
from gongkai.office.agencies import access
from gongkai.office.agencies.models import Agency, Role
from gongkai.office.audit import trail
from gongkai.office.catalogue.year_facts import proactive_year
from gongkai.office.concurrency import StaleEdit, check_version, locked
from gongkai.office.supervision.training import trainings_in_year
from gongkai.report.checks.finding import Finding
from gongkai.report.formats import TABLE2_2021, TABLE3, TOTAL_COLUMN

from .check_summary import flagged_cells, marked, summarize
from .checking import blocking
from .compile import compile_report, fees_in_year
from .export import PdfUnavailable, export, pdf_engine
from .forms import TABLE1_LABELS, PublishForm, ReportForm, table1_field_name
from .models import EDITED_PARTS, AnnualReport, ReportVersion
from .narrative_draft import prefill
from .publish import PublishRefused, compiled_with_checks, latest_version, publish
from .since_publication import changed_cells
from .snapshot import report_from_snapshot

PUBLISHER_ROLES = (Role.HEAD, Role.ADMIN)


#: [U] 条例（2007年）第三十八条: in force from 2008-05-01, so the first annual report is of 2008
FIRST_REPORT_YEAR = 2008


def _agency_or_404(user, agency_id, year=None) -> Agency:
    """The agency if `user` may see it (and `year` is one a report can exist for), else 404."""
    if year is not None and not FIRST_REPORT_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404("没有这一年度的报告")
    agency = get_object_or_404(Agency, pk=agency_id)
    if agency.pk not in access.visible_agency_ids(user):
        raise Http404("没有这个机关")
    return agency


def _can_edit(user, agency) -> bool:
    return access.staff_agencies(user).filter(pk=agency.pk).exists()


def _can_publish(user, agency) -> bool:
    return access.agencies_for(user, PUBLISHER_ROLES).filter(pk=agency.pk).exists()


def _years(agency) -> list[int]:
    """From the first year in the ledger (or with a report) to last year, newest first."""
    this_year = timezone.localdate().year
    first = agency.applications.aggregate(y=Min("received_on"))["y"]
    years = {r for r in agency.annual_reports.values_list("year", flat=True)}
    start = min([first.year if first else this_year - 1, *years])
    return sorted(set(range(start, this_year + 1)) | years, reverse=True)


AGENCIES_PER_PAGE = 20  # each agency is a block of years
PUBLISHED, UNPUBLISHED = "published", "unpublished"
STATES = [(UNPUBLISHED, "未发布"), (PUBLISHED, "已发布")]


@login_required
def report_list(request):
    ids = access.visible_agency_ids(request.user)
    agency, agencies = listing.agency_filter(request, ids)
    state = request.GET.get("state", "")
    chosen = Agency.objects.filter(pk__in=[int(agency)] if agency else ids).order_by("name")
    listed = listing.paged(
        request, chosen, {"agency": agency, "state": state}, size=AGENCIES_PER_PAGE
    )
    rows = []
    for entry in listed["page"]:
        versions = {
            v.report.year: v
            for v in ReportVersion.objects.filter(report__agency=entry)
            .select_related("report")
            .order_by("number")
        }
        years = [(y, versions.get(y)) for y in _years(entry)]
        if state in (PUBLISHED, UNPUBLISHED):
            years = [(y, v) for y, v in years if (v is not None) == (state == PUBLISHED)]
        rows.append((entry, years))
    return render(
        request,
        "annual/report_list.html",
        {"rows": rows, "agencies": agencies, "states": STATES, **listed},
    )


def _initial(entry: AnnualReport | None, report, agency, year) -> dict:
    """The saved text, or for a part never written the sentences pre-filled from the figures."""
    generated = prefill(
        report,
        fees_in_year(agency, year),
        proactive_year(agency, year),
        trainings_in_year(agency, year),
    )
    initial = {
        f"part{n}": (getattr(entry, f"part{n}") if entry else "") or generated[n] for n in (1, 5, 6)
    }
    for key, raw in (entry.table1 if entry else {}).items():
        initial[table1_field_name(key)] = raw
    return initial


DRAFT_FIELDS = ("table1", "part1", "part5", "part6")


def _save_draft(agency, year, form, by) -> AnnualReport:
    """Save table 1 and the parts under the draft's row lock, refusing a stale form, and
    record each changed cell or part old → new."""
    with transaction.atomic():
        entry, _ = AnnualReport.objects.get_or_create(agency=agency, year=year)
        entry = locked(AnnualReport, entry.pk)
        check_version(entry.version, form.cleaned_data["version"], trail.latest(entry))
        before = trail.values(entry, DRAFT_FIELDS)
        entry.table1 = form.table1()
        for n in EDITED_PARTS:
            setattr(entry, f"part{n}", form.cleaned_data[f"part{n}"].strip())
        entry.updated_by = by
        entry.version += 1
        entry.save()
        trail.record(
            entry,
            by,
            "修改年度报告草稿",
            before,
            trail.values(entry, DRAFT_FIELDS),
            agency=agency,
            labels=TABLE1_LABELS,
            version=entry.version,
        )
    return entry


def _redrafted(request, agency, year, report) -> ReportForm:
    """The form as posted, with parts 一 and 六 written again from today's figures (not saved:
    the office reads them over and saves)."""
    generated = prefill(report, fees_in_year(agency, year), proactive_year(agency, year))
    data = request.POST.copy()
    data["part1"], data["part6"] = generated[1], generated[6]
    form = ReportForm(data)
    form.is_valid()  # a table-1 value still wrong is shown beside its field
    messages.info(request, "已按当前数字重新生成第一、六部分的预填文字（尚未保存），请核对后保存。")
    return form


@login_required
def report_detail(request, agency_id, year):
    """The published version as published (its figures, checks and preview), or with
    ?draft=1 — and always before the first publication — the draft compiled from the ledger."""
    agency = _agency_or_404(request.user, agency_id, year)
    entry = AnnualReport.objects.filter(agency=agency, year=year).first()
    can_edit = _can_edit(request.user, agency)
    form = None
    report, found = compiled_with_checks(agency, year, timezone.localdate())
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("只有本机关工作人员可以编辑年度报告。")
        if "redraft" in request.POST:
            form = _redrafted(request, agency, year, report)
        else:
            form = ReportForm(request.POST)
            if form.is_valid():
                try:
                    _save_draft(agency, year, form, request.user)
                except StaleEdit as exc:
                    form.add_error(None, exc.messages)
                else:
                    messages.success(request, "已保存。表二、表三按台账重新汇总。")
                    return redirect(reverse("annual:detail", args=[agency.pk, year]) + "?draft=1")
        entry = AnnualReport.objects.filter(agency=agency, year=year).first()
    if form is None:
        form = ReportForm(
            initial={
                **_initial(entry, report, agency, year),
                "version": entry.version if entry else 0,
            }
        )
    versions = list(entry.versions.order_by("-number")) if entry else []
    changed = changed_cells(report_from_snapshot(versions[0].snapshot), report) if versions else []
    shown = None if (request.GET.get("draft") or form.is_bound or not versions) else versions[0]
    if shown is None:
        summary = summarize(found)
    else:
        report = report_from_snapshot(shown.snapshot)
        summary = summarize([Finding.from_dict(d) for d in shown.findings], stored=True)
    return render(
        request,
        "annual/report_detail.html",
        {
            "agency": agency,
            "year": year,
            "report": report,
            "shown": shown,
            "entry": entry,
            "form": form,
            "can_edit": can_edit,
            "can_publish": _can_publish(request.user, agency),
            "summary": summary,
            "errors": blocking(found),
            "versions": versions,
            "changed": changed,
            "changes": trail.of(entry) if entry else [],
            "publish_form": PublishForm(republish=bool(versions)),
            "pdf_engine": pdf_engine(),
            "today": timezone.localdate(),
            "figures": _figures(report),
        },
        status=400 if form.errors else 200,
    )


def _figures(report) -> list[tuple[str, int | None]]:
    """The headline numbers shown above the tables."""

    def total(table, row: str):
        return report.value(table.cell_key(row, TOTAL_COLUMN))

    suits = [total(TABLE3, row) for row in ("litigation_direct", "litigation_after_review")]
    return [
        ("本年新收", total(TABLE2_2021, "new_received")),
        ("上年结转", total(TABLE2_2021, "carried_over_in")),
        ("本年办结", total(TABLE2_2021, "processed_total")),
        ("结转下年度", total(TABLE2_2021, "carried_over_out")),
        ("行政复议", total(TABLE3, "review")),
        ("行政诉讼", None if None in suits else sum(suits)),
    ]


@login_required
@require_POST
def report_publish(request, agency_id, year):
    agency = _agency_or_404(request.user, agency_id, year)
    if not _can_publish(request.user, agency):
        raise PermissionDenied("只有本机关负责人或管理员可以发布年度报告。")
    republish = ReportVersion.objects.filter(report__agency=agency, report__year=year).exists()
    form = PublishForm(request.POST, republish=republish)
    if not form.is_valid():
        for errs in form.errors.values():
            for e in errs:
                messages.error(request, e)
        return redirect("annual:detail", agency_id=agency.pk, year=year)
    try:
        version = publish(
            agency,
            year,
            request.user,
            form.cleaned_data["published_on"],
            form.cleaned_data["reason"],
        )
    except PublishRefused as e:
        messages.error(request, f"未发布：{e}")
    else:
        late = "（已超过法定期限）" if version.late else ""
        messages.success(
            request, f"已发布第{version.number}版，发布日期{version.published_on}{late}。"
        )
    return redirect("annual:detail", agency_id=agency.pk, year=year)


def _report_for(request, agency, year):
    """The published version asked for (?version=N), else the draft compiled now."""
    number = request.GET.get("version")
    if number:
        if not number.isdigit() or len(number) > 6:
            raise Http404("没有这个版本")
        version = get_object_or_404(
            ReportVersion, report__agency=agency, report__year=year, number=number
        )
        return report_from_snapshot(version.snapshot)
    return compile_report(agency, year)


@login_required
def report_export(request, agency_id, year, kind):
    agency = _agency_or_404(request.user, agency_id, year)
    report = _report_for(request, agency, year)
    try:
        out = export(report, kind)
    except KeyError:
        raise Http404("不支持的导出格式") from None
    except PdfUnavailable as e:
        messages.error(request, str(e))
        return redirect(reverse("annual:detail", args=[agency.pk, year]))
    response = HttpResponse(out.data, content_type=out.content_type)
    response["Content-Disposition"] = content_disposition_header(kind != "html", out.filename)
    return response


@login_required
@xframe_options_sameorigin
def report_preview(request, agency_id, year):
    """The HTML writer's page of the draft (or a version), shown in the report page's frame,
    with the cells the checks concern marked (errors red, the others amber)."""
    agency = _agency_or_404(request.user, agency_id, year)
    report = _report_for(request, agency, year)
    version = request.GET.get("version")
    if version:
        stored = latest_version(agency, year, int(version))
        summary = summarize([Finding.from_dict(d) for d in stored.findings], stored=True)
    else:
        summary = summarize(compiled_with_checks(agency, year, timezone.localdate())[1])
    page = export(report, "html").data.decode("utf-8")
    return HttpResponse(
        marked(page, flagged_cells(summary)), content_type="text/html; charset=utf-8"
    )
