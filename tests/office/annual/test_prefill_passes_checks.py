"""The sentences the office pre-fills pass gongkai's own text checks (T-): a draft written from
the figures never contradicts them."""

import datetime as dt

import pytest

from gongkai.office.annual.compile import compile_report, fees_in_year
from gongkai.office.annual.models import AnnualReport
from gongkai.office.annual.narrative_draft import prefill
from gongkai.office.annual.publish import compiled_with_checks
from gongkai.office.applications import services
from gongkai.office.catalogue.year_facts import proactive_year

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_prefilled_parts_pass_every_t_check(make_case, clerk, bureau):
    replies = ["granted"] * 3 + ["partially_granted", "not_held", "repeat"]
    for n, reply_type in enumerate(replies):
        case = make_case(arrived_on=D(2024, 3, 1 + n))
        services.reply(
            case, D(2024, 3, 20), clerk, reply_type=reply_type, denial_reason="涉及个人隐私"
        )
    make_case(arrived_on=D(2024, 12, 20))  # carried over
    texts = prefill(
        compile_report(bureau, 2024), fees_in_year(bureau, 2024), proactive_year(bureau, 2024)
    )
    AnnualReport.objects.create(
        agency=bureau, year=2024, part1=texts[1], part5=texts[5], part6=texts[6]
    )
    _, found = compiled_with_checks(bureau, 2024)
    text_checks = [f for f in found if f.rule.startswith("T-")]
    assert any(f.rule == "T-4" and "recomputed" in f.evidence for f in text_checks)
    assert not [f.message for f in text_checks if f.failed]
