"""Saving an edit form so that it neither overwrites a newer edit nor goes unrecorded.

A model with a `version` field (PositiveIntegerField, default 0) and a ModelForm with
`VersionedForm` mixed in are saved with `save_edit`: under the row lock the version the form was
loaded at is compared with the stored one (a stale form raises StaleEdit naming who saved in
between), the version goes up by one, and the change old → new goes into the trail.

    form = AppealForm(user, request.POST, instance=appeal)
    if form.is_valid():
        try:
            save_edit(form, request.user, "修改复议诉讼案件", agency=form.instance.agency)
        except StaleEdit as e:
            form.add_error(None, e.messages)
"""

from __future__ import annotations

from django.db import transaction

from gongkai.office.concurrency import VersionField, check_version, locked

from . import trail


class VersionedForm:
    """Mixin for a ModelForm: a hidden `version`, required when an existing record is edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = VersionField(initial=self.instance.version)
        self.fields["version"].required = self.instance.pk is not None


def save_edit(form, by, action: str, *, agency=None, labels=None):
    """Save a valid VersionedForm's instance and record the change; returns the saved record."""
    instance = form.instance
    with transaction.atomic():
        if instance.pk is None:
            before = {}
        else:
            current = locked(type(instance), instance.pk)
            check_version(current.version, form.cleaned_data.get("version"), trail.latest(current))
            before = trail.values(current)
            instance.version = current.version + 1
        saved = form.save()
        trail.record(saved, by, action, before, agency=agency, labels=labels, version=saved.version)
    return saved
