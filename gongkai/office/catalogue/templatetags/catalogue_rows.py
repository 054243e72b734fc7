"""{% load catalogue_rows %}: the public catalogue's result rows and filter options.

They are most of the page's work, repeated per row or option. Written here in one pass, each
value escaped by html.escape (what Django's escape does, without the lazy-text checks of
format_html on every value), they cost a fraction of the same markup in template tags
(bench/catalogue_speed.py). The values are database text and numbers, never marked safe.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

#: one item of the catalogue: a link relative to the catalogue page (/catalogue/N/ → item/M/)
#: and ISO dates (YYYY-MM-DD)
ROW = '<tr><td>{}</td><td><a href="item/{}/">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>\n'
NO_ROWS = '<tr><td colspan="5" class="muted" id="no-results">没有符合条件的信息。</td></tr>'
OPTION = '<option value="{}"{}>{}</option>'


def _filled(pattern: str, values) -> str:
    return pattern.format(*(escape(str(v)) for v in values))


@register.simple_tag
def catalogue_rows(rows):
    """The rows of `rows` (dicts of public.LISTED), or the one row that says nothing matched."""
    if not rows:
        return mark_safe(NO_ROWS)
    return mark_safe(
        "".join(
            _filled(
                ROW,
                (
                    r["index_no"],
                    r["pk"],
                    r["title"],
                    r["doc_number"],
                    r["formed_on"].isoformat(),
                    r["published_on"].isoformat(),
                ),
            )
            for r in rows
        )
    )


@register.simple_tag
def options(choices, chosen):
    """<option>s for (value, text) `choices`, the one whose value is `chosen` selected."""
    chosen = str(chosen)
    return mark_safe(
        "".join(
            OPTION.format(
                escape(str(value)), " selected" if str(value) == chosen else "", escape(str(text))
            )
            for value, text in choices
        )
    )
