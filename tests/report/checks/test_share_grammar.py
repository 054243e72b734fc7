"""The share the office drafts ("占50.2%") is the share T-4 recomputes: one grammar for both,
rounded half up, on the edge shares where binary floating point and half-even rounding differ."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.office.annual.narrative_draft import applications_sentence
from gongkai.report.checks import RULES
from gongkai.report.checks.finding import Outcome
from gongkai.report.checks.registry import run_rule
from gongkai.report.narrative_grammar import share, share_text

from .check_cases import build


@pytest.mark.parametrize(
    ("part", "total", "written"),
    [
        (1003, 2000, "50.2%"),  # 50.15: f"{50.15:.1f}" is 50.1, half-even 50.2
        (1005, 2000, "50.3%"),  # 50.25: half-even would write 50.2
        (1, 8, "12.5%"),
        (2, 3, "66.7%"),
        (1, 3, "33.3%"),
        (3, 3, "100.0%"),
        (0, 7, "0.0%"),
    ],
)
def test_shares_are_rounded_half_up(part, total, written):
    assert share_text(part, total) == written


def test_no_share_of_nothing():
    assert share(0, 0) is None and share_text(3, 0) == ""
    assert share(1, 3, places=2) == Decimal("33.33")


@pytest.mark.parametrize(("granted", "total"), [(1003, 2000), (1005, 2000), (2, 3), (1, 6)])
def test_the_drafted_sentence_passes_t4(granted, total):
    cells = {
        "t2.granted.natural_person": granted,
        "t2.granted.commercial_enterprise": 0,
        "t2.granted.total": granted,
        "t2.unable.not_held.natural_person": total - granted,
        "t2.unable.not_held.total": total - granted,
        "t2.other.other.natural_person": 0,
        "t2.other.other.total": 0,
        "t2.processed_total.natural_person": total,
        "t2.processed_total.commercial_enterprise": 0,
        "t2.processed_total.total": total,
    }
    report = build(cells)
    sentence = applications_sentence(report)
    assert f"占{share_text(granted, total)}" in sentence
    report = build(cells, parts={1: f"（二）依申请公开。{sentence}"})
    shares = [f for f in run_rule(RULES["T-4"], report, None) if "recomputed" in (f.evidence or {})]
    assert shares and all(f.outcome is Outcome.PASS for f in shares), [f.message for f in shares]
