"""Every office list the same way: filters from the query string, pages of PAGE_SIZE, and the
query kept on the pager's links (templates/_pager.html)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator

from gongkai.office.agencies.models import Agency

PAGE_SIZE = 50  # a page a person reads; longer lists are paged, not cut off


def paged(request, rows, filters: dict[str, str], size: int = PAGE_SIZE) -> dict:
    """The context a list's pager needs: `page` and `query` (the filters that are set)."""
    return {
        "page": Paginator(rows, size).get_page(request.GET.get("page")),
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "filters": filters,
    }


def agency_filter(request, visible_ids) -> tuple[str, list]:
    """(the chosen agency id or "", the agencies to choose from): offered to whoever sees
    several agencies (a 监督人, a person with roles in two offices); an id outside
    `visible_ids` is ignored, not an error."""
    agencies = list(Agency.objects.filter(pk__in=visible_ids).order_by("name").only("pk", "name"))
    chosen = request.GET.get("agency", "")
    if not chosen.isdigit() or int(chosen) not in visible_ids:
        chosen = ""
    return chosen, agencies if len(agencies) > 1 else []
