"""The public read API: agencies and their published annual reports, nothing a draft or a
person's data could reach (the same rule as the portal: only frozen published versions)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import HttpError

from gongkai.office.agencies.models import Agency
from gongkai.office.annual.publish import latest_version, latest_versions
from gongkai.office.annual.snapshot import report_from_snapshot
from gongkai.report.write.cells_json import cells

from . import schemas

router = Router(tags=["公开数据"])


def _agency(agency_id: int) -> Agency:
    return get_object_or_404(Agency, pk=agency_id, is_active=True)


def _version(agency_id: int, year: int, version: int | None):
    found = latest_version(_agency(agency_id), year, version)
    if found is None:
        raise HttpError(404, "该年度报告尚未发布。")
    return found


@router.get("/agencies/", response=list[schemas.Agency], summary="机关列表")
def agencies(request):
    return [
        schemas.Agency(
            id=a.pk,
            name=a.name,
            kind=a.kind,
            kind_label=a.get_kind_display(),
            parent_id=a.parent_id,
        )
        for a in Agency.objects.filter(is_active=True).order_by("name")
    ]


@router.get(
    "/agencies/{agency_id}/reports/",
    response=list[schemas.PublishedReport],
    summary="已发布的年度报告",
)
def reports(request, agency_id: int):
    base = f"{request.path.rstrip('/')}/"
    return [
        schemas.PublishedReport(
            year=v.report.year,
            version=v.number,
            published_on=v.published_on,
            reason=v.reason,
            cells_url=f"{base}{v.report.year}/",
            full_url=f"{base}{v.report.year}/full/",
        )
        for v in latest_versions(_agency(agency_id))
    ]


@router.get(
    "/agencies/{agency_id}/reports/{year}/",
    response={200: schemas.Cells, 404: schemas.Message},
    exclude_none=True,
    summary="年度报告的表格数据（cells 格式，最新发布版本，或 ?version=N）",
)
def report_cells(request, agency_id: int, year: int, version: int | None = None):
    return cells(report_from_snapshot(_version(agency_id, year, version).snapshot))


@router.get(
    "/agencies/{agency_id}/reports/{year}/full/",
    response={200: dict, 404: schemas.Message},
    summary="年度报告的完整 JSON（发布时冻结的内容）",
)
def report_full(request, agency_id: int, year: int, version: int | None = None):
    return _version(agency_id, year, version).snapshot
