"""Consultation (条例第三十二条 third party, 第三十四条 co-agency): the time is not counted, at most
15 working days after the other side received the letter."""

import datetime as dt

import pytest

from gongkai.office.applications import services
from gongkai.office.applications.services import CaseError

D = dt.date


def test_consultation_pauses_the_clock(make_case, clerk):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.start_consultation(case, D(2024, 12, 9), clerk, party="third_party", name="某公司")
    assert case.status == "consulting"
    services.end_consultation(case, D(2024, 12, 13), clerk, answer="不同意公开")
    assert case.status == "registered"
    assert case.due_on == D(2025, 1, 6)  # 4 wd paused; 2025-01-01 is a holiday


def test_pause_ends_when_the_15_days_lapse(make_case, clerk):
    """An answer arriving late does not stretch the pause beyond 15 wd after delivery."""
    late, capped = make_case(arrived_on=D(2024, 12, 2)), make_case(arrived_on=D(2024, 12, 2))
    for case, end in ((late, D(2025, 2, 28)), (capped, D(2024, 12, 31))):
        services.start_consultation(
            case,
            D(2024, 12, 9),
            clerk,
            party="agency",
            name="某县财政局",
            delivered_on=D(2024, 12, 10),
        )
        services.end_consultation(case, end, clerk)
    # 15 wd after delivery on 12-10 is 12-31, so both pauses end there
    assert late.due_on == capped.due_on


def test_open_consultation_shows_the_latest_date_on_the_page(client, make_case, clerk):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.start_consultation(case, D(2024, 12, 9), clerk, party="third_party", name="某公司")
    client.force_login(clerk)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "期限暂停中" in page and "第三十二条" in page


def test_consultation_needs_a_party(make_case, clerk):
    with pytest.raises(CaseError):
        services.start_consultation(
            make_case(), D(2024, 12, 9), clerk, party="neighbour", name="某公司"
        )


def test_cannot_reply_while_consulting(make_case, clerk):
    case = make_case()
    services.start_consultation(case, D(2024, 12, 9), clerk, party="third_party", name="某公司")
    with pytest.raises(CaseError, match="征求意见中"):
        services.reply(case, D(2024, 12, 10), clerk, reply_type="granted")
