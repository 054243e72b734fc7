"""Reply types (条例第三十六至三十九条 and the lapses) and the one table-2 row each is counted in.

domain-spec §5.6: every concluded application is counted in exactly one leaf row of table 2; the
row follows from the kind of reply, so the clerk picks the reply and never the row. A denial (any
（三）不予公开 row) and a partial disclosure must state the reason (第三十六条（三）, 第三十七条).
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.formats import TABLE2_2021


@dataclass(frozen=True)
class ReplyType:
    key: str
    label: str
    article: str
    row: str  # table-2 leaf row key (formats.OUTCOME_ROWS_2021)
    needs_reason: bool = False
    unconfirmed: bool = False  # the mapping to the row is [U] in domain-spec §5.6
    requires: str = (
        ""  # the case state it presupposes: "", "corrected", "correction_lapsed", "fee_lapsed"
    )
    request_kind: str = "disclosure"  # models.RequestKind: which requests it answers

    @property
    def row_label(self) -> str:
        if not self.row:
            return NO_ROW
        return TABLE2_2021.row(self.row).full_label


def _denial(row_key: str, article: str, unconfirmed: bool = False) -> ReplyType:
    """A 不予公开 reply: the row label is the reason category; the letter's reasons are required."""
    label = TABLE2_2021.row(row_key).label.split(".", 1)[1]
    return ReplyType(
        row_key, f"不予公开：{label}", article, row_key, needs_reason=True, unconfirmed=unconfirmed
    )


REPLY_TYPES: tuple[ReplyType, ...] = (
    ReplyType("already_public", "已主动公开，告知获取方式和途径", "第三十六条（一）", "granted"),
    ReplyType("granted", "予以公开，提供信息或告知获取方式", "第三十六条（二）", "granted"),
    ReplyType(
        "partially_granted",
        "部分公开（区分处理），说明不予公开部分的理由",
        "第三十七条",
        "partially_granted",
        needs_reason=True,
    ),
    _denial("denied.state_secret", "第十四条、第三十六条（三）"),
    _denial("denied.prohibited_by_law", "第十四条、第三十六条（三）"),
    _denial("denied.security_stability", "第十四条、第三十六条（三）"),
    _denial("denied.third_party", "第十五条、第三十二条、第三十六条（三）"),
    _denial("denied.internal_affairs", "第十六条第一款、第三十六条（三）"),
    _denial("denied.process_info", "第十六条第二款、第三十六条（三）"),
    _denial("denied.enforcement_file", "第十六条第二款、第三十六条（三）"),
    _denial("denied.admin_query", "第三十六条（七）", unconfirmed=True),
    ReplyType("not_held", "经检索没有所需信息，告知不存在", "第三十六条（四）", "unable.not_held"),
    ReplyType(
        "not_responsible",
        "不属于本机关负责公开，告知并说明理由",
        "第三十六条（五）",
        "unable.not_held",
        unconfirmed=True,
    ),
    ReplyType(
        "needs_creation",
        "需要加工、分析才能提供，没有现成信息",
        "第三十八条",
        "unable.needs_creation",
    ),
    ReplyType(
        "unclear_after_correction",
        "补正后申请内容仍不明确",
        "第三十条",
        "unable.unclear_after_correction",
        requires="corrected",
    ),
    ReplyType(
        "petition_complaint",
        "信访、投诉、举报类申请，告知通过相应渠道提出",
        "第三十九条第一款",
        "not_processed.petition_complaint",
    ),
    ReplyType("repeat", "重复申请，告知不予重复处理", "第三十六条（六）", "not_processed.repeat"),
    ReplyType(
        "publication",
        "要求提供公开出版物，告知获取途径",
        "第三十九条第二款",
        "not_processed.publication",
    ),
    ReplyType(
        "excessive",
        "大量反复申请，说明的理由不合理，告知不予处理",
        "第三十五条",
        "not_processed.excessive",
    ),
    ReplyType(
        "confirm_or_reissue",
        "要求确认或重新出具已获取的信息",
        "第二条、第三十八条",
        "not_processed.confirm_or_reissue",
    ),
    ReplyType(
        "no_correction",
        "无正当理由逾期不补正，视为放弃申请",
        "第三十条",
        "other.no_correction",
        requires="correction_lapsed",
    ),
    ReplyType(
        "fee_unpaid",
        "逾期未按收费通知缴纳费用，视为放弃申请",
        "国办函〔2020〕109号",
        "other.fee_unpaid",
        requires="fee_lapsed",
    ),
    ReplyType("other", "其他处理", "—", "other.other"),
)

#: 条例第四十一条: the answers to a correction request; none is counted in table 2
CORRECTION_REPLIES: tuple[ReplyType, ...] = tuple(
    ReplyType(key, label, "第四十一条", "", request_kind="correction")
    for key, label in (
        ("corrected", "更正申请：审核属实，予以更正"),
        ("correction_refused", "更正申请：经审核不属实，不予更正"),
        ("correction_forwarded", "更正申请：转送有权更正的行政机关处理"),
        ("correction_redirected", "更正申请：告知向有权更正的行政机关提出"),
    )
)
NO_ROW = "不计入表二"

BY_KEY = {r.key: r for r in REPLY_TYPES + CORRECTION_REPLIES}
#: withdraw() closes the case in this row (domain-spec §5.9: any --withdrawn--> （六）3)
WITHDRAWN_ROW = "other.other"
