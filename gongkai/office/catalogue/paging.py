"""A page of search results and their total in one query.

A search through the pieces index (search.through_index) reads all its matches to sort them,
so `COUNT(*) OVER ()` on the page's own query gives the total at no extra cost: one query
instead of a COUNT and a page. Browsing a whole catalogue, or a one-character search, is the
other way round: the first page comes from the index in order, stopping after 20 rows, and a
window would read every row, so there the plain paginator's COUNT is the cheaper.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Window

TOTAL = "page_total"


class SearchPaginator(Paginator):
    """Paginator.get_page (a bad or missing number is page 1, one past the end the last page)
    with the total read from the page's rows; only a page past the end counts separately.
    Pages are all `per_page` long (no orphans)."""

    def get_page(self, number):
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        rows = list(
            self.object_list.annotate(**{TOTAL: Window(Count("pk"))})[
                bottom : bottom + self.per_page
            ]
        )
        if not rows:  # past the end, or nothing found: the paginator's own COUNT decides
            return super().get_page(number)
        first = rows[0]
        self.count = first[TOTAL] if isinstance(first, dict) else getattr(first, TOTAL)
        return self._get_page(rows, number, self)
