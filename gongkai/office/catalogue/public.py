"""The public catalogue (条例第十二条、第二十四条): search, filters, each item's page and files.

Only items that passed review and sign-off (or were imported as already published) and that
are 主动公开 and published are shown; any other item's page is a 404, the same answer as for a
number that does not exist, so nothing leaks about drafts.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from urllib.parse import quote

from django.core.paginator import Paginator
from django.db.models import Max, Min, Q
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.office.agencies.models import Agency

from . import open_data
from .models import ON_PORTAL, Attachment, Consultation, Item
from .paging import SearchPaginator
from .search import search, through_index
from .vocab import LAW_CATEGORIES

PAGE_SIZE = 20
DOWNLOADS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@functools.cache
def _on_portal():
    """Every agency's public items: the filter built once per process, cloned by each use."""
    return Item.objects.filter(ON_PORTAL)


def public_items(agency_id: int):
    return _on_portal().filter(agency_id=agency_id)


def filtered(agency_id: int, query: str = "", category: str = "", year: str = ""):
    """The agency's public items matching a search of 名称、索引号、文号, a category and a year
    (the portal page, its downloads and the API), newest first. A query is cut to 100
    characters; a year that is not one is ignored."""
    query = query.strip()[:100]
    items = public_items(agency_id)
    if query:
        items = search(items, agency_id, query)
    if category:
        items = items.filter(category=category)
    if year.isdigit() and 1900 < int(year) < 3000:
        items = items.filter(formed_on__year=int(year))
    return items.order_by("-formed_on", "-id")


def _asked(request) -> tuple[str, str, str]:
    get = request.GET
    return get.get("q", "").strip()[:100], get.get("category", ""), get.get("year", "")


#: the columns the catalogue page shows, read as plain values (no model instances to build)
LISTED = ("pk", "index_no", "title", "formed_on", "published_on", "doc_number")


def catalogue(request, agency_id):
    """The agency's catalogue, searchable by 名称、索引号、文号, filtered by category and year.
    A search is three small queries: the agency with its own categories (a row per category,
    or one with None), the span of its years (two index probes), the page with its total
    (paging.py); browsing, or one character, counts the total apart. Each is built by the ORM,
    which costs more than PostgreSQL's answer: two annotated subqueries for the years cost
    more to build than a separate MIN/MAX."""
    named = Agency.objects.filter(pk=agency_id, is_active=True).order_by("own_categories__pk")
    rows = list(named.values_list("name", "own_categories__name"))
    if not rows:
        raise Http404("没有该机关")
    agency = {"pk": agency_id, "name": rows[0][0]}
    span = public_items(agency_id).aggregate(first=Min("formed_on"), last=Max("formed_on"))
    query, category, year = _asked(request)
    listed = filtered(agency_id, query, category, year).values(*LISTED)
    pages = SearchPaginator if through_index(query) else Paginator
    page = pages(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    years = range(span["last"].year, span["first"].year - 1, -1) if span["last"] else ()
    own = [name for _, name in rows if name is not None]
    return render(
        request,
        "catalogue/public_catalogue.html",
        {
            "agency": agency,
            "page": page,
            "query": query,
            "category": category,
            "year": year,
            "categories": [(c, c) for c in (*LAW_CATEGORIES, *own)],
            "years": [(y, f"{y}年") for y in years],
        },
    )


def item(request, agency_id, pk):
    found = get_object_or_404(public_items(agency_id).select_related("agency", "interprets"), pk=pk)
    interpretations = found.interpretations.filter(pk__in=public_items(agency_id).values("pk"))
    return render(
        request,
        "catalogue/public_item.html",
        {
            "item": found,
            "agency": found.agency,
            "attachments": found.attachments.filter(withdrawn=None),
            "interpretations": interpretations,
            "interprets": found.interprets
            if found.interprets and found.interprets.on_portal
            else None,
            "channels": found.publications.all(),
        },
    )


def attachment(request, agency_id, pk):
    found = get_object_or_404(Attachment, pk=pk, withdrawn=None, item__agency_id=agency_id)
    if not found.item.on_portal:
        raise Http404("没有该文件")
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name)


def download(request, agency_id, kind):
    """条例第十二条's catalogue as open data: every item the page would list (its search and
    filters apply), as CSV (for Excel) or JSON, read in chunks so that any size streams."""
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    if kind not in DOWNLOADS:
        raise Http404("没有这种数据格式。")
    rows = open_data.records(request, filtered(agency.pk, *_asked(request)))
    if kind == "csv":
        response = StreamingHttpResponse(open_data.csv_lines(rows), content_type=DOWNLOADS[kind])
    else:
        body = json.dumps(list(rows), ensure_ascii=False, indent=1)
        response = HttpResponse(body.encode("utf-8"), content_type=DOWNLOADS[kind])
    name = quote(f"{agency.name}政府信息公开目录.{kind}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


def open_consultations(agency_id: int, today: dt.date):
    return Consultation.objects.filter(agency_id=agency_id, opens_on__lte=today).filter(
        Q(closes_on__gte=today) | ~Q(feedback="")
    )
