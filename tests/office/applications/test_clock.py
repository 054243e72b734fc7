"""The legal clock as a pure function: scenarios with hand-checked dates (domain-spec §6.2
reference dates) and properties that must hold for any dates."""

import datetime as dt
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.office.applications.clock import compute_deadline
from gongkai.workdays import is_workday

D = dt.date


def ev(kind, on, **data):
    return SimpleNamespace(kind=kind, on=on, data=data)


def case(received_on):
    return SimpleNamespace(received_on=received_on)


SCENARIOS = [
    # (name, received_on, events, expected due date) — dates from domain-spec §6.2 or counted by hand
    ("20 wd (§6.2, across 国庆)", D(2026, 9, 18), [], D(2026, 10, 22)),
    ("20 wd (§6.2, across 春节)", D(2025, 1, 20), [], D(2025, 2, 21)),
    ("20 wd (§6.2, 2026 春节)", D(2026, 2, 10), [], D(2026, 3, 16)),
    ("20 wd (§6.2, December)", D(2024, 12, 2), [], D(2024, 12, 30)),
    (
        "approved extension of 20 wd = 40 wd (§6.2)",
        D(2026, 9, 18),
        [ev("extension", D(2026, 10, 20), days=20, approved=True, notified_on="2026-10-20")],
        D(2026, 11, 19),
    ),
    (
        "an extension not yet approved does not count",
        D(2026, 9, 18),
        [ev("extension", D(2026, 10, 20), days=20, approved=False)],
        D(2026, 10, 22),
    ),
    (
        "extension capped at 20 wd",
        D(2026, 9, 18),
        [ev("extension", D(2026, 10, 20), days=30, approved=True)],
        D(2026, 11, 19),
    ),
    (
        "correction restarts the clock at the corrected application",
        D(2024, 11, 25),
        [ev("correction_notice", D(2024, 11, 26)), ev("correction_received", D(2024, 12, 2))],
        D(2024, 12, 30),
    ),
    (
        "third-party consultation 12-09..12-13 pauses 4 wd; 2025-01-01 is a holiday",
        D(2024, 12, 2),
        [
            ev("consultation_start", D(2024, 12, 9), party="third_party"),
            ev("consultation_end", D(2024, 12, 13)),
        ],
        D(2025, 1, 6),
    ),
    (
        "a pause begun after the deadline changes nothing",
        D(2024, 12, 2),
        [
            ev("consultation_start", D(2024, 12, 31), party="agency"),
            ev("consultation_end", D(2025, 1, 10)),
        ],
        D(2024, 12, 30),
    ),
    (
        "第三十五条 delayed date replaces the computed one",
        D(2024, 12, 2),
        [ev("art35_delay", D(2024, 12, 20), delayed_to="2025-03-31")],
        D(2025, 3, 31),
    ),
    (
        "fee notice to payment pauses the clock (default, [U])",
        D(2024, 12, 2),
        [ev("fee_notice", D(2024, 12, 9)), ev("fee_paid", D(2024, 12, 13))],
        D(2025, 1, 6),
    ),
]


@pytest.mark.parametrize(
    "name, received, events, expected", SCENARIOS, ids=[s[0] for s in SCENARIOS]
)
def test_scenarios(name, received, events, expected):
    deadline = compute_deadline(case(received), events)
    assert deadline.date == expected, deadline.steps
    assert not deadline.provisional
    assert deadline.steps, "the computation is explained"


def test_no_receipt_date_blocks_the_calculation():
    deadline = compute_deadline(case(None), [])
    assert deadline.date is None
    assert "第三十一条" in deadline.steps[0]


def test_waiting_for_correction_has_no_due_date_but_shows_the_notice_deadline():
    deadline = compute_deadline(case(D(2025, 1, 20)), [ev("correction_notice", D(2025, 1, 22))])
    assert deadline.date is None and deadline.paused
    assert any("2025-02-05" in s for s in deadline.steps)  # 7 wd after 2025-01-20 (§6.2)


def test_late_correction_notice_is_flagged():
    deadline = compute_deadline(
        case(D(2025, 1, 20)),
        [ev("correction_notice", D(2025, 2, 6)), ev("correction_received", D(2025, 2, 7))],
    )
    assert any("已超过第三十条规定的期限" in s for s in deadline.steps)


def test_fee_pause_can_be_switched_off():
    events = [ev("fee_notice", D(2024, 12, 9)), ev("fee_paid", D(2024, 12, 13))]
    assert compute_deadline(case(D(2024, 12, 2)), events, fee_pauses_clock=False).date == D(
        2024, 12, 30
    )


def test_unpaid_fee_notice_stops_the_clock():
    deadline = compute_deadline(case(D(2024, 12, 2)), [ev("fee_notice", D(2024, 12, 9))])
    assert deadline.date is None and deadline.paused


def test_open_consultation_counts_to_the_latest_answer_date():
    """第三十二条: the third party answers within 15 wd of receiving the letter; until then the
    due date shown is the latest possible one."""
    open_ = compute_deadline(
        case(D(2024, 12, 2)), [ev("consultation_start", D(2024, 12, 9), party="third_party")]
    )
    answered_late = compute_deadline(
        case(D(2024, 12, 2)),
        [
            ev("consultation_start", D(2024, 12, 9), party="third_party"),
            ev("consultation_end", D(2025, 3, 1)),
        ],
    )
    assert open_.paused and open_.date == answered_late.date  # the pause ends when the 15 wd lapse
    assert open_.date > D(2024, 12, 30)


def test_calendar_override_moves_the_deadline():
    """An administrator declares 2024-12-30 a local holiday: the 20th working day is the 31st."""
    deadline = compute_deadline(case(D(2024, 12, 2)), [], {D(2024, 12, 30): False})
    assert deadline.date == D(2024, 12, 31)


dates = st.dates(D(2024, 1, 1), D(2026, 10, 31))
offsets = st.integers(0, 40)


@settings(max_examples=60, deadline=None)
@given(received=dates, start=offsets, length=offsets)
def test_a_pause_never_shortens_the_deadline(received, start, length):
    plain = compute_deadline(case(received), []).date
    begin = received + dt.timedelta(days=start)
    paused = compute_deadline(
        case(received),
        [
            ev("consultation_start", begin, party="agency"),
            ev("consultation_end", begin + dt.timedelta(days=length)),
        ],
    ).date
    assert paused >= plain


@settings(max_examples=60, deadline=None)
@given(received=dates, days=st.integers(1, 40))
def test_an_extension_adds_at_most_20_working_days(received, days):
    plain = compute_deadline(case(received), []).date
    extended = compute_deadline(
        case(received), [ev("extension", received, days=days, approved=True)]
    ).date
    cap = compute_deadline(case(received), [ev("extension", received, days=20, approved=True)]).date
    assert plain < extended <= cap


@settings(max_examples=60, deadline=None)
@given(received=dates, later=st.integers(0, 30))
def test_later_receipt_never_gives_an_earlier_deadline(received, later):
    first = compute_deadline(case(received), []).date
    second = compute_deadline(case(received + dt.timedelta(days=later)), []).date
    assert second >= first
    assert is_workday(first)
