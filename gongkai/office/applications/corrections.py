"""Correcting the ledger: each correction names its reason, is kept in the history old → new,
and leaves the clock and the compiled tables as if the mistake had never been recorded.

Nothing is deleted. An event undone, a reply or appeal voided, an attachment removed keep their
rows marked (who, when, why); the managers of the models hide them from the clock, the tables and
the next steps. An application registered by mistake is voided (已作废), never deleted.

Who may correct what (条例第三十三条第二款 gives the OGI unit's 审核人/负责人 the sign-off on the
period; [U] that they also sign off a change to the answer is common practice, not written law):

- 更正登记信息 (intake data): any staff of the holding agency, as for registering.
- 撤销事件 (the last event recorded): whoever recorded it, or a 审核人/负责人. An event that
  reached the applicant (a reply, a notice whose letter was generated or whose service or
  notification date is recorded, an approved extension) is not undone: it happened, and is
  corrected by a new event (for a reply: 更正答复 or 作废答复).
- 更正答复 / 作废答复, 作废申请, 作废复议诉讼案件: a 审核人 or 负责人.
- 移除附件: whoever uploaded it, or a 审核人/负责人.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.office.agencies.access import APPROVER_ROLES, agencies_for
from gongkai.office.audit import trail

from . import fact_dates
from .models import Application, Attachment, CaseEvent, EventKind, History, Status
from .replies import BY_KEY
from .services import (
    RECEIVED_ON_ARRIVAL,
    CaseError,
    _change,
    _checked_reply,
    _event,
    _reply_fields,
    _require,
    _require_staff,
    _step,
    current_token,
)

#: the state an event leaves the case in (domain-spec §5.9); the others leave it as it was
STATUS_AFTER = {
    EventKind.CORRECTION_NOTICE: Status.CORRECTION_REQUESTED,
    EventKind.CORRECTION_RECEIVED: Status.REGISTERED,
    EventKind.CONSULTATION_START: Status.CONSULTING,
    EventKind.CONSULTATION_END: Status.REGISTERED,
    EventKind.FEE_NOTICE: Status.AWAITING_PAYMENT,
    EventKind.FEE_PAID: Status.REGISTERED,
    EventKind.REPLY: Status.CLOSED,
    EventKind.WITHDRAWN: Status.CLOSED,
}
#: the facts of intake a clerk may correct (the agency, the number's year and the legal events
#: are not intake data)
INTAKE_FIELDS = (
    "number",
    "request_kind",
    "channel",
    "arrived_on",
    "received_on",
    "applicant_category",
    "applicant_subtype",
    "applicant_name",
    "id_number",
    "contact",
    "request_text",
    "delivery_form",
)
NO_REASON = "请说明更正的原因。"
APPROVERS_ONLY = "只有本机关的审核人或负责人可以{}。"


def is_approver(user, application) -> bool:
    return agencies_for(user, APPROVER_ROLES).filter(pk=application.agency_id).exists()


def _require_reason(reason: str) -> str:
    _require(bool(reason and reason.strip()), NO_REASON)
    return reason.strip()


def _require_approver(by, application, what: str):
    _require(is_approver(by, application), APPROVERS_ONLY.format(what))


def status_from_events(application, events) -> str:
    """The state the recorded events lead to, replayed from receipt."""
    status = Status.REGISTERED if application.received_on else Status.RECEIVED
    for event in events:
        status = STATUS_AFTER.get(event.kind, status)
    return status


def _void(event, by, reason):
    event.voided_at, event.voided_by, event.void_reason = timezone.now(), by, reason
    event.save(update_fields=["voided_at", "voided_by", "void_reason"])


def _void_and_reopen(application, event, by, reason, action):
    """Void `event` and put the case where the remaining events leave it, in one history entry."""
    _void(event, by, reason)
    _change(
        application,
        by,
        action,
        {"event": _described(event), "correction_reason": reason},
        **_reopened(application),
    )


def _described(event) -> str:
    return f"{event.get_kind_display()}（{event.on.isoformat()}）"


def _reopened(application) -> dict:
    """The fields of the case once its closing event is gone: state replayed, no outcome."""
    fields = {"status": status_from_events(application, application.events.all())}
    if fields["status"] != Status.CLOSED:
        fields.update(reply_type="", outcome="", concluded_on=None, denial_reason="")
    return fields


def reached_applicant(event) -> bool:
    """A reply, an approved extension, a notice served or notified, or one whose letter was
    generated: it happened outside the office and is corrected by a new event."""
    data = event.data or {}
    return (
        event.kind == EventKind.REPLY
        or bool(data.get("approved") or data.get("served_on") or data.get("notified_on"))
        or event.letters.exists()
    )


def last_event(application) -> CaseEvent | None:
    """The event recorded last (by the time of recording, not its date)."""
    return application.events.order_by("-at", "-id").first()


def undo_refusal(event, by) -> str:
    """Why `by` may not undo `event` ("" if they may)."""
    if event.kind == EventKind.REPLY:
        return "答复已送达申请人，不能撤销；答复类型有误的，请审核人或负责人更正或作废答复。"
    if reached_applicant(event):
        return "该事件已告知申请人（已生成文书或已记录送达、告知日期），不能撤销；请记录新的事件予以更正。"
    if event.by_id != getattr(by, "pk", None) and not is_approver(by, event.application):
        return "只有记录该事件的经办人或本机关的审核人、负责人可以撤销该事件。"
    return ""


@_step
def undo_last_event(application, by, *, reason):
    """Undo the event recorded last, when it did not reach the applicant."""
    _require_staff(application, by)
    reason = _require_reason(reason)
    _require(application.status != Status.VOIDED, "该申请已作废。")
    event = last_event(application)
    _require(event is not None, "该申请没有可撤销的事件。")
    _require(not (refusal := undo_refusal(event, by)), refusal)
    _void_and_reopen(application, event, by, reason, "撤销事件")


def _reply_event(application):
    event = application.events.filter(kind=EventKind.REPLY).last()
    _require(application.status == Status.CLOSED and event is not None, "该申请没有已记录的答复。")
    return event


@_step
def correct_reply(application, by, *, reason, reply_type, denial_reason=""):
    """The reply served was recorded with the wrong type: the record is made to say what the
    letter said, on the day it was served. The old reply event stays, voided."""
    _require_approver(by, application, "更正答复")
    reason = _require_reason(reason)
    old = _reply_event(application)
    _require(
        (reply_type, denial_reason.strip()) != (application.reply_type, application.denial_reason),
        "更正后的答复与原答复相同。",
    )
    _void(old, by, reason)
    application.status = status_from_events(application, application.events.all())
    kind = _checked_reply(application, old.on, by, reply_type, denial_reason)
    application.status = Status.CLOSED  # as it was: the history shows the reply's change only
    _event(
        application,
        EventKind.REPLY,
        old.on,
        by,
        reply_type=kind.key,
        row=kind.row,
        reason=denial_reason,
    )
    _change(
        application,
        by,
        "更正答复",
        {"correction_reason": reason},
        **_reply_fields(kind, old.on, denial_reason),
    )


@_step
def void_reply(application, by, *, reason):
    """The reply was recorded on the wrong case or before it was served: the case reopens and
    its clock runs again (it may now be overdue)."""
    _require_approver(by, application, "作废答复")
    reason = _require_reason(reason)
    event = _reply_event(application)
    _void_and_reopen(application, event, by, reason, "作废答复")


@_step
def void_application(application, by, *, reason):
    """Registered by mistake (twice, at the wrong agency): counted nowhere from now on."""
    _require_approver(by, application, "作废申请")
    reason = _require_reason(reason)
    _require(application.status != Status.VOIDED, "该申请已作废。")
    _change(application, by, "作废申请", {"correction_reason": reason}, status=Status.VOIDED)


def _intake_checks(application, fields):
    channel, arrived, received = fields["channel"], fields["arrived_on"], fields["received_on"]
    if channel in RECEIVED_ON_ARRIVAL:
        fields["received_on"] = received = arrived
    for day, what in ((arrived, "到达日期"), (received, "收到申请之日")):
        _require(not (message := fact_dates.problem(day, what)), message)
    _require(received is None or received >= arrived, "收到申请之日不能早于到达日期。")
    recorded = list(application.events.all())
    _require(
        received is not None or (application.status == Status.RECEIVED and not recorded),
        "已确认收到的申请，须填写收到申请之日（第三十一条）。",
    )
    first = min((e.on for e in recorded), default=None)
    _require(
        received is None or first is None or received <= first,
        f"收到申请之日不能晚于第一个办理事件的日期（{first}）。",
    )
    _require(
        received is None
        or application.concluded_on is None
        or received <= application.concluded_on,
        f"收到申请之日不能晚于办结日期（{application.concluded_on}）。",
    )
    answered = BY_KEY.get(application.reply_type)
    _require(
        answered is None or answered.request_kind == fields["request_kind"],
        "该申请已答复，申请类型须与答复类型一致；请先由审核人或负责人更正答复。",
    )
    if application.status == Status.RECEIVED and received is not None:
        fields["status"] = Status.REGISTERED  # the corrected date is the confirmed receipt
    return fields


@_step
def edit_intake(application, by, *, reason, **fields):
    """Correct what was typed at intake (条例第二十九条 facts, the 第三十一条 dates); the clock
    and the tables follow the corrected dates."""
    _require_staff(application, by)
    reason = _require_reason(reason)
    _require(application.status != Status.VOIDED, "该申请已作废，不能更正。")
    unknown = set(fields) - set(INTAKE_FIELDS)
    _require(not unknown, f"不能在此更正：{'、'.join(sorted(unknown))}。")
    fields = _intake_checks(application, {**_current(application), **fields})
    _require(any(getattr(application, k) != v for k, v in fields.items()), "没有修改任何内容。")
    candidate = Application(**{**_current(application, all_fields=True), **fields})
    try:
        candidate.full_clean(exclude=["status", "agency", "number"])
    except ValidationError as exc:
        raise CaseError(exc.messages) from exc
    if fields["number"] != application.number:
        _require(bool(fields["number"].strip()), "编号不能为空。")
        _require(
            not Application.objects.filter(agency_id=application.agency_id, number=fields["number"])
            .exclude(pk=application.pk)
            .exists(),
            f"编号 {fields['number']} 已被本机关使用。",
        )
    try:
        with transaction.atomic():
            _change(application, by, "更正登记信息", {"correction_reason": reason}, **fields)
    except IntegrityError as exc:
        raise CaseError(f"编号 {fields['number']} 已被本机关使用。") from exc


def _current(application, all_fields=False) -> dict:
    names = (
        [f.name for f in Application._meta.concrete_fields if not f.primary_key]
        if all_fields
        else INTAKE_FIELDS
    )
    return {n: getattr(application, n) for n in names}


def may_remove_attachment(user, attachment) -> bool:
    return attachment.uploaded_by_id == getattr(user, "pk", None) or is_approver(
        user, attachment.application
    )


def remove_attachment(attachment, by, *, reason, token=""):
    """Take an attachment off the case (put on the wrong case, the wrong file): the row stays
    with who removed it and why, the stored file is deleted."""
    application = attachment.application
    _require_staff(application, by)
    reason = _require_reason(reason)
    _require(
        may_remove_attachment(by, attachment),
        "只有上传该附件的人员或本机关的审核人、负责人可以移除附件。",
    )

    @_step
    def remove(case):
        current = Attachment.everything.select_for_update().get(pk=attachment.pk)
        _require(current.removed_at is None, "该附件已移除。")
        current.removed_at, current.removed_by, current.remove_reason = (
            timezone.now(),
            by,
            reason,
        )
        current.save(update_fields=["removed_at", "removed_by", "remove_reason"])
        History.objects.create(
            application=case,
            by=by,
            action="移除附件",
            changes={"attachment": [current.name, None], "correction_reason": reason},
            token=current_token(),
        )
        return current

    removed = remove(application, token=token)
    if removed.file:
        transaction.on_commit(lambda: removed.file.delete(save=False))
    return removed


def void_appeal(appeal, by, *, reason):
    """A 复议/诉讼 case entered by mistake: out of table 3, kept with its trail."""
    from gongkai.office.appeals.models import Appeal

    _require(
        agencies_for(by, APPROVER_ROLES).filter(pk=appeal.agency_id).exists(),
        APPROVERS_ONLY.format("作废复议诉讼案件"),
    )
    reason = _require_reason(reason)
    with transaction.atomic():
        current = Appeal.everything.select_for_update().get(pk=appeal.pk)
        _require(current.voided_at is None, "该案件已作废。")
        before = trail.values(current)
        current.voided_at, current.voided_by, current.void_reason = timezone.now(), by, reason
        current.version += 1
        current.save(update_fields=["voided_at", "voided_by", "void_reason", "version"])
        trail.record(
            current,
            by,
            "作废复议诉讼案件",
            before,
            agency=current.agency,
            version=current.version,
            ignore=("updated", "voided_at", "version"),
        )
    return current
