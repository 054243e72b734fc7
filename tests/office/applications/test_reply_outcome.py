"""Replies (条例第三十六至三十九条, domain-spec §5.6): each reply type is counted in exactly one
table-2 leaf row; a denial states its reason; a closed case takes no more events."""

import datetime as dt

import pytest

from gongkai.office.applications import services
from gongkai.office.applications.replies import REPLY_TYPES
from gongkai.office.applications.services import CaseError
from gongkai.report.formats import OUTCOME_ROWS_2021

D = dt.date


def test_every_reply_type_has_one_leaf_row_and_every_leaf_row_a_reply():
    leaf_rows = {r.key for r in OUTCOME_ROWS_2021}
    assert all(r.row in leaf_rows for r in REPLY_TYPES)
    assert {r.row for r in REPLY_TYPES} == leaf_rows
    assert len({r.key for r in REPLY_TYPES}) == len(REPLY_TYPES)


def test_every_denial_row_needs_a_reason():
    denials = [r for r in REPLY_TYPES if r.row.startswith("denied.")]
    assert len(denials) == 8 and all(r.needs_reason for r in denials)


@pytest.mark.parametrize(
    "reply_type", [r for r in REPLY_TYPES if not r.requires], ids=lambda r: r.key
)
def test_reply_closes_in_its_row(make_case, clerk, reply_type):
    case = make_case()
    services.reply(
        case, D(2024, 12, 20), clerk, reply_type=reply_type.key, denial_reason="依据第十四条"
    )
    case.refresh_from_db()
    assert (case.status, case.outcome, case.concluded_on, case.due_on) == (
        "closed",
        reply_type.row,
        D(2024, 12, 20),
        None,
    )


def test_denial_without_reason_is_refused(make_case, clerk):
    case = make_case()
    with pytest.raises(CaseError, match="必须说明理由"):
        services.reply(
            case, D(2024, 12, 20), clerk, reply_type="denied.process_info", denial_reason=" "
        )
    case.refresh_from_db()
    assert case.status == "registered" and case.outcome == ""


def test_partial_disclosure_states_the_reason_for_the_withheld_part(make_case, clerk):
    with pytest.raises(CaseError):
        services.reply(make_case(), D(2024, 12, 20), clerk, reply_type="partially_granted")


def test_no_event_after_closing(make_case, clerk):
    case = make_case()
    services.reply(case, D(2024, 12, 20), clerk, reply_type="granted")
    with pytest.raises(CaseError, match="已办结"):
        services.reply(case, D(2024, 12, 21), clerk, reply_type="not_held")
    with pytest.raises(CaseError):
        services.withdraw(case, D(2024, 12, 21), clerk)


def test_reply_before_receipt_is_refused(make_case, clerk):
    with pytest.raises(CaseError, match="不能早于"):
        services.reply(
            make_case(arrived_on=D(2024, 12, 2)), D(2024, 12, 1), clerk, reply_type="granted"
        )


def test_withdrawal_is_other_other(make_case, clerk):
    case = make_case(
        channel="online"
    )  # not yet confirmed: withdrawal is possible in any open state
    services.withdraw(case, D(2024, 12, 3), clerk, note="申请人来电撤回")
    assert (case.status, case.outcome) == ("closed", "other.other")


def test_reply_form_shows_the_row_and_the_missing_reason(client, make_case, clerk):
    case = make_case()
    client.force_login(clerk)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "（三）不予公开·6.属于四类过程性信息" in page
    response = client.post(
        f"/office/cases/{case.pk}/reply/",
        {
            "reply-on": "2024-12-20",
            "reply-reply_type": "denied.process_info",
            "reply-denial_reason": "",
        },
    )
    assert response.status_code == 400 and "必须说明理由" in response.content.decode()
    response = client.post(
        f"/office/cases/{case.pk}/reply/",
        {
            "reply-on": "2024-12-20",
            "reply-reply_type": "denied.process_info",
            "reply-denial_reason": "内部讨论记录",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.outcome == "denied.process_info" and case.denial_reason == "内部讨论记录"
