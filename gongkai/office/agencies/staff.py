"""Staff management by an agency's 管理员, in the office rather than Django admin: add people,
assign their roles, reset a password, deactivate. A person is never deleted (their name stays
on everything they did, audit.models.person_field); every change is kept old → new, here in the page's own terms (a person's roles in one entry),
so the models' own trail stands aside (recorded_here)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.office.audit import trail
from gongkai.office.audit.watched import recorded_here

from .access import STAFF_ROLES, agencies_for
from .models import Membership, Role

#: the roles a 管理员 gives inside the agency (a 监督人 is named by the supervising level)
ASSIGNABLE = [(r.value, r.label) for r in STAFF_ROLES]
LABELS = {"roles": "角色", "password": "密码", "first_name": "姓名", "is_active": "在职"}
FIELDS = ("first_name", "email", "is_active")


class StaffError(Exception):
    """A change the 管理员 may not make; the message says why, in Chinese."""


def managed_agencies(user):
    return agencies_for(user, Role.ADMIN).order_by("name")


def roles_of(person, agency) -> list[str]:
    return sorted(
        Membership.objects.filter(user=person, agency=agency).values_list("role", flat=True)
    )


def _state(person, agency) -> dict:
    values = trail.values(person, FIELDS)
    values["is_active"] = "是" if person.is_active else "否"
    labels = dict(Role.choices)
    values["roles"] = "、".join(labels[r] for r in roles_of(person, agency)) or None
    return values


def _set_roles(person, agency, roles) -> None:
    wanted = set(roles)
    current = Membership.objects.filter(
        user=person, agency=agency, role__in=[r for r, _ in ASSIGNABLE]
    )
    current.exclude(role__in=wanted).delete()
    have = set(current.values_list("role", flat=True))
    Membership.objects.bulk_create(
        [Membership(user=person, agency=agency, role=r) for r in sorted(wanted - have)]
    )


@transaction.atomic
@recorded_here()
def add(agency, by, *, username, first_name, email, password, roles):
    person = get_user_model().objects.create_user(
        username, email=email, password=password, first_name=first_name
    )
    _set_roles(person, agency, roles)
    trail.record(person, by, "添加人员", {}, _state(person, agency), agency=agency, labels=LABELS)
    return person


@transaction.atomic
@recorded_here()
def change(person, agency, by, *, first_name, email, roles):
    if person.pk == by.pk and Role.ADMIN not in roles:
        raise StaffError("不能取消自己的管理员角色，请由本机关其他管理员办理。")
    before = _state(person, agency)
    person.first_name, person.email = first_name, email
    person.save(update_fields=["first_name", "email"])
    _set_roles(person, agency, roles)
    trail.record(
        person, by, "修改人员", before, _state(person, agency), agency=agency, labels=LABELS
    )


@transaction.atomic
@recorded_here()
def reset_password(person, agency, by, password) -> None:
    person.set_password(password)  # the person's open sessions end with the old password
    person.save(update_fields=["password"])
    trail.record(
        person,
        by,
        "重置密码",
        {"password": "原密码"},
        {"password": "已重置"},
        agency=agency,
        labels=LABELS,
    )


@transaction.atomic
@recorded_here()
def set_active(person, agency, by, active: bool) -> None:
    """Deactivate (the person can no longer sign in) or reactivate; never delete."""
    if person.pk == by.pk:
        raise StaffError("不能停用自己的账号。")
    elsewhere = (
        Membership.objects.filter(user=person).exclude(agency__in=managed_agencies(by)).exists()
    )
    if elsewhere:
        raise StaffError("该人员在其他机关也有角色，停用或启用请与该机关的管理员商定。")
    before = _state(person, agency)
    person.is_active = active
    person.save(update_fields=["is_active"])
    action = "启用人员" if active else "停用人员"
    trail.record(person, by, action, before, _state(person, agency), agency=agency, labels=LABELS)
