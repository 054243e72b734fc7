"""compile_report counts the ledger by year: received, carried over, concluded by row, pending."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.office.annual.compile import compile_report
from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_ROWS_2021

D = dt.date
pytestmark = pytest.mark.django_db


def _app(agency, number, received, category="natural_person", concluded=None, outcome=""):
    from gongkai.office.applications.models import Application

    return Application.objects.create(
        agency=agency,
        number=number,
        channel="in_person",
        arrived_on=received or D(2025, 1, 1),
        received_on=received,
        applicant_category=category,
        applicant_name="张三",
        contact="13800000000",
        request_text="某文件",
        concluded_on=concluded,
        outcome=outcome,
    )


def _appeal(agency, number, kind, filed, result="", closed=None):
    from gongkai.office.appeals.models import Appeal

    return Appeal.objects.create(
        agency=agency, number=number, kind=kind, filed_on=filed, result=result, closed_on=closed
    )


def test_year_attribution(bureau, town):
    _app(
        bureau, "1", D(2024, 12, 30), concluded=D(2025, 1, 6), outcome="granted"
    )  # carried in, concluded
    _app(
        bureau, "2", D(2024, 11, 1), concluded=D(2024, 11, 20), outcome="granted"
    )  # last year only
    _app(bureau, "3", D(2025, 1, 1), "commercial_enterprise", D(2025, 2, 1), "partially_granted")
    _app(bureau, "4", D(2025, 12, 31))  # pending at year end
    _app(
        bureau, "5", D(2025, 12, 1), concluded=D(2026, 1, 5), outcome="unable.not_held"
    )  # concluded next year
    _app(bureau, "6", D(2023, 6, 1))  # pending for years
    _app(bureau, "7", D(2026, 1, 2))  # next year
    _app(town, "8", D(2025, 5, 5))  # another agency
    r = compile_report(bureau, 2025)
    assert r.value("t2.new_received.total") == 3
    assert r.value("t2.new_received.commercial_enterprise") == 1
    assert r.value("t2.carried_over_in.total") == 2
    assert r.value("t2.granted.natural_person") == 1
    assert r.value("t2.partially_granted.commercial_enterprise") == 1
    assert r.value("t2.processed_total.total") == 2
    assert r.value("t2.carried_over_out.total") == 3
    assert r.value("t2.unable.not_held.total") == 0
    assert r.cell("t2.granted.total").source.kind == "ledger"
    assert r.agency == bureau.name and r.year == 2025


def test_unconfirmed_receipt_is_not_counted_but_said(bureau):
    _app(bureau, "1", None, concluded=D(2025, 3, 1), outcome="other.other")
    r = compile_report(bureau, 2025)
    assert r.value("t2.processed_total.total") == 0
    assert any("尚未确认收到日期" in n for n in r.notes)


def test_appeals_filed_in_the_year_or_pending_at_its_start(bureau):
    _appeal(bureau, "a", "review", D(2025, 2, 1), "maintained", D(2025, 4, 1))
    _appeal(bureau, "b", "review", D(2024, 10, 1))  # pending since last year
    _appeal(bureau, "c", "review", D(2024, 10, 1), "corrected", D(2024, 12, 1))  # closed last year
    _appeal(
        bureau, "d", "litigation_after_review", D(2025, 11, 1), "other", D(2026, 2, 1)
    )  # closed next year
    _appeal(bureau, "e", "litigation_direct", D(2024, 9, 1), "corrected", D(2025, 3, 1))
    r = compile_report(bureau, 2025)
    assert [
        r.value(f"t3.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")
    ] == [1, 0, 0, 1, 2]
    assert r.value("t3.litigation_after_review.pending") == 1
    assert r.value("t3.litigation_after_review.other") == 0
    assert r.value("t3.litigation_direct.corrected") == 1


def test_table_one_and_parts_come_from_the_entry(bureau):
    from gongkai.office.annual.models import AnnualReport

    AnnualReport.objects.create(
        agency=bureau,
        year=2025,
        table1={"t1.penalty.decisions": "3"},
        part1="本年度，我局……",
        part6="本年度未收取政府信息公开信息处理费。",
    )
    r = compile_report(bureau, 2025)
    assert r.value("t1.penalty.decisions") == 3
    assert r.value("t1.licensing.decisions") is None
    assert r.text(6).startswith("本年度未收取")


CATEGORIES = [c.key for c in APPLICANT_COLUMNS]
OUTCOMES = [r.key for r in OUTCOME_ROWS_2021]
days = st.integers(0, 3 * 365).map(lambda n: D(2024, 1, 1) + dt.timedelta(days=n))


@st.composite
def cases(draw):
    received = draw(days)
    closed = draw(st.one_of(st.none(), st.integers(0, 400)))
    concluded = None if closed is None else received + dt.timedelta(days=closed)
    return received, draw(st.sampled_from(CATEGORIES)), concluded, draw(st.sampled_from(OUTCOMES))


def _oracle(records, year):
    start, end = D(year, 1, 1), D(year, 12, 31)
    open_at = lambda r, c, day: r <= day and (c is None or c > day)  # noqa: E731
    return {
        "new_received": sum(start <= r <= end for r, _, _, _ in records),
        "carried_over_in": sum(
            open_at(r, c, start - dt.timedelta(days=1)) for r, _, c, _ in records
        ),
        "processed_total": sum(c is not None and start <= c <= end for _, _, c, _ in records),
        "carried_over_out": sum(open_at(r, c, end) for r, _, c, _ in records),
    }


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(cases(), max_size=25))
def test_counts_agree_with_a_case_by_case_count_and_balance(bureau, records):
    from gongkai.office.applications.models import Application

    Application.objects.filter(agency=bureau).delete()
    for i, (received, cat, concluded, outcome) in enumerate(records):
        _app(bureau, str(i), received, cat, concluded, outcome if concluded else "")
    r = compile_report(bureau, 2025)
    for row, n in _oracle(records, 2025).items():
        assert r.value(f"t2.{row}.total") == n, row
    for col in [*CATEGORIES, "total"]:  # R-1, column by column
        assert r.value(f"t2.new_received.{col}") + r.value(f"t2.carried_over_in.{col}") == r.value(
            f"t2.processed_total.{col}"
        ) + r.value(f"t2.carried_over_out.{col}")
