"""Search of an agency's catalogue by 名称, 索引号 and 文号, indexed by two-character pieces.

Chinese has no spaces and its words are often two characters (复议, 征收): a trigram index
cannot find them, and a LIKE '%复议%' scans every row. Each item's searchable text is cut into
overlapping pairs of characters (SearchGram, indexed by agency and pair). A query of two or
more characters finds the items holding all its pairs through the index, then the exact text
is confirmed on those few; a one-character query is matched directly within the agency.
The same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from django.db.models import Count, Q

from gongkai.report.normalize import norm


def searchable(item) -> str:
    return norm(f"{item.title} {item.index_no} {item.doc_number}").lower()


def grams_of(text: str) -> set[str]:
    text = norm(text).lower()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def index_items(items) -> None:
    """(Re)build the pieces and the normalised text of `items` (derived data, not history)."""
    from .models import Item, SearchGram

    items = list(items)
    for item in items:
        item.search_text = searchable(item)
    Item.objects.bulk_update(items, ["search_text"], batch_size=2000)
    SearchGram.objects.filter(item__in=[i.pk for i in items]).delete()
    SearchGram.objects.bulk_create(
        [
            SearchGram(agency_id=item.agency_id, item_id=item.pk, gram=g)
            for item in items
            for g in sorted(grams_of(searchable(item)))
        ],
        batch_size=5000,
    )


def text_match(query: str) -> Q:
    return Q(search_text__contains=norm(query).lower())


def through_index(query: str) -> bool:
    """Whether `query` is looked up in the pieces index (two characters or more), its matches
    all read to be sorted; one character is matched on the agency's items in their order."""
    return bool(grams_of(query))


def search(items, agency_id: int, query: str):
    """`items` (a queryset of one agency's items) narrowed to those matching `query`."""
    from .models import SearchGram

    query = norm(query)
    grams = grams_of(query)
    if not grams:
        return items.filter(text_match(query)) if query else items
    pieces = SearchGram.objects.filter(agency_id=agency_id)
    if len(grams) == 1:  # a two-character word: its items straight from the index
        holding = pieces.filter(gram=next(iter(grams))).values("item_id")
    else:
        holding = (
            pieces.filter(gram__in=grams)
            .values("item_id")
            .annotate(n=Count("gram"))
            .filter(n=len(grams))
            .values("item_id")
        )
    return items.filter(pk__in=holding).filter(text_match(query))
