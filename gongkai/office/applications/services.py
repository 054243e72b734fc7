"""The legal events of an application as domain functions (domain-spec §5.9).

Each function checks the state machine and the dates, changes the case, writes a CaseEvent and a
History entry (who, when, what changed) and recomputes the due date, all in one transaction
holding the case's row lock (`_step`): the preconditions are checked on the case as it is once
locked, so two clerks (or one double click) cannot record a second reply or extension. A step
given the token of its form records once: the same form posted again raises AlreadyRecorded.
Errors a user can cause raise CaseError with a Chinese message for the form.
"""

from __future__ import annotations

import contextvars
import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gongkai.office.agencies.access import can_approve_extension, can_handle_case, staff_agencies
from gongkai.office.agencies.models import Agency, CalendarOverride
from gongkai.office.audit.trail import plain
from gongkai.office.concurrency import AlreadyRecorded, locked

from . import clock, fact_dates
from .models import ENDED, Application, CaseEvent, Channel, EventKind, History, Status
from .replies import BY_KEY, WITHDRAWN_ROW


class CaseError(ValidationError):
    """A step the law or the case's state does not allow; the message is shown to the clerk."""


#: 条例第三十一条: the channels whose legal date is the day the letter or form is in hand
RECEIVED_ON_ARRIVAL = (Channel.IN_PERSON, Channel.POST_SIGNED, Channel.ORAL)


#: the token of the form being recorded, stamped on the History entry the step writes
_TOKEN: contextvars.ContextVar[str] = contextvars.ContextVar("form_token", default="")


def recorded(token: str) -> Application | None:
    """The case a form with this token already changed (None for a blank or new token)."""
    if not token:
        return None
    entry = History.objects.filter(token=token).select_related("application").first()
    return entry.application if entry else None


def once(token, write):
    """Run `write()` in a transaction stamping its History entry with `token`; a token already
    used (found first, or by the unique constraint when two posts race) is AlreadyRecorded."""
    if recorded(token):
        raise AlreadyRecorded(token)
    reset = _TOKEN.set(token)
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        if recorded(token):
            raise AlreadyRecorded(token) from None
        raise
    finally:
        _TOKEN.reset(reset)


def _step(func):
    """A legal event on an existing case: under the case's row lock, recorded once per token.
    The caller's instance is refreshed to the case as recorded."""

    @functools.wraps(func)
    def run(application, *args, token: str = "", **kwargs):
        def write():
            case = locked(Application, application.pk)
            if recorded(token):  # the twin post waited for the lock and finds this one's entry
                raise AlreadyRecorded(token)
            return func(case, *args, **kwargs), case

        result, case = once(token, write)
        for field in Application._meta.concrete_fields:
            setattr(application, field.attname, getattr(case, field.attname))
        return result

    return run


def deadline_for(application: Application) -> clock.DueDate:
    """The due date and its explanation from the events recorded so far."""
    return clock.compute_deadline(
        application,
        list(application.events.all()),
        CalendarOverride.mapping_for(application.agency),
        fee_pauses_clock=settings.GONGKAI_FEE_PAUSES_CLOCK,
    )


def current_token() -> str:
    """The token of the form being recorded (inside `once`), for the History entry it writes."""
    return _TOKEN.get()


def _change(application, by, action, event_data=None, **fields):
    """Set `fields`, log the differences, recompute the due date and save."""
    changes = {}
    for name, value in fields.items():
        old = getattr(application, name)
        if old != value:
            changes[name] = [plain(old), plain(value)]
            setattr(application, name, value)
    changes.update({k: plain(v) for k, v in (event_data or {}).items() if v not in (None, "")})
    application.save()
    History.objects.create(
        application=application, by=by, action=action, changes=changes, token=_TOKEN.get()
    )
    _refresh_due(application)


def _due(application):
    return deadline_for(application).date if application.status not in ENDED else None


def _refresh_due(application):
    due = _due(application)
    if application.due_on != due:
        application.due_on = due
        application.save(update_fields=["due_on"])


def refresh_due(applications) -> None:
    """Cache the due dates of `applications` (a queryset; imports write cases in bulk)."""
    changed = []
    for application in applications.exclude(status__in=ENDED).prefetch_related("events"):
        due = _due(application)
        if application.due_on != due:
            application.due_on = due
            changed.append(application)
    Application.objects.bulk_update(changed, ["due_on"], batch_size=500)


def _event(application, kind, on, by, **data):
    data = {k: plain(v) for k, v in data.items() if v not in (None, "")}
    return CaseEvent.objects.create(application=application, kind=kind, on=on, by=by, data=data)


def _record(application, kind, on, by, action, data=None, **fields):
    """One legal event: the CaseEvent, the case's new fields, and the History entry."""
    data = data or {}
    _event(application, kind, on, by, **data)
    _change(application, by, action, {"on": on, **data}, **fields)


