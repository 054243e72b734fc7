"""条例第五十一条: the remedies every reply tells the applicant of, with their time limits.

[U] The article numbers and periods below are recalled, not re-read from the statutes
(domain-spec §5.10 marks them so): 行政复议 within 60 days of learning of the act
(《中华人民共和国行政复议法》2023年修订, 第二十条第一款) and 行政诉讼 within 6 months
(《中华人民共和国行政诉讼法》第四十六条第一款). `UNCONFIRMED` makes the template page say so to
the administrator until a legal officer has checked them.
"""

from __future__ import annotations

REVIEW_DAYS = 60  # [U] 行政复议法第二十条第一款
REVIEW_ARTICLE = "《中华人民共和国行政复议法》第二十条"  # [U]
LITIGATION_MONTHS = 6  # [U] 行政诉讼法第四十六条第一款
LITIGATION_ARTICLE = "《中华人民共和国行政诉讼法》第四十六条"  # [U]
UNCONFIRMED = True

NUMERALS = {6: "六", 60: "六十"}


def remedies_text() -> str:
    """The sentence a reply ends with (the letter's 救济途径)."""
    return (
        "如对本答复不服，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报；"
        f"也可以自收到本答复之日起{NUMERALS[REVIEW_DAYS]}日内依法申请行政复议（{REVIEW_ARTICLE}），"
        f"或者自收到本答复之日起{NUMERALS[LITIGATION_MONTHS]}个月内依法向人民法院提起行政诉讼"
        f"（{LITIGATION_ARTICLE}）。（《中华人民共和国政府信息公开条例》第五十一条）"
    )
