"""One answer to "is this a people's government": S-4 asks its part 一 for 考核、评议、责任追究
(条例第五十条第（四）项), and the office's drafted part 一 leaves room for exactly those."""

import pytest

from gongkai.office.annual.narrative_draft import part_one
from gongkai.report.checks import iter_findings
from gongkai.report.model import AgencyKind, Report, TextPart


@pytest.mark.parametrize(
    "agency, kind, expected",
    [
        ("管头镇人民政府", AgencyKind.TOWNSHIP, True),
        ("示范县人民政府办公室", AgencyKind.GOVERNMENT, True),  # the county's own-level report
        ("淮安市洪泽区人民政府", None, True),
        ("某区某街道办事处", AgencyKind.TOWNSHIP, False),
        ("示范县自然资源局", AgencyKind.DEPARTMENT, False),
        (None, None, None),
    ],
)
def test_the_check_and_the_draft_agree(agency, kind, expected):
    report = Report(agency=agency, year=2025, agency_kind=kind)
    assert report.is_peoples_government is expected
    report.parts[1] = TextPart(1, "总体情况", part_one(report))
    s4 = [f for f in iter_findings(report) if f.rule == "S-4"]
    asked = {f.evidence.get("aspect") for f in s4}
    assert ("工作考核" in asked) is bool(expected)
    assert not [f.message for f in s4 if f.failed]  # the draft names every aspect S-4 asks for
    assert ("考核" in part_one(report)) is bool(expected)