def _resume(application, on, by, *, waiting, notice_kind, kind, action, since):
    """The awaited answer to a notice arrived (corrected application, payment): back to work."""
    _require_staff(application, by)
    _require_status(application, waiting)
    notice = application.events.get(kind=notice_kind)
    _require_not_before(on, notice.on, since)
    _record(application, kind, on, by, action, status=Status.REGISTERED)


def _require(condition, message):
    if not condition:
        raise CaseError(message)


def _require_status(application, *statuses):
    _require(
        application.status in statuses,
        f"当前状态为“{application.get_status_display()}”，不能进行此操作。",
    )


def _require_staff(application, by):
    """A person acting on a case must be staff of the holding agency (imports pass by=None)."""
    _require(by is None or can_handle_case(by, application), "只有本机关的工作人员可以办理该申请。")


def _require_not_before(day, earlier, what):
    _require(earlier is None or day >= earlier, f"日期不能早于{what}（{earlier}）。")


def _next_number(agency, year):
    numbers = Application.objects.filter(agency=agency, number__startswith=f"{year}-").values_list(
        "number", flat=True
    )
    sequence = max(
        (int(n.split("-", 1)[1]) for n in numbers if n.split("-", 1)[1].isdigit()), default=0
    )
    return f"{year}-{sequence + 1:04d}"


def register(
    agency, by, *, channel, arrived_on, received_on=None, number="", token="", **fields
) -> Application:
    """条例第二十九、三十一条: record an application. In person, by signed post or orally the legal
    date is the day it is in hand; by ordinary post, online or fax it is the day of confirmation
    with the applicant, which may come later: until then the clock does not run.

    Two identical applications are two cases (table 2 counts 重复申请); only the same intake
    form posted twice (`token`) is one. The number is allocated under the agency's row lock."""
    return once(
        token,
        lambda: _register(agency, by, channel, arrived_on, received_on, number, **fields),
    )


def _register(agency, by, channel, arrived_on, received_on, number, **fields) -> Application:
    if channel in RECEIVED_ON_ARRIVAL:
        _require(
            received_on in (None, arrived_on),
            "当面提交、需签收的邮件和口头申请，收到申请之日就是到达之日。",
        )
        received_on = arrived_on
    _require_not_before(received_on or arrived_on, arrived_on, "到达日期")
    for day, what in ((arrived_on, "到达日期"), (received_on, "收到申请之日")):
        _require(not (message := fact_dates.problem(day, what)), message)
    _require(
        by is None or staff_agencies(by).filter(pk=agency.pk).exists(),
        "只有本机关的工作人员可以登记申请。",
    )
    locked(Agency, agency.pk)  # one number at a time per agency
    application = Application(
        agency=agency,
        channel=channel,
        arrived_on=arrived_on,
        received_on=received_on,
        number=number or _next_number(agency, arrived_on.year),
        status=Status.REGISTERED if received_on else Status.RECEIVED,
        **fields,
    )
    try:
        application.full_clean(exclude=["status"])
    except ValidationError as exc:
        raise CaseError(exc.messages) from exc
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:
        raise CaseError(f"编号 {application.number} 已被本机关使用。") from exc
    History.objects.create(
        application=application,
        by=by,
        action="登记申请",
        changes={
            "number": [None, application.number],
            "channel": [None, channel],
            "received_on": [None, plain(received_on)],
        },
        token=_TOKEN.get(),
    )
    _refresh_due(application)
    return application


@_step
def confirm_receipt(application, on, by):
    """条例第三十一条: the day the agency confirms receipt with the applicant (ordinary post) or both
    sides confirm (online, fax) is the legal receipt date."""
    _require_staff(application, by)
    _require_status(application, Status.RECEIVED)
    _require_not_before(on, application.arrived_on, "到达日期")
    _change(application, by, "确认收到申请", received_on=on, status=Status.REGISTERED)


@_step
def request_correction(application, on, by, *, items, correction_due=None):
    """条例第三十条: one notice, listing everything to correct, within 7 wd of receipt."""
    _require_staff(application, by)
    _require_status(application, Status.REGISTERED)
    _require(
        not application.events.filter(kind=EventKind.CORRECTION_NOTICE).exists(),
        "补正只能一次性告知（第三十条），本申请已发出过补正通知。",
    )
    _require(bool(items and items.strip()), "请写明需要补正的事项。")
    _require_not_before(on, application.received_on, "收到申请之日")
    _require(correction_due is None or correction_due > on, "补正期限应晚于通知日期。")
    _record(
        application,
        EventKind.CORRECTION_NOTICE,
        on,
        by,
        "发出补正通知",
        {"items": items, "correction_due": correction_due},
        status=Status.CORRECTION_REQUESTED,
    )


