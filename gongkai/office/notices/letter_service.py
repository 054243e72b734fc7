"""Generating an event's letter and keeping it with the case, as an attachment with its history.

The letter is rendered from the holding agency's template (render.template_for). The form's
token makes a double click one letter; generating again later (after a template was changed)
is a new letter, kept beside the first."""

from __future__ import annotations

from django.core.files.base import ContentFile

from gongkai.office.agencies.access import can_handle_case
from gongkai.office.applications.models import Attachment, EventKind, History
from gongkai.office.applications.services import current_token, once

from .context import context_for
from .letters import LETTERS
from .render import render, template_for


class NoLetter(Exception):
    """This event has no letter (or not yet: an extension before its approval)."""


def has_letter(event) -> bool:
    if event.kind not in LETTERS:
        return False
    return event.kind != EventKind.EXTENSION or bool(event.data.get("approved"))


def attach_letter(event, by, token: str = "") -> Attachment:
    """Render the letter of `event` and attach it to its case (LetterError on a bad template;
    AlreadyRecorded when the form with `token` already made it)."""
    application = event.application
    if not can_handle_case(by, application):
        raise PermissionError("只有本机关的工作人员可以生成文书。")
    if not has_letter(event):
        raise NoLetter("该事件没有对应的文书。")
    letter = LETTERS[event.kind]
    body = render(template_for(event.kind, application.agency), context_for(event))
    name = f"{application.number} {letter.title}（{event.on.isoformat()}）.docx"

    def write():
        attachment = Attachment.objects.create(
            application=application,
            event=event,
            file=ContentFile(body, name=f"{application.number}-{event.kind}-{event.pk}.docx"),
            name=name,
            uploaded_by=by,
        )
        History.objects.create(
            application=application,
            by=by,
            action="生成文书",
            changes={"attachment": name},
            token=current_token(),
        )
        return attachment

    return once(token, write)
