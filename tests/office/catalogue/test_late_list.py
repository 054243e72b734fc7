"""`gongkai catalogue late`: 主动公开 items past the 20 working days of 条例第二十六条, across
春节 and 国庆 with their 调休 make-up days (2026 calendar, domain-spec §6.1), counted by hand."""

import pytest

from gongkai.cli import main

from .conftest import row

pytestmark = pytest.mark.django_db
AGENCY = "某镇人民政府"

# 春节 2026: off 02-15..02-23, make-up working Saturdays 02-14 and 02-28. From Fri 02-06 the
# working days are 02-09..13 (5), 02-14 (6), 02-24..27 (10), 02-28 (11), 03-02..06 (16),
# 03-09..12 (20): the deadline is Thu 2026-03-12 (Mon–Fri alone would give 03-06).
# 国庆 2026: 中秋 off 09-25..27, 国庆 off 10-01..07, make-up Sun 09-20 and Sat 10-10. From Sun
# 09-20 itself: 09-21..24 (4), 09-28..30 (7), 10-08..09 (9), 10-10 (10), 10-12..16 (15),
# 10-19..23 (20): the deadline is Fri 2026-10-23.
ROWS = [
    row("SPRING-ON-TIME", "其他文件", "2026-02-06", 公开日期="2026-03-12"),
    row("SPRING-LATE", "其他文件", "2026-02-06", 公开日期="2026-03-13"),
    row("SPRING-UNPUBLISHED", "其他文件", "2026-02-06"),
    row("AUTUMN-SATURDAY", "其他文件", "2026-09-20", 公开日期="2026-10-24"),
    row("AUTUMN-ON-TIME", "其他文件", "2026-09-20", 公开日期="2026-10-23"),
    row("WITHHELD", "其他文件", "2026-02-06", 公开方式="不予公开", 不予公开理由="商业秘密"),
    row("ON-REQUEST", "其他文件", "2026-02-06", 公开方式="依申请公开"),
    row("LAST-YEAR", "其他文件", "2025-02-06", 公开日期="2025-12-01"),
]


def _late(capsys, *extra):
    assert main(["catalogue", "late", "--agency", AGENCY, "--year", "2026", *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_late_list_across_spring_festival_and_national_day(catalogue_csv, capsys):
    assert main(["import-catalogue", str(catalogue_csv(ROWS)), "--agency", AGENCY]) == 0
    capsys.readouterr()
    assert _late(capsys, "--as-of", "2026-11-30") == [
        "SPRING-LATE\t2026-03-12\t2026-03-13\t1",
        "SPRING-UNPUBLISHED\t2026-03-12\t未公开\t263",
        "AUTUMN-SATURDAY\t2026-10-23\t2026-10-24\t1",
    ]


def test_an_unpublished_item_is_late_only_once_its_deadline_has_passed(catalogue_csv, capsys):
    assert main(["import-catalogue", str(catalogue_csv(ROWS[2:3])), "--agency", AGENCY]) == 0
    capsys.readouterr()
    assert _late(capsys, "--as-of", "2026-03-12") == []
    assert _late(capsys, "--as-of", "2026-03-20") == ["SPRING-UNPUBLISHED\t2026-03-12\t未公开\t8"]


def test_a_deadline_in_an_unconfirmed_year_is_marked_provisional(catalogue_csv, capsys):
    rows = [row("NEXT", "其他文件", "2027-12-01")]
    assert main(["import-catalogue", str(catalogue_csv(rows)), "--agency", AGENCY]) == 0
    capsys.readouterr()
    assert (
        main(["catalogue", "late", "--agency", AGENCY, "--year", "2027", "--as-of", "2028-03-01"])
        == 0
    )
    (line,) = capsys.readouterr().out.splitlines()
    index_no, deadline, published, _days = line.split("\t")
    assert (index_no, published) == ("NEXT", "未公开")
    assert deadline.endswith("（暂定）")


def test_unknown_agency_is_exit_2(capsys):
    assert main(["catalogue", "late", "--agency", "无此机关", "--year", "2026"]) == 2
    assert "没有名为“无此机关”的机关" in capsys.readouterr().err