@_step
def receive_correction(application, on, by):
    """条例第三十条: the reply period runs from the day the corrected application arrives."""
    _resume(
        application,
        on,
        by,
        waiting=Status.CORRECTION_REQUESTED,
        notice_kind=EventKind.CORRECTION_NOTICE,
        kind=EventKind.CORRECTION_RECEIVED,
        action="收到补正",
        since="补正通知日期",
    )


@_step
def start_consultation(application, on, by, *, party, name, delivered_on=None):
    """条例第三十二条 (third party) / 第三十四条 (co-producing agency): written consultation; the
    time until the answer (at most 15 wd after delivery of the letter) is not counted."""
    _require_staff(application, by)
    _require_status(application, Status.REGISTERED)
    _require(party in clock.PARTIES, "征求意见的对象应为第三方或其他机关。")
    _require(bool(name and name.strip()), "请填写征求意见的对象。")
    _require_not_before(on, application.received_on, "收到申请之日")
    _require_not_before(delivered_on or on, on, "发函日期")
    _record(
        application,
        EventKind.CONSULTATION_START,
        on,
        by,
        "征求意见",
        {"party": party, "name": name, "delivered_on": delivered_on},
        status=Status.CONSULTING,
    )


@_step
def end_consultation(application, on, by, *, answer=""):
    """The answer arrived (or the 15 wd lapsed): the clock runs again."""
    _require_staff(application, by)
    _require_status(application, Status.CONSULTING)
    started = application.events.filter(kind=EventKind.CONSULTATION_START).last()
    _require_not_before(on, started.on, "征求意见日期")
    _record(
        application,
        EventKind.CONSULTATION_END,
        on,
        by,
        "征求意见结束",
        {"answer": answer},
        status=Status.REGISTERED,
    )


@_step
def request_extension(application, on, by, *, days, reason):
    """条例第三十三条第二款: a clerk asks to extend the period by at most 20 working days."""
    _require_staff(application, by)
    _require_status(application, Status.REGISTERED, Status.CONSULTING)
    _require(
        not application.events.filter(kind=EventKind.EXTENSION).exists(), "答复期限只能延长一次。"
    )
    _require(
        1 <= days <= clock.EXTENSION_MAX_WD,
        f"延长期限最长不超过 {clock.EXTENSION_MAX_WD} 个工作日（第三十三条）。",
    )
    _require(bool(reason and reason.strip()), "请说明延长的理由。")
    _record(
        application,
        EventKind.EXTENSION,
        on,
        by,
        "申请延长答复期限",
        {"days": days, "reason": reason, "approved": False},
    )


@_step
def approve_extension(application, on, by, *, notified_on):
    """条例第三十三条第二款: approved by the OGI unit's responsible person (审核人/负责人) before
    the period ends, and notified to the applicant."""
    _require(
        can_approve_extension(by, application), "只有本机关的审核人或负责人可以批准延长答复期限。"
    )
    event = application.events.filter(kind=EventKind.EXTENSION).first()
    _require(event is not None and not event.data.get("approved"), "没有待批准的延期申请。")
    _require_status(application, Status.REGISTERED, Status.CONSULTING)
    due = deadline_for(application).date
    _require(due is None or on <= due, f"答复期限已于 {due} 届满，不能再延长。")
    _require_not_before(on, event.on, "延期申请日期")
    _require_not_before(notified_on, on, "批准日期")
    event.data = {
        **event.data,
        "approved": True,
        "approved_on": on.isoformat(),
        "approved_by": str(by),  # the approver's name (agencies.apps.person_name)
        "notified_on": notified_on.isoformat(),
    }
    event.save(update_fields=["data"])
    _change(application, by, "批准延长答复期限", {"approved_on": on, "notified_on": notified_on})


@_step
def fee_notice(application, on, by, *, method, amount, served_on=None):
    """国办函〔2020〕109号: a fee notice within the period, one method per application (按件 or 按量);
    the applicant pays within 20 wd from the day after receiving it."""
    _require_staff(application, by)
    _require_status(application, Status.REGISTERED)
    _require(
        method in ("per_item", "per_volume"), "收费方式应为按件或按量，二者只能选一（第三条）。"
    )
    _require(amount is not None and amount > 0, "收费金额应大于零。")
    _require(
        not application.events.filter(kind=EventKind.FEE_NOTICE).exists(),
        "本申请已发出过收费通知。",
    )
    _require_not_before(served_on or on, on, "通知日期")
    _record(
        application,
        EventKind.FEE_NOTICE,
        on,
        by,
        "发出收费通知",
        {"method": method, "amount": str(amount), "served_on": served_on},
        status=Status.AWAITING_PAYMENT,
    )


