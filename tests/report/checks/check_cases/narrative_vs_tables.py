"""T- cases: the narrative against the tables."""

from . import Case


def part1(sentence: str) -> dict:
    return {1: "2024年，本镇认真贯彻《条例》。" + sentence}


CASES = [
    Case("T-1", "pass", "received-matches"),
    Case(
        "T-1",
        "pass",
        "received-with-carried-over",
        parts=part1("共受理政府信息公开申请7件（含上年结转1件）。"),
    ),
    Case(
        "T-1",
        "fail",
        "received-differs",
        parts=part1("全年共受理政府信息公开申请9件。"),
        flagged=("t2.new_received.total",),
    ),
    Case("T-1", "uncertain", "table-blank", cells={"t2.new_received.total": ""}),
    Case("T-2", "pass", "concluded-matches"),
    Case(
        "T-2",
        "fail",
        "concluded-differs",
        parts=part1("全年办结申请8件。"),
        flagged=("t2.processed_total.total",),
    ),
    Case("T-2", "uncertain", "table-unreadable", cells={"t2.processed_total.total": "?"}),
    Case("T-3", "pass", "carried-matches"),
    Case(
        "T-3",
        "fail",
        "carried-differs",
        parts=part1("另有3件顺延到下年度答复。"),
        flagged=("t2.carried_over_out.total",),
    ),
    Case("T-3", "uncertain", "table-blank", cells={"t2.carried_over_out.total": ""}),
    Case(
        "T-4", "pass", "shares-match", parts=part1("予以公开及部分公开4件，占66.7%；无法提供1件。")
    ),
    Case(
        "T-4",
        "fail",
        "share-miscomputed",
        parts=part1("予以公开及部分公开4件，占60.0%。"),
        flagged=("t2.processed_total.total",),
    ),
    Case(
        "T-4",
        "fail",
        "count-differs",
        parts=part1("不予处理2件。"),
        flagged=("t2.not_processed.petition_complaint.total",),
    ),
    Case(
        "T-4",
        "uncertain",
        "group-blank",
        parts=part1("无法提供1件。"),
        cells={"t2.unable.needs_creation.total": ""},
    ),
    Case("T-5", "pass", "reviews-match", parts=part1("发生行政复议2件，行政诉讼0件。")),
    Case(
        "T-5",
        "fail",
        "reviews-differ",
        parts=part1("政府信息公开行政复议11件。"),
        flagged=("t3.review.total",),
    ),
    Case(
        "T-5",
        "uncertain",
        "litigation-blank",
        parts=part1("行政诉讼1起。"),
        cells={"t3.litigation_direct.total": ""},
    ),
    Case("T-6", "pass", "documents-match", parts=part1("全年制发行政规范性文件2件。")),
    Case(
        "T-6",
        "fail",
        "documents-differ",
        parts=part1("出台规范性文件5件。"),
        severity="INFO",
        flagged=("t1.normative_docs.made",),
    ),
    Case(
        "T-6",
        "uncertain",
        "made-blank",
        parts=part1("新增规章1件。"),
        cells={"t1.regulations.made": "/"},
    ),
    Case("T-7", "pass", "nothing-charged"),
    Case(
        "T-7", "pass", "amount-in-yuan", parts={6: "2024年，全年收取政府信息公开信息处理费3940元。"}
    ),
    Case("T-7", "fail", "no-fee-statement", parts={6: "无。"}),
    Case(
        "T-7",
        "fail",
        "amount-of-another-year",
        parts={6: "2023年收取政府信息公开信息处理费200元。"},
    ),
    Case("T-7", "fail", "amount-without-unit", parts={6: "本年度收取信息处理费200。"}),
    Case("T-7", "uncertain", "no-part-six", parts={6: None}),
    Case(
        "T-8",
        "pass",
        "not-collected-is-consistent",
        cells={"t2.other.fee_unpaid.natural_person": 1, "t2.other.fee_unpaid.total": 1},
    ),
    Case(
        "T-8",
        "fail",
        "no-notice-but-unpaid",
        parts={6: "本年度未发出收费通知，未收取信息处理费。"},
        cells={"t2.other.fee_unpaid.natural_person": 1, "t2.other.fee_unpaid.total": 1},
        flagged=("t2.other.fee_unpaid.total",),
    ),
    Case(
        "T-8",
        "uncertain",
        "unpaid-unreadable",
        parts={6: "本年度未发出收费通知，未收取信息处理费。"},
        cells={"t2.other.fee_unpaid.total": "?"},
    ),
    Case("T-9", "pass", "claims-match"),
    Case(
        "T-9",
        "fail",
        "claims-none",
        parts=part1("本年度未收到政府信息公开申请。"),
        flagged=("t2.new_received.total",),
    ),
    Case(
        "T-9",
        "uncertain",
        "table-blank",
        parts=part1("本年度未收到政府信息公开申请。"),
        cells={"t2.new_received.total": ""},
    ),
    Case("T-10", "pass", "years-match"),
    Case("T-10", "fail", "stale-year", parts={1: "2023年，本镇认真贯彻《条例》。"}),
    Case("T-10", "fail", "title-year", meta={"title": "管头镇2023年政府信息公开工作年报"}),
    Case("T-10", "uncertain", "year-unknown", meta={"year": None}),
]
