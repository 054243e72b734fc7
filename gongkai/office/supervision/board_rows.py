"""The board's 50 rows as HTML, the one part of its page drawn once per agency.

Django's template engine spent about 150 µs a row on them (a third of the page's CPU under
10 clients), and `format_html` still 30 µs, most of it checking each of a row's twenty values
for lazy translations. Here every text that comes from the database goes through
`html.escape` (what Django's `escape` calls), the rest are numbers, ISO dates and this
module's own labels; one `reverse` serves every row's link (they differ only by the id).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .board import BoardRow

BY_HAND = "（手工添加）"
_ID = 987654321  # stands for the report's id in the one reversed link


def _muted(text: str) -> str:
    return f' <span class="muted">{escape(text)}</span>' if text else ""


def _row(r: BoardRow, head: str, tail: str) -> str:
    name = escape(r.name)
    if r.submission_id:
        name = f'<a href="{head}{int(r.submission_id)}{tail}">{name}</a>'
    errors, warnings, unreadable = (
        (int(r.errors), int(r.warnings), int(r.unreadable)) if r.found else ("",) * 3
    )
    dated = r.dated_on.isoformat() if r.dated_on else ""
    return (
        f'<tr id="agency-{int(r.agency_id)}" class="{escape(r.status)}">\n'
        f"<td>{name}{_muted(BY_HAND if r.by_hand else '')}</td>\n"
        f"<td>{r.deadline.isoformat()}</td>\n"
        f'<td class="status">{escape(r.status_label)}{_muted(r.source)}</td>\n'
        f"<td>{dated}{_muted(r.date_used)}</td>\n"
        f'<td class="errors">{errors}</td>\n<td class="warnings">{warnings}</td>\n'
        f"<td>{unreadable}</td>\n"
        f'<td class="flags">{escape("、".join(r.flags))}</td>\n'
        f'<td class="tasks">{int(r.open_tasks) or ""}</td>\n</tr>'
    )


def rows_html(rows: Iterable[BoardRow]) -> SafeString:
    """`<tr>` per row: the agency (its report linked), deadline, status, date, counts (blank
    while nothing was submitted), flags and open 整改 tasks."""
    head, _, tail = escape(reverse("supervision:submission", args=[_ID])).partition(str(_ID))
    return mark_safe("\n".join(_row(r, head, tail) for r in rows))
