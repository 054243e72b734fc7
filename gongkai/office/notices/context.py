"""The names a letter template may use, filled from the case, the event and the legal clock.

Only the holding agency's staff generate letters (they carry the applicant's name); every date
is the one the clock computes, written the Chinese way.
"""

from __future__ import annotations

from gongkai.office.agencies.models import CalendarOverride
from gongkai.office.applications import clock, services
from gongkai.office.applications.models import FEE_METHOD_LABELS, EventKind
from gongkai.office.applications.replies import BY_KEY
from gongkai.report.write.sections import chinese_date

from .letters import LETTERS, reply_sentence
from .remedies import remedies_text

#: the names every template may use, with what they hold (shown on the template page)
NAMES = {
    "机关": "本机关名称",
    "文书名称": "文书标题",
    "编号": "申请编号",
    "申请名称": "政府信息公开申请或更正申请",
    "收件人": "申请人姓名或名称（征求意见函为被征求意见的一方）",
    "收到日期": "收到申请之日（条例第三十一条）",
    "所需信息": "申请获取的政府信息",
    "日期": "文书日期（事件日期）",
    "条款": "所依据的条例条款",
    "补正事项": "补正通知：需要补正的事项",
    "补正期限": "补正通知：补正期限",
    "延长理由": "延期告知：延长理由",
    "延长天数": "延期告知：延长的工作日数",
    "答复期限": "延期告知：延长后的答复期限",
    "征求理由": "征求意见函：征求意见的缘由",
    "意见期限": "征求意见函：提出意见的期限（收到之日起15个工作日）",
    "逾期后果": "征求意见函：逾期不答复的后果",
    "收费方式": "收费通知：按件或按量",
    "金额": "收费通知：金额（元）",
    "缴费期限": "收费通知：缴费期限（收到次日起20个工作日）",
    "延期答复日期": "第三十五条延期答复：答复日期",
    "答复内容": "答复书：答复的内容",
    "理由": "答复书：不予公开的理由",
    "救济途径": "答复书：救济途径及期限（条例第五十一条）",
}


def _date(value) -> str:
    day = clock.as_date(value)
    return chinese_date(day) if day else ""


def _add_wd(application, start, days) -> str:
    try:
        result = clock.add_working_days(
            clock.as_date(start), days, CalendarOverride.mapping_for(application.agency) or None
        )
    except clock.CalendarUnknown:
        return "（日历未更新，无法计算）"
    return chinese_date(result.date)


def context_for(event) -> dict[str, str]:
    """Every name of NAMES for `event` (names that do not concern its letter are empty)."""
    application = event.application
    letter = LETTERS[event.kind]
    data = event.data
    values = dict.fromkeys(NAMES, "")
    values.update(
        {
            "机关": application.agency.name,
            "文书名称": letter.title,
            "编号": application.number,
            "申请名称": application.get_request_kind_display(),
            "收件人": application.applicant_name,
            "收到日期": _date(application.received_on or application.arrived_on),
            "所需信息": application.request_text,
            "日期": _date(event.on),
            "条款": letter.article,
        }
    )
    if event.kind == EventKind.CORRECTION_NOTICE:
        values.update(补正事项=data.get("items", ""), 补正期限=_date(data.get("correction_due")))
    elif event.kind == EventKind.EXTENSION:
        values.update(
            延长理由=data.get("reason", ""),
            延长天数=str(data.get("days", "")),
            答复期限=_date(services.deadline_for(application).date),
        )
    elif event.kind == EventKind.CONSULTATION_START:
        _, article = clock.PARTIES[data["party"]]
        values.update(
            收件人=data.get("name", ""),
            条款=article,
            征求理由=(
                "该信息的公开可能损害第三方合法权益。"
                if data["party"] == "third_party"
                else "该信息由本机关与贵机关共同制作。"
            ),
            意见期限=_add_wd(
                application, data.get("delivered_on") or event.on, clock.CONSULTATION_WD
            ),
            逾期后果=(
                "逾期未提出意见的，由本机关依照条例的规定决定是否公开。"
                if data["party"] == "third_party"
                else "逾期未提出意见的，视为同意公开。"
            ),
        )
    elif event.kind == EventKind.FEE_NOTICE:
        values.update(
            收费方式=FEE_METHOD_LABELS.get(data.get("method"), ""),
            金额=str(data.get("amount", "")),
            缴费期限=_add_wd(application, data.get("served_on") or event.on, clock.FEE_PAYMENT_WD),
        )
    elif event.kind == EventKind.ART35_DELAY:
        values.update(延期答复日期=_date(data.get("delayed_to")))
    elif event.kind == EventKind.REPLY:
        kind = BY_KEY[data["reply_type"]]
        if kind.request_kind == "correction":
            values["文书名称"] = "政府信息更正申请答复书"
        values.update(
            条款=kind.article,
            答复内容=reply_sentence(kind.key),
            理由=data.get("reason", "") if kind.needs_reason else "",
            救济途径=remedies_text(),
        )
    return values
