"""Writes that hold when two people (or one double click) act at once.

- `locked(model, pk)`: the row, locked until the transaction ends (SELECT … FOR UPDATE on
  PostgreSQL; SQLite's IMMEDIATE transactions already hold the database's write lock). Check a
  step's preconditions on the locked row, never on a copy read before.
- A form token (`TokenField`): each rendered form carries a fresh random token; the change it
  causes is stored with it, so the same form posted twice (a double click, a resent page)
  changes nothing the second time, while two forms filled in alike are two changes.
- A version (`VersionField` and `check_version`): an edit form carries the version it was
  loaded at; saving over a newer version is refused with who changed it and when, instead of
  silently undoing their edit.
"""

from __future__ import annotations

import re
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

TOKEN_PATTERN = re.compile(r"[0-9a-f]{32}")
EXPIRED = "表单已失效，请刷新页面后重新填写。"


class AlreadyRecorded(Exception):
    """This very form was already saved: the second post is answered as the first was."""


class StaleEdit(ValidationError):
    """The record changed since the form was loaded; the message says by whom and when."""


def locked(model, pk):
    """The row of `model` with primary key `pk`, locked for the rest of the transaction."""
    return model._default_manager.select_for_update().get(pk=pk)


def new_token() -> str:
    return secrets.token_hex(16)


class TokenField(forms.CharField):
    """Hidden; a fresh token each time the form is shown. Blank (a client without it) is
    accepted and simply not deduplicated; anything else than a token is refused."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, initial=new_token, max_length=32, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not TOKEN_PATTERN.fullmatch(value):
            raise ValidationError(EXPIRED)
        return value


class VersionField(forms.IntegerField):
    """Hidden: the version of the record the form was loaded at."""

    widget = forms.HiddenInput

    def __init__(self, required=False, **kwargs):
        super().__init__(
            required=required,
            min_value=0,
            max_value=2**31 - 1,
            error_messages={k: EXPIRED for k in ("required", "invalid", "min_value", "max_value")},
            **kwargs,
        )


def check_version(current: int, submitted: int | None, last_change=None) -> None:
    """Refuse a save from a form loaded at another version than the stored one. `last_change`
    (a ChangeRecord) names who saved in between."""
    if submitted is None or submitted == current:
        return
    who = ""
    if last_change is not None:
        at = timezone.localtime(last_change.at).strftime("%Y-%m-%d %H:%M:%S")
        who = f"（{last_change.who}于 {at} 保存）"
    raise StaleEdit(
        f"您打开页面之后，这份记录已被修改{who}。您的修改未保存，以免覆盖他人的修改；"
        "请刷新页面，核对后重新填写。"
    )
