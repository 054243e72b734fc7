"""Part 一's draft sentences from the catalogue (items by category, channels, interpretations,
consultations, concerns, late items): the figures are the records', and the draft passes
gongkai's own T- checks against the compiled tables."""

import datetime as dt

import pytest

from gongkai.cli import main

from .conftest import row

pytestmark = pytest.mark.django_db
AGENCY = "某镇人民政府"

ROWS = [
    row("N1", "行政规范性文件", "2025-03-03", 公开日期="2025-03-05"),
    row("J1", "政策解读", "2025-03-03", 公开日期="2025-03-05", 解读对象="N1"),
    *[
        row(
            f"B{i}",
            "其他文件",
            f"2025-0{i}-02",
            类别="第二十条第（七）项",
            公开日期=f"2025-0{i}-06",
        )
        for i in range(1, 5)
    ],
    row("S1", "其他文件", "2025-06-02", 类别="第二十一条", 公开日期="2025-08-29"),  # late
    row("P1", "行政处罚决定", "2025-07-01", 类别="第二十条第（六）项", 公开日期="2025-07-03"),
]


def test_part_one_draft_counts_the_catalogue_and_passes_the_t_checks(catalogue_csv):
    from gongkai.office.agencies.models import Agency
    from gongkai.office.annual.compile import compile_report, fees_in_year
    from gongkai.office.annual.models import AnnualReport
    from gongkai.office.annual.narrative_draft import prefill
    from gongkai.office.annual.publish import compiled_with_checks
    from gongkai.office.catalogue.models import Comment, Consultation, Publication
    from gongkai.office.catalogue.year_facts import proactive_year

    assert main(["import-catalogue", str(catalogue_csv(ROWS)), "--agency", AGENCY]) == 0
    town = Agency.objects.get(name=AGENCY)
    b1 = town.items.get(index_no="B1")
    Publication.objects.create(item=b1, channel="notice_board", on=b1.published_on)
    Publication.objects.create(
        item=b1, channel="new_media", account="微信号“某镇发布”", on=b1.published_on
    )
    c = Consultation.objects.create(
        agency=town,
        title="草案",
        kind="major_decision",
        opens_on=dt.date(2025, 4, 1),
        closes_on=dt.date(2025, 5, 8),
        feedback="采纳2条",
        feedback_on=dt.date(2025, 5, 20),
    )
    for text in ("意见一", "意见二", "意见三"):
        Comment.objects.create(consultation=c, text=text)

    texts = prefill(
        compile_report(town, 2025), fees_in_year(town, 2025), proactive_year(town, 2025)
    )
    part1 = texts[1]
    for words in (
        "全年主动公开政府信息8条",
        "第二十条第（七）项4条",
        "公开栏",
        "政务新媒体（微信号“某镇发布”）",
        "发布政策解读1篇",
        "开展意见征集1次，收到公众意见3条，公布意见采纳情况1次",
        "有1条信息超过二十个工作日才公开",
        "制发行政规范性文件1件",
    ):
        assert words in part1, words
    AnnualReport.objects.create(agency=town, year=2025, part1=part1, part5=texts[5], part6=texts[6])
    _, findings = compiled_with_checks(town, 2025)
    assert [f.message for f in findings if f.rule.startswith("T-") and f.failed] == []


def test_without_a_catalogue_part_one_says_nothing_of_it(bureau):
    from gongkai.office.catalogue.year_facts import proactive_year

    assert proactive_year(bureau, 2025) is None
