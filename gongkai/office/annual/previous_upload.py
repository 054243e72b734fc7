"""The web page of `gongkai import-previous`: the 负责人 or 管理员 uploads the report the agency
published before it used gongkai, sees what was read (year, date, headline figures, and what to
look at), and confirms; only then does it become that year's published version 1."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from gongkai.office import held_uploads
from gongkai.report.read import ReadError, read_path

from .forms import PreviousConfirmForm, PreviousReportForm
from .previous import ImportRefused, import_previous, preview_previous
from .views import _agency_or_404, _can_publish, _figures


def _key(agency, year) -> str:
    return f"import-previous-{agency.pk}-{year}"


def _read(agency, year, path, name, published_on, user, *, save: bool):
    """(the agency named in the file, the headline figures, cells read and not, the outcome)."""
    report = read_path(path)
    named, figures = report.agency, _figures(report)  # as read, before the import renames it
    known = sum(1 for c in report.cells.values() if c.known)
    step = import_previous if save else preview_previous
    done = step(agency, report, year=year, published_on=published_on, source=name, by=user)
    return named, figures, (known, len(report.cells) - known), done


@login_required
def import_report(request, agency_id, year):
    agency = _agency_or_404(request.user, agency_id, year)
    if not _can_publish(request.user, agency):
        raise PermissionDenied("只有本机关负责人或管理员可以导入已发布的年度报告。")
    key = _key(agency, year)
    context = {"agency": agency, "year": year, "form": PreviousReportForm()}
    if request.method == "POST" and "token" in request.POST:
        confirm = PreviousConfirmForm(request.POST)
        held = confirm.is_valid() and held_uploads.kept(request, key, confirm.cleaned_data["token"])
        if not held:
            messages.error(request, "预览已过期，请重新上传文件。")
            return redirect("annual:import", agency.pk, year)
        path, name = held
        try:
            *_, done = _read(
                agency,
                year,
                path,
                name,
                confirm.cleaned_data["published_on"],
                request.user,
                save=True,
            )
        except (ReadError, ImportRefused) as e:
            held_uploads.discard(request, key)
            context["refused"] = str(e)
        else:
            held_uploads.discard(request, key)
            messages.success(
                request,
                f"已导入{year}年度报告，作为第{done.version.number}版"
                f"（发布日期 {done.version.published_on:%Y-%m-%d}）。",
            )
            for note in done.notes:
                messages.warning(request, f"注意：{note}")
            return redirect("annual:detail", agency.pk, year)
    elif request.method == "POST":
        form = PreviousReportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload, published_on = form.cleaned_data["file"], form.cleaned_data["published_on"]
            token, path = held_uploads.keep(request, key, upload)
            try:
                named, figures, (known, unknown), done = _read(
                    agency, year, path, upload.name, published_on, request.user, save=False
                )
            except ReadError as e:
                held_uploads.discard(request, key)
                form.add_error("file", f"无法读取报告：{e}")
            except ImportRefused as e:
                held_uploads.discard(request, key)
                form.add_error(None, str(e))
            else:
                context.update(
                    name=upload.name,
                    read_agency=named,
                    published_on=done.version.published_on,
                    known=known,
                    unknown=unknown,
                    figures=figures,
                    notes=done.notes,
                    confirm=PreviousConfirmForm(
                        initial={"token": token, "published_on": published_on}
                    ),
                )
    status = 400 if context["form"].errors or "refused" in context else 200
    return render(request, "annual/import_previous.html", context, status=status)