@_step
def fee_paid(application, on, by):
    """The fee is paid: the clock runs again (if fees pause it, see clock.py)."""
    _resume(
        application,
        on,
        by,
        waiting=Status.AWAITING_PAYMENT,
        notice_kind=EventKind.FEE_NOTICE,
        kind=EventKind.FEE_PAID,
        action="申请人已缴费",
        since="收费通知日期",
    )


@_step
def art35_delay(application, on, by, *, delayed_to, notified_on=None):
    """条例第三十五条: the applicant's reasons are reasonable but the periods of 第三十三条 cannot be
    met: the agency sets a reasonable later date and tells the applicant. (Unreasonable reasons
    end in the reply type "excessive", table 2 （五）4.)"""
    _require_staff(application, by)
    _require_status(application, Status.REGISTERED)
    _require(delayed_to > on, "延期答复日期应晚于决定日期。")
    _require_not_before(notified_on or on, on, "决定日期")
    _record(
        application,
        EventKind.ART35_DELAY,
        on,
        by,
        "第三十五条延期答复",
        {"delayed_to": delayed_to, "notified_on": notified_on},
    )


def _lapsed(application, reply_type, on):
    """The deemed-abandoned replies need the period given to the applicant to be over."""
    if reply_type.requires == "corrected":
        _require_status(application, Status.REGISTERED)
        _require(
            application.events.filter(kind=EventKind.CORRECTION_RECEIVED).exists(),
            "只有收到补正材料后，才能以“补正后申请内容仍不明确”答复。",
        )
    elif reply_type.requires == "correction_lapsed":
        _require_status(application, Status.CORRECTION_REQUESTED)
        notice = application.events.get(kind=EventKind.CORRECTION_NOTICE)
        until = clock.as_date(notice.data.get("correction_due"))
        _require(
            until is not None and on > until, "补正期限尚未届满（或未设定），不能视为放弃申请。"
        )
    elif reply_type.requires == "fee_lapsed":
        _require_status(application, Status.AWAITING_PAYMENT)
        notice = application.events.get(kind=EventKind.FEE_NOTICE)
        served = clock.as_date(notice.data.get("served_on")) or notice.on
        try:
            pay_by = clock.add_working_days(
                served,
                clock.FEE_PAYMENT_WD,
                CalendarOverride.mapping_for(application.agency) or None,
            ).date
        except clock.CalendarUnknown as exc:
            raise CaseError(f"无法计算缴费期限：{exc}") from exc
        _require(on > pay_by, f"缴费期限至 {pay_by}，尚未届满，不能视为放弃申请。")
    else:
        _require_status(application, Status.REGISTERED)


def _checked_reply(application, on, by, reply_type, denial_reason):
    """The reply type, once the law and the case's state allow it on `on`."""
    _require_staff(application, by)
    kind = BY_KEY.get(reply_type)
    _require(kind is not None, "请选择答复类型。")
    _require(
        kind.request_kind == application.request_kind,
        f"该答复类型不适用于{application.get_request_kind_display()}。",
    )
    _lapsed(application, kind, on)
    _require(
        not kind.needs_reason or bool(denial_reason and denial_reason.strip()),
        "不予公开（含部分公开中不予公开的部分）必须说明理由（第三十六条（三）、第三十七条）。",
    )
    _require_not_before(on, application.received_on, "收到申请之日")
    return kind


def _reply_fields(kind, on, denial_reason) -> dict:
    """What a reply sets on the case: closed in exactly one table-2 row."""
    return {
        "status": Status.CLOSED,
        "reply_type": kind.key,
        "outcome": kind.row,
        "concluded_on": on,
        "denial_reason": denial_reason.strip() if kind.needs_reason else "",
    }


@_step
def reply(application, on, by, *, reply_type, denial_reason=""):
    """Serve the reply (送达) and close the case in exactly one table-2 row (domain-spec §5.6)."""
    kind = _checked_reply(application, on, by, reply_type, denial_reason)
    _record(
        application,
        EventKind.REPLY,
        on,
        by,
        "答复办结",
        {"reply_type": kind.key, "row": kind.row, "reason": denial_reason},
        **_reply_fields(kind, on, denial_reason),
    )


@_step
def withdraw(application, on, by, *, note=""):
    """The applicant withdraws: closed in table 2 （六）3.其他 (domain-spec §5.6, §5.9)."""
    _require_staff(application, by)
    _require(application.status not in ENDED, f"该申请{application.get_status_display()}。")
    _require_not_before(on, application.arrived_on, "到达日期")
    _record(
        application,
        EventKind.WITHDRAWN,
        on,
        by,
        "申请人撤回申请",
        {"note": note},
        status=Status.CLOSED,
        reply_type="withdrawn",
        outcome=WITHDRAWN_ROW,
        concluded_on=on,
    )
