"""Web uploads of a catalogue or a ledger spreadsheet, with a preview of every row and its
errors before anything is saved, and the catalogue's XLSX export (the import's own columns,
so an exported file imports again).

The uploaded file is held (gongkai.office.held_uploads) until the clerk confirms or uploads
another; confirming reads and checks it again, all or nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from gongkai.office import held_uploads
from gongkai.office.agencies.models import Role
from gongkai.office.ledger.sheet import LedgerUnreadable

from . import workflow
from .catalogue_file import COLUMNS, OPTIONAL
from .forms import ImportForm
from .views import _agency

PREVIEW_ROWS = 500
KINDS = {"catalogue": "主动公开目录", "ledger": "依申请公开台账"}


def _key(kind, agency) -> str:
    return f"import-{kind}-{agency.pk}"


def _preview(kind, agency, path: Path, name: str) -> dict:
    """The rows as read and every error, nothing saved."""
    if kind == "catalogue":
        from .catalogue_import import preview

        catalogue = preview(agency, name, path.read_bytes())
        rows = [
            (
                r.row,
                r.index_no,
                r.title,
                r.formed_on,
                r.published_on,
                r.category,
                r.doc_type,
                r.disclosure,
            )
            for r in catalogue.items
        ]
        header = ("行", "索引号", "名称", "生成日期", "公开日期", "类别", "文种", "公开方式")
        return {"header": header, "rows": rows, "errors": catalogue.errors, "count": len(rows)}
    from gongkai.office.applications.models import Application
    from gongkai.office.ledger.sheet import read_ledger

    known = set(Application.objects.filter(agency=agency).values_list("number", flat=True))
    ledger = read_ledger([path], known_applications=known)
    taken = {a.number for a in ledger.applications} & known
    rows = [
        (a.row, a.number, a.received_on, a.category, a.concluded_on, a.outcome)
        for a in ledger.applications
    ]
    errors = list(ledger.errors) + [
        f"{a.where} 第{a.row}行：编号“{a.number}”已在{agency.name}的台账中"
        for a in ledger.applications
        if a.number in taken
    ]
    header = ("行", "编号", "收到日期", "申请人类型", "办结日期", "办理结果")
    return {
        "header": header,
        "rows": rows,
        "errors": errors,
        "count": len(rows),
        "appeals": len(ledger.appeals),
    }


def _save(kind, agency, path: Path, name: str, user) -> tuple[bool, str, list]:
    if kind == "catalogue":
        from .catalogue_import import preview, save_catalogue

        catalogue = preview(agency, name, path.read_bytes())
        if not catalogue.ok:
            return False, "", catalogue.errors
        n = save_catalogue(agency, catalogue, user)
        return True, f"已导入目录条目{n}条。", []
    from gongkai.office.ledger.load import import_ledger

    result = import_ledger([path], agency.name, user)
    if not result.ok:
        return False, "", result.errors
    return True, f"已导入申请{result.applications}件，复议诉讼{result.appeals}件。", []


@login_required
def upload(request, agency_id, kind):
    agency = _agency(request, agency_id)
    if kind not in KINDS:
        raise Http404("没有这种导入")
    if not workflow.holds(request.user, agency.pk, Role.CLERK, Role.ADMIN):
        raise Http404("只有本机关的经办人可以导入")
    context = {"agency": agency, "kind": kind, "what": KINDS[kind], "form": ImportForm()}
    if request.method == "POST" and request.POST.get("token"):
        kept = held_uploads.kept(request, _key(kind, agency), request.POST["token"])
        if kept is None:
            messages.error(request, "预览已过期，请重新上传文件。")
            return redirect("catalogue:import", agency.pk, kind)
        try:
            ok, done, errors = _save(kind, agency, *kept, request.user)
        except LedgerUnreadable as e:
            ok, done, errors = False, "", [str(e)]
        if ok:
            held_uploads.discard(request, _key(kind, agency))
            messages.success(request, done)
            if kind == "catalogue":
                return redirect("catalogue:agency", agency.pk)
            return redirect("case_list")
        context.update(errors=errors, refused=True)
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            token, path = held_uploads.keep(request, _key(kind, agency), form.cleaned_data["file"])
            try:
                shown = _preview(kind, agency, path, form.cleaned_data["file"].name)
            except LedgerUnreadable as e:
                held_uploads.discard(request, _key(kind, agency))
                form.add_error("file", str(e))
            else:
                context.update(shown, token=token, name=form.cleaned_data["file"].name)
                context["rows"] = shown["rows"][:PREVIEW_ROWS]
    return render(request, "catalogue/import.html", context)


@login_required
def export_xlsx(request, agency_id):
    """The whole catalogue in the import's columns, with 失效日期 and the review stage."""
    from openpyxl import Workbook

    from .models import Item

    agency = _agency(request, agency_id)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("目录")
    sheet.append([*COLUMNS, *OPTIONAL, "审核阶段"])
    items = (
        Item.objects.filter(agency=agency)
        .select_related("interprets")
        .order_by("formed_on", "index_no")
    )
    for i in items.iterator(chunk_size=2000):
        sheet.append(
            [
                i.index_no,
                i.title,
                i.summary,
                i.formed_on,
                i.published_on,
                i.category,
                i.get_doc_type_display(),
                i.doc_number,
                i.repealed_on,
                i.get_disclosure_display(),
                i.withheld_reason,
                i.interprets.index_no if i.interprets else "",
                i.expired_on,
                i.get_stage_display(),
            ]
        )
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{_quoted(agency.name + '主动公开目录.xlsx')}"
    )
    return response


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
