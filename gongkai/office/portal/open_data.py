"""Open data on the portal: each published report's numbers as CSV and as JSON (the cells
format of spec/cells.md, the same the API serves), from the frozen published version only."""

from __future__ import annotations

import json
from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from gongkai.office.agencies.models import Agency
from gongkai.office.annual.publish import latest_version
from gongkai.office.annual.snapshot import report_from_snapshot
from gongkai.report.write import write
from gongkai.report.write.cells_json import cells

KINDS = {"json": "application/json", "csv": "text/csv"}


def report_data(request, agency_id, year, kind):
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    if kind not in KINDS:
        raise Http404("没有这种数据格式。")
    version = latest_version(agency, year)
    if version is None:
        raise Http404("该年度报告尚未发布。")
    report = report_from_snapshot(version.snapshot)
    if kind == "json":
        body = json.dumps(cells(report), ensure_ascii=False, indent=1).encode("utf-8")
    else:
        body = write(report, "csv")
    response = HttpResponse(body, content_type=f"{KINDS[kind]}; charset=utf-8")
    name = quote(f"{agency.name}{year}年政府信息公开工作年度报告数据.{kind}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response
