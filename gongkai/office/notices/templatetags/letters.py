"""{% load letters %}: whether an event has a letter, whether a user may edit the templates."""

from django import template

from ..letter_service import has_letter as _has_letter

register = template.Library()


@register.filter
def has_letter(event) -> bool:
    return _has_letter(event)


@register.filter
def may_edit_templates(user) -> bool:
    from ..views import _may_edit

    return _may_edit(user)
