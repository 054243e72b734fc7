"""The office's mail: sent only when the office named a mail server (settings: GONGKAI_EMAIL_*).

Two kinds go out: the staff's daily reminders (today/reminders.py) and the applicant's letters
(补正告知书, 答复书 …) to the address the applicant gave, as the online form promises.
"""

from __future__ import annotations

import logging
import re
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email

log = logging.getLogger(__name__)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def configured() -> bool:
    return bool(settings.EMAIL_HOST)


def applicant_email(application) -> str:
    """The address the applicant gave: the online form's e-mail field, else one written in the
    contact field at the counter ("13800000000；zhang@example.cn"); "" when there is none."""
    online = getattr(application, "online", None)  # the OnlineSubmission, if filed online
    if online is not None and online.email:
        return online.email
    for token in re.split(r"[\s,，;；、/]+", application.contact or ""):
        try:
            validate_email(token)
        except ValidationError:
            continue
        return token
    return ""


class MailFailed(Exception):
    """The mail server refused or could not be reached; the message says so in Chinese."""


def send(message: EmailMessage) -> None:
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("mail to %s failed: %s", message.to, exc)
        raise MailFailed("邮件未能发送：邮件服务器无法连接或拒绝了邮件，请检查邮件设置。") from exc


def send_letter(attachment) -> str:
    """Mail a generated letter to the applicant; the address it went to, or "" when the office
    has no mail server or the applicant gave no address (MailFailed if the server fails)."""
    application = attachment.application
    to = applicant_email(application)
    if not (configured() and to):
        return ""
    message = EmailMessage(
        subject=f"{application.agency.name}：{attachment.name.removesuffix('.docx')}",
        body=(
            f"您好：\n\n附件是{application.agency.name}就您的政府信息公开申请"
            f"（编号 {application.number}）出具的文书，请查收。\n\n此邮件由系统发送，请勿直接回复。"
        ),
        to=[to],
    )
    with attachment.file.open("rb") as f:
        message.attach(attachment.name, f.read(), DOCX)
    send(message)
    application.history.create(action="以电子邮件发送文书", changes={"attachment": attachment.name})
    return to
