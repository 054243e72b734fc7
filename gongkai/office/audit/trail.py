"""Record a change old → new, and read a record's trail. Used the same way by every app:

    before = trail.values(appeal)                  # as stored, before the form is applied
    ... change and save appeal ...
    trail.record(appeal, request.user, "修改复议诉讼案件", before, agency=appeal.agency)
    trail.of(appeal)                               # the ChangeRecords, oldest first

`values` keeps what a person reads: a choice's label, a related record's name, a date as
YYYY-MM-DD; a dict field (table 1 as typed) is spread into one entry per key, so a change of
one cell shows as that cell. `record` writes nothing when nothing changed, except for a
creation (`before` empty) or a deletion (`after={}`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .models import ChangeRecord

EMPTY = "（空）"


def plain(value):
    if isinstance(value, FieldFile):  # an uploaded file is recorded by its stored name
        return value.name or None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def values(instance, fields=None) -> dict[str, object]:
    """{field name: readable value} of the concrete fields (all but the key, or `fields`)."""
    found = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or (fields is not None and field.name not in fields):
            continue
        if field.is_relation:
            related = getattr(instance, field.name)
            found[field.name] = None if related is None else str(related)
        elif field.choices:
            raw = getattr(instance, field.attname)
            found[field.name] = (
                dict(field.flatchoices).get(raw, raw) if raw not in ("", None) else raw
            )
        else:
            raw = getattr(instance, field.attname)
            if isinstance(raw, dict):
                found.update({f"{field.name}.{k}": plain(v) for k, v in raw.items()})
            else:
                found[field.name] = plain(raw)
    return found


def _label(model, name: str, labels: dict) -> str:
    if name in labels:
        return labels[name]
    try:
        return str(model._meta.get_field(name.split(".", 1)[0]).verbose_name)
    except FieldDoesNotExist:  # a key of a dict field without a label given
        return name


def diff(model, before: dict, after: dict, labels: dict | None = None) -> list[dict]:
    """The entries that differ, in the order of `after` then removed keys."""
    labels = labels or {}
    names = list(after) + [n for n in before if n not in after]
    return [
        {
            "field": n,
            "label": _label(model, n, labels),
            "old": before.get(n),
            "new": after.get(n),
        }
        for n in names
        if _blank(before.get(n)) != _blank(after.get(n))
    ]


def _blank(value):
    """None and "" are the same blank to a reader (a 0 is not blank)."""
    return None if value == "" else value


def record(
    instance, by, action: str, before: dict, after: dict | None = None, **options
) -> ChangeRecord | None:
    """Write the change of `instance` from `before` to `after` (default: its values now);
    `options` as `change_record`'s. Returns the ChangeRecord, or None when nothing changed."""
    found = change_record(instance, by, action, before, after, **options)
    if found is not None:
        found.save()
    return found


def change_record(
    instance,
    by,
    action: str,
    before: dict,
    after: dict | None = None,
    *,
    agency=None,
    labels: dict | None = None,
    version: int | None = None,
    token: str = "",
    ignore=("updated", "updated_by", "version"),
    extra: list[dict] = (),
) -> ChangeRecord | None:
    """The ChangeRecord `record` writes, not saved yet (many go in one bulk_create): `extra`
    entries (a change shown without its values, a password reset) are added as given."""
    after = values(instance) if after is None else after
    changes = [c for c in diff(type(instance), before, after, labels) if c["field"] not in ignore]
    changes += list(extra)
    if not changes and before and after:
        return None
    return ChangeRecord(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=instance.pk,
        agency=agency,
        by=by if getattr(by, "is_authenticated", False) else None,
        action=action,
        changes=changes,
        version=version,
        token=token,
    )


def of(instance):
    """The trail of `instance`, oldest first, with the people who made it."""
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    ).select_related("by")


def latest(instance) -> ChangeRecord | None:
    return of(instance).order_by("-at", "-id").first()


def recorded(model, token: str) -> bool:
    """True when a form with this token already changed a record of `model`."""
    return (
        bool(token)
        and ChangeRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(model), token=token
        ).exists()
    )


YES_NO = {True: "是", False: "否"}
#: a moment as plain() stores it (2026-12-01T12:13:10.049629+00:00)
MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d[\d:.]*([+-]\d\d:\d\d|Z)?")


def shown(value) -> str:
    """A stored value as a person reads it: blank as （空）, a yes/no as 是/否, a moment as
    local 年-月-日 时:分."""
    if isinstance(value, bool):
        return YES_NO[value]
    if isinstance(value, str) and MOMENT.fullmatch(value):
        moment = dt.datetime.fromisoformat(value)
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%Y-%m-%d %H:%M")
    return EMPTY if value in (None, "") else str(value)
