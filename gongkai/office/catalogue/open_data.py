"""The published catalogue as open data: the fields the portal shows of each item, for the API
(/api/v1/agencies/<id>/catalogue/) and for the portal's CSV and JSON downloads. One list of
fields, so that the three never differ; only what `public.public_items` lets through."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.urls import reverse

from .models import Item

#: (key, Chinese column) of one item; the model's own labels where the field is the model's
FIELDS = tuple(
    (name, str(Item._meta.get_field(name).verbose_name))
    for name in (
        "index_no",
        "title",
        "category",
        "doc_type",
        "doc_number",
        "formed_on",
        "published_on",
        "summary",
        "repealed_on",
        "expired_on",
    )
) + (("interprets", "解读对象（索引号）"), ("url", "网址"))
#: rows read from the database at a time, so that a download of any size stays small in memory
CHUNK = 500


def record(item: Item, url: str) -> dict:
    """One item as open data; a date as YYYY-MM-DD, a missing one as None (blank is not 0)."""
    interprets = item.interprets if item.interprets_id and item.interprets.on_portal else None
    found = {}
    for key, _ in FIELDS:
        if key == "doc_type":
            found[key] = item.get_doc_type_display()
        elif key == "interprets":
            found[key] = interprets.index_no if interprets else None
        elif key == "url":
            found[key] = url
        else:
            value = getattr(item, key)
            found[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return found


def item_url(request, item: Item) -> str:
    return request.build_absolute_uri(
        reverse("catalogue:public_item", args=[item.agency_id, item.pk])
    )


def records(request, items) -> Iterator[dict]:
    for item in items.select_related("interprets").iterator(chunk_size=CHUNK):
        yield record(item, item_url(request, item))


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    """The CSV, a line at a time: a BOM (so that Excel reads it as UTF-8), the Chinese header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield "\ufeff" + line(label for _, label in FIELDS)
    for row in rows:
        yield line("" if row[key] is None else row[key] for key, _ in FIELDS)
