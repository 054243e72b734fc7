"""补正 (条例第三十条): one notice only, the period restarts at the corrected application, and a
lapse without correction closes the case in （六）1."""

import datetime as dt

import pytest

from gongkai.office.applications import services
from gongkai.office.applications.services import CaseError

D = dt.date


def test_correction_pauses_then_restarts_the_clock(make_case, clerk):
    case = make_case(arrived_on=D(2024, 11, 25))
    services.request_correction(
        case, D(2024, 11, 26), clerk, items="请写明地块编号", correction_due=D(2024, 12, 10)
    )
    assert case.status == "correction_requested" and case.due_on is None
    services.receive_correction(case, D(2024, 12, 2), clerk)
    assert case.status == "registered"
    assert case.due_on == D(2024, 12, 30)  # 20 wd from the corrected application, not from 11-25


def test_only_one_correction_notice(make_case, clerk):
    case = make_case()
    services.request_correction(case, D(2024, 12, 3), clerk, items="请写明地块编号")
    services.receive_correction(case, D(2024, 12, 5), clerk)
    with pytest.raises(CaseError, match="一次性"):
        services.request_correction(case, D(2024, 12, 6), clerk, items="还要别的")


def test_correction_needs_the_items(make_case, clerk):
    with pytest.raises(CaseError, match="补正的事项"):
        services.request_correction(make_case(), D(2024, 12, 3), clerk, items="  ")


def test_lapse_closes_in_row_other_no_correction_only_after_the_period(make_case, clerk):
    case = make_case()
    services.request_correction(
        case, D(2024, 12, 3), clerk, items="请写明地块编号", correction_due=D(2024, 12, 17)
    )
    with pytest.raises(CaseError, match="补正期限尚未届满"):
        services.reply(case, D(2024, 12, 17), clerk, reply_type="no_correction")
    services.reply(case, D(2024, 12, 18), clerk, reply_type="no_correction")
    assert (case.status, case.outcome, case.concluded_on) == (
        "closed",
        "other.no_correction",
        D(2024, 12, 18),
    )


def test_still_unclear_needs_a_received_correction(make_case, clerk):
    case = make_case()
    with pytest.raises(CaseError, match="收到补正材料后"):
        services.reply(case, D(2024, 12, 10), clerk, reply_type="unclear_after_correction")
    services.request_correction(case, D(2024, 12, 3), clerk, items="请写明地块编号")
    services.receive_correction(case, D(2024, 12, 5), clerk)
    services.reply(case, D(2024, 12, 10), clerk, reply_type="unclear_after_correction")
    assert case.outcome == "unable.unclear_after_correction"


def test_correction_form_on_the_case_page(client, clerk, make_case):
    case = make_case()
    client.force_login(clerk)
    response = client.post(
        f"/office/cases/{case.pk}/correction/",
        {"correction-on": "2024-12-03", "correction-items": "", "correction-correction_due": ""},
    )
    assert response.status_code == 400 and "这个字段是必填项" in response.content.decode()
    response = client.post(
        f"/office/cases/{case.pk}/correction/",
        {"correction-on": "2024-12-03", "correction-items": "请写明地块编号"},
    )
    assert response.status_code == 302
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "等待申请人补正" in page and 'id="form-correction"' not in page
