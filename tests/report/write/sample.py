"""A report built by hand with every kind of cell a writer must keep apart: numbers (one a
decimal fee), a printed 0, a blank, a "/" and an unreadable cell."""

import datetime as dt

from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import AgencyKind, Cell, Report, Source, TextPart

#: cell key -> printed text; every other official cell is a printed 0
PRINTED = {
    "t1.regulations.made": "",  # blank
    "t1.regulations.repealed": "/",  # not applicable
    "t1.normative_docs.made": "12",
    "t1.penalty.decisions": "3985758",
    "t1.admin_fees.amount": "96171.6",  # 万元, a decimal
    "t2.new_received.natural_person": "17",
    "t2.new_received.commercial_enterprise": "4",
    "t2.new_received.total": "21",
    "t2.carried_over_in.research_institution": "/",
    "t2.granted.natural_person": "9",
    "t2.granted.total": "9",
    "t2.partially_granted.legal_service_org": "",
    "t2.unable.not_held.natural_person": "8",
    "t2.unable.not_held.commercial_enterprise": "4",
    "t2.unable.not_held.total": "12",
    "t2.processed_total.natural_person": "17",
    "t2.processed_total.commercial_enterprise": "4",
    "t2.processed_total.total": "21",
    "t3.review.maintained": "2",
    "t3.review.total": "2",
    "t3.litigation_direct.pending": "约5",  # unreadable
}

TEXT = {
    1: "2024年，本机关认真贯彻《中华人民共和国政府信息公开条例》。\n全年主动公开政府信息1200条。",
    5: "（一）主要问题\n公开时效有待提高。\n（二）整改措施\n建立审核台账。",
    6: "本年度未收取政府信息公开信息处理费。",
}


def sample_report() -> Report:
    report = Report(
        format=FORMAT_2021,
        agency="某县自然资源局",
        year=2024,
        agency_kind=AgencyKind.DEPARTMENT,
        signed_on=dt.date(2025, 1, 20),
        notes=["手工样例"],
    )
    for number, text in TEXT.items():
        report.parts[number] = TextPart(number, FORMAT_2021.parts[number - 1].title, text)
    for i, key in enumerate(FORMAT_2021.cell_keys()):
        _, _, column = FORMAT_2021.specs[key]
        report.set(
            Cell.read(
                key, PRINTED.get(key, "0"), Source("ledger", line=i + 1), decimal=column.decimal
            )
        )
    return report
