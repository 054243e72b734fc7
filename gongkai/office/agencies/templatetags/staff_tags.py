"""{% load staff_tags %}: whether the signed-in person manages an agency's staff (the nav link)."""

from django import template

from ..staff import managed_agencies

register = template.Library()


@register.filter
def manages_staff(user) -> bool:
    return managed_agencies(user).exists()
