"""Each risk flag, with a report that raises it and one that does not; each carries evidence."""

import datetime as dt

from gongkai.report.checks import iter_findings
from gongkai.report.model import AgencyKind
from gongkai.supervision.risk import (
    APPEALS,
    COPIED,
    CORRECTED,
    ERROR,
    LATE,
    MISSING,
    SHARED,
    SWING,
    Region,
    flags,
)

from .makers import build, zeros

OVERVIEW = (
    "本年度我局围绕优化营商环境，在政务服务网开设惠企政策专栏，集中发布惠企政策四十二项。"
    "组织开展政策解读直播三场，邀请企业代表现场提问并逐项答复。"
    "依申请公开工作实行首问负责，建立答复前法律审核机制，确保答复规范。"
)


def _codes(report, previous=None, peers=None):
    region = Region(peers) if peers is not None else None
    return {f.code: f for f in flags(report, list(iter_findings(report, previous)), region)}


def test_an_error_is_a_flag_with_its_rule_and_cells():
    printed = zeros()
    printed["t3.review.maintained"] = "2"  # 总计 0: L-1 broken
    found = _codes(build("甲局", 2024, printed))
    assert ERROR in found
    assert found[ERROR].rule == "L-1" and "t3.review.total" in found[ERROR].cells
    assert "L-1" in found[ERROR].evidence
    assert ERROR not in _codes(build("甲局", 2024, zeros()))


def test_text_repeated_from_last_year():
    text = {1: OVERVIEW, 5: OVERVIEW}
    last = build("甲局", 2023, zeros(), text=text)
    same = build("甲局", 2024, zeros(), text=text)
    found = _codes(same, last)
    assert COPIED in found and "相似度为100%" in found[COPIED].evidence
    new = build("甲局", 2024, zeros(), text={1: "今年新设立了依申请公开受理窗口，" * 3, 5: "无。"})
    assert COPIED not in _codes(new, last)


def test_text_shared_with_another_agency_beyond_the_boilerplate():
    statutory = "本报告根据《中华人民共和国政府信息公开条例》第五十条的规定编制。"
    a = build("甲局", 2024, zeros(), text={1: statutory + OVERVIEW})
    b = build("乙局", 2024, zeros(), text={1: statutory + OVERVIEW})
    c = build(
        "丙局", 2024, zeros(), text={1: statutory + "全年主动公开信息八百条，更新财政预决算专栏。"}
    )
    found = _codes(a, peers=[a, b, c])
    assert SHARED in found
    assert found[SHARED].data["other"] == "乙局" and found[SHARED].data["share"] >= 0.5
    assert "与乙局的报告相同" in found[SHARED].evidence and "惠企政策专栏" in found[SHARED].evidence
    assert SHARED not in _codes(c, peers=[a, b, c])  # only the statutory sentence in common
    d = build("丁局", 2024, zeros(), text={1: OVERVIEW})
    region = [a, b, d] + [build(f"{n}局", 2024, zeros(), text={1: OVERVIEW}) for n in "戊己"]
    assert SHARED not in _codes(a, peers=region)  # what every report of the year writes


def test_appeals_without_applications():
    printed = zeros()
    printed["t3.review.maintained"] = printed["t3.review.total"] = "2"
    found = _codes(build("甲局", 2024, printed))
    assert APPEALS in found and "行政复议、行政诉讼2件" in found[APPEALS].evidence
    printed["t2.carried_over_in.natural_person"] = printed["t2.carried_over_in.total"] = "1"
    assert APPEALS not in _codes(build("甲局", 2024, printed))


def _appeals(corrected: int, total: int) -> dict:
    printed = zeros()
    printed["t3.review.corrected"] = str(corrected)
    printed["t3.review.maintained"] = str(total - corrected)
    printed["t3.review.total"] = str(total)
    return printed


def test_corrected_share_far_above_the_regions():
    high = build("甲局", 2024, _appeals(4, 5))
    peers = [build("乙局", 2024, _appeals(1, 10)), build("丙局", 2024, _appeals(0, 8))]
    found = _codes(high, peers=[high, *peers])
    assert CORRECTED in found and "纠正4件（80%）" in found[CORRECTED].evidence
    usual = build("甲局", 2024, _appeals(1, 5))
    assert CORRECTED not in _codes(usual, peers=[usual, *peers])


def _received(n: int) -> dict:
    printed = zeros()
    for row in ("new_received", "granted", "processed_total"):
        printed[f"t2.{row}.natural_person"] = printed[f"t2.{row}.total"] = str(n)
    return printed


def test_a_sharp_swing_year_over_year():
    last = build("甲局", 2023, _received(3))
    found = _codes(build("甲局", 2024, _received(95)), last)
    assert SWING in found and "从3件变为95件" in found[SWING].evidence
    assert SWING not in _codes(build("甲局", 2024, _received(5)), last)


def test_a_missing_part():
    report = build("甲局", 2024, zeros())
    del report.parts[5]
    found = _codes(report)
    assert MISSING in found and "缺少第五部分" in found[MISSING].evidence
    assert MISSING not in _codes(build("甲局", 2024, zeros()))


def test_published_late_by_n_days():
    late = build(
        "甲局", 2024, zeros(), agency_kind=AgencyKind.DEPARTMENT, published_on=dt.date(2025, 2, 10)
    )
    found = _codes(late)
    assert LATE in found and found[LATE].data == {"days": 10}
    on_time = build("甲局", 2024, zeros(), published_on=dt.date(2025, 1, 31))
    assert LATE not in _codes(on_time)
    county = build(  # a government's own-level report: 3月31日 (第四十九条第二款)
        "某县人民政府",
        2024,
        zeros(),
        agency_kind=AgencyKind.GOVERNMENT,
        published_on=dt.date(2025, 3, 1),
    )
    assert LATE not in _codes(county)


def test_a_folder_check_lists_the_flags_in_its_json_and_summary(tmp_path, capsys):
    import csv
    import json

    from gongkai.cli import main

    from .makers import save

    late = build("甲局", 2024, zeros(), signed_on=dt.date(2025, 2, 3))
    save(late, tmp_path, "late", "docx")
    save(build("乙局", 2024, zeros(), signed_on=dt.date(2025, 1, 30)), tmp_path, "ok", "html")
    out = tmp_path / "s.csv"
    main(["check", str(tmp_path), "--json", "--jobs", "1", "--summary", str(out)])
    by_file = {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(capsys.readouterr().out)}
    assert [f["flag"] for f in by_file["late.docx"]["risk"]] == ["error", "late"]
    assert by_file["ok.html"]["risk"] == []
    rows = {r["文件"].rsplit("/", 1)[-1]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert (
        "逾期发布：落款日期（代替发布日期）2025年2月3日晚于期限2025年1月31日"
        in (rows["late.docx"]["风险提示"])
    )
    assert rows["ok.html"]["风险提示"] == ""
