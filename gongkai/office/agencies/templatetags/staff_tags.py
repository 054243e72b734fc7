"""{% load staff_tags %}: whether the signed-in person manages an agency's staff (the nav link)."""

from django import template

from ..access import is_admin

register = template.Library()


@register.filter
def manages_staff(user) -> bool:
    return is_admin(user)
