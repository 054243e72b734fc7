"""The trail of an agency's settings and of people's accounts, kept at the model.

An agency's record (its 指南 contacts, kind, 启用), its people's roles, its calendar overrides,
its catalogue's 索引号 scheme and categories, its letter templates, and a person's account (name, 有效, a password
reset) are changed on several pages: the admin, the office's staff pages, commands. Recording
the change where the row is saved means no page can forget it. Who made it is the signed-in
person of the request (`ActorMiddleware`), or the one a command names with `acting_as`; none
means the system (an import, the demo). A page that records its change itself, in its own
terms (the office's staff page: a person's roles in one entry), runs it `recorded_here`, so
that the change is recorded once.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save

from . import trail

#: model label → fields not recorded (bookkeeping, or secrets recorded only as "reset")
WATCHED = {
    "agencies.Agency": (),
    "agencies.Membership": (),
    "agencies.CalendarOverride": (),
    "auth.User": ("password", "last_login", "date_joined"),
    "catalogue.IndexScheme": ("next_seq",),
    "catalogue.OwnCategory": (),
    "notices.NoticeTemplate": ("updated", "updated_by"),
}
PASSWORD_LABEL = "密码"
PASSWORD_HIDDEN = "（不显示）"
PASSWORD_RESET = "（已重设）"

_actor = contextvars.ContextVar("audit_actor", default=None)
_recorded_here = contextvars.ContextVar("audit_recorded_here", default=False)


@contextmanager
def acting_as(user):
    """Changes saved inside are recorded as made by `user`."""
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def recorded_here():
    """Saves inside are recorded by the caller, not here (`with recorded_here():`, or
    `@recorded_here()` on a function)."""
    token = _recorded_here.set(True)
    try:
        yield
    finally:
        _recorded_here.reset(token)


class ActorMiddleware:
    """The request's signed-in person is who made the changes saved while it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(getattr(request, "user", None)):
            return self.get_response(request)


def watched(model) -> bool:
    return model._meta.label in WATCHED


def _fields(instance, update_fields) -> list[str]:
    ignored = WATCHED[instance._meta.label]
    names = [
        f.name
        for f in instance._meta.concrete_fields
        if not f.primary_key and f.name not in ignored
    ]
    if update_fields is not None:
        names = [n for n in names if n in update_fields]
    return names


def _agency(instance):
    from gongkai.office.agencies.models import Agency

    return instance if isinstance(instance, Agency) else getattr(instance, "agency", None)


def _before(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._trail_before = None
    if raw or instance.pk is None or _recorded_here.get():
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    if stored is None:
        return
    fields = _fields(instance, update_fields)
    instance._trail_before = trail.values(stored, fields) if fields else None
    instance._trail_password_reset = (
        sender._meta.label == "auth.User"
        and (update_fields is None or "password" in update_fields)
        and stored.password != instance.password
    )


def _after(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or _recorded_here.get():
        return
    before = getattr(instance, "_trail_before", None)
    if not created and before is None and not getattr(instance, "_trail_password_reset", False):
        return  # only unrecorded fields saved (a login's time)
    label = instance._meta.verbose_name
    after = trail.values(instance, _fields(instance, update_fields))
    extra = []
    if not created and getattr(instance, "_trail_password_reset", False):
        extra = [
            {
                "field": "password",
                "label": PASSWORD_LABEL,
                "old": PASSWORD_HIDDEN,
                "new": PASSWORD_RESET,
            }
        ]
    trail.record(
        instance,
        _actor.get(),
        f"新增{label}" if created else f"修改{label}",
        {} if created else (after if before is None else before),
        after,
        agency=_agency(instance),
        extra=extra,
    )


def _deleted(sender, instance, **kwargs):
    if _recorded_here.get():
        return
    label = instance._meta.verbose_name
    trail.record(
        instance,
        _actor.get(),
        f"删除{label}",
        trail.values(instance, _fields(instance, None)),
        {},
        agency=_agency(instance),
    )


def connect() -> None:
    """Called once from the audit app's ready()."""
    for name in WATCHED:
        model = apps.get_model(name)
        uid = f"audit-{name}"
        pre_save.connect(_before, sender=model, dispatch_uid=f"{uid}-before")
        post_save.connect(_after, sender=model, dispatch_uid=f"{uid}-after")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
