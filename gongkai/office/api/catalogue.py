"""The public read API of an agency's catalogue (条例第十二条): the items on its portal, the
fields the portal shows, a page at a time, with the portal's search and filters."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from ninja import Router

from gongkai.office.agencies.models import Agency
from gongkai.office.catalogue.open_data import records
from gongkai.office.catalogue.public import filtered

from . import schemas

router = Router(tags=["公开数据"])
PAGE_SIZE = 50


@router.get(
    "/agencies/{agency_id}/catalogue/",
    response={200: schemas.CataloguePage, 404: schemas.Message},
    summary="政府信息公开目录（已公开的条目；可按名称、索引号、文号检索，按类别、年度筛选）",
)
def catalogue(
    request, agency_id: int, q: str = "", category: str = "", year: str = "", page: int = 1
):
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    found = Paginator(filtered(agency.pk, q, category, year), PAGE_SIZE).get_page(page)
    return {
        "count": found.paginator.count,
        "page": found.number,
        "pages": found.paginator.num_pages,
        "items": list(records(request, found.object_list)),
    }
