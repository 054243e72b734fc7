"""{% load catalogue_rows %}: the public catalogue's result rows and filter options.

They are most of the page's work, repeated per row or option; written with format_html in one
pass they cost a fifth of the same markup in template tags (bench/catalogue_speed.py). Every
value is escaped as the template would escape it.
"""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

#: one item of the catalogue: a link relative to the catalogue page (/catalogue/N/ → item/M/)
#: and ISO dates (YYYY-MM-DD)
ROW = '<tr><td>{}</td><td><a href="item/{}/">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>\n'


@register.simple_tag
def catalogue_rows(rows):
    """The rows of `rows` (dicts of public.LISTED), or the one row that says nothing matched."""
    if not rows:
        return format_html(
            '<tr><td colspan="5" class="muted" id="no-results">{}</td></tr>', "没有符合条件的信息。"
        )
    return format_html_join(
        "",
        ROW,
        (
            (
                r["index_no"],
                r["pk"],
                r["title"],
                r["doc_number"],
                r["formed_on"].isoformat(),
                r["published_on"].isoformat(),
            )
            for r in rows
        ),
    )


@register.simple_tag
def options(choices, chosen):
    """<option>s for (value, text) `choices`, the one whose value is `chosen` selected."""
    chosen = str(chosen)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if str(value) == chosen else "", text) for value, text in choices),
    )
