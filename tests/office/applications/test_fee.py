"""Fees (国办函〔2020〕109号): one method per application; 20 wd to pay from the day after the
notice arrives; lapse closes in （六）2; the clock pauses by default ([U], configurable)."""

import datetime as dt

import pytest

from gongkai.office.applications import services
from gongkai.office.applications.services import CaseError

D = dt.date


def test_fee_notice_and_payment_pause_the_clock(make_case, clerk):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.fee_notice(case, D(2024, 12, 9), clerk, method="per_item", amount=100)
    assert case.status == "awaiting_payment" and case.due_on is None
    services.fee_paid(case, D(2024, 12, 13), clerk)
    assert case.due_on == D(2025, 1, 6)


def test_setting_off_keeps_the_clock_running(make_case, clerk, settings):
    settings.GONGKAI_FEE_PAUSES_CLOCK = False
    case = make_case(arrived_on=D(2024, 12, 2))
    services.fee_notice(case, D(2024, 12, 9), clerk, method="per_volume", amount=10)
    services.fee_paid(case, D(2024, 12, 13), clerk)
    assert case.due_on == D(2024, 12, 30)


def test_lapse_only_after_twenty_working_days(make_case, clerk):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.fee_notice(
        case, D(2024, 12, 9), clerk, method="per_item", amount=100, served_on=D(2024, 12, 10)
    )
    with pytest.raises(CaseError, match="2025-01-08"):  # 20 wd after 12-10 (01-01 off)
        services.reply(case, D(2025, 1, 8), clerk, reply_type="fee_unpaid")
    services.reply(case, D(2025, 1, 9), clerk, reply_type="fee_unpaid")
    assert case.outcome == "other.fee_unpaid"


@pytest.mark.parametrize("method, amount", [("both", 100), ("per_item", 0)])
def test_one_method_and_a_positive_amount(make_case, clerk, method, amount):
    with pytest.raises(CaseError):
        services.fee_notice(make_case(), D(2024, 12, 9), clerk, method=method, amount=amount)
