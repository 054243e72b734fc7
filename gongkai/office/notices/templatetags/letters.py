"""{% load letters %}: whether an event has a letter, whether a user may edit the templates,
and a fresh token for each 生成文书 button."""

from django import template

from gongkai.office.concurrency import new_token

from ..letter_service import has_letter as _has_letter

register = template.Library()


@register.filter
def has_letter(event) -> bool:
    return _has_letter(event)


@register.filter
def may_edit_templates(user) -> bool:
    from ..views import _may_edit

    return _may_edit(user)


@register.simple_tag
def letter_token() -> str:
    return new_token()
