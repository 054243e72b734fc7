"""Extension (条例第三十三条第二款): at most 20 working days, approved by a 审核人 or 负责人 before the
period ends, with the applicant notified."""

import datetime as dt

import pytest

from gongkai.office.applications import services
from gongkai.office.applications.services import CaseError

D = dt.date


@pytest.fixture
def case(make_case):
    return make_case(arrived_on=D(2024, 12, 2))  # due 2024-12-30


def test_reviewer_approval_moves_the_deadline(case, clerk, reviewer):
    services.request_extension(case, D(2024, 12, 20), clerk, days=20, reason="涉及档案调取")
    assert case.due_on == D(2024, 12, 30)  # a request alone changes nothing
    services.approve_extension(case, D(2024, 12, 23), reviewer, notified_on=D(2024, 12, 24))
    assert case.due_on == D(
        2025, 1, 27
    )  # 20 wd after 12-30: 01-01 off, Sunday 01-26 a make-up working day
    assert case.events.get(kind="extension").data["approved_by"] == "reviewer"


def test_head_may_approve_too(case, clerk, head):
    services.request_extension(case, D(2024, 12, 20), clerk, days=5, reason="需会商")
    services.approve_extension(case, D(2024, 12, 20), head, notified_on=D(2024, 12, 20))
    assert case.due_on == D(2025, 1, 7)


def test_a_clerk_cannot_approve(case, clerk):
    services.request_extension(case, D(2024, 12, 20), clerk, days=20, reason="涉及档案调取")
    with pytest.raises(CaseError, match="审核人或负责人"):
        services.approve_extension(case, D(2024, 12, 23), clerk, notified_on=D(2024, 12, 23))
    assert case.due_on == D(2024, 12, 30)


def test_a_reviewer_of_another_agency_cannot_approve(case, clerk, town):
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Membership

    outsider = User.objects.create_user("town_reviewer")
    Membership.objects.create(user=outsider, agency=town, role="reviewer")
    services.request_extension(case, D(2024, 12, 20), clerk, days=20, reason="涉及档案调取")
    with pytest.raises(CaseError):
        services.approve_extension(case, D(2024, 12, 23), outsider, notified_on=D(2024, 12, 23))


@pytest.mark.parametrize("days", [0, 21])
def test_length_is_one_to_twenty_working_days(case, clerk, days):
    with pytest.raises(CaseError, match="20"):
        services.request_extension(case, D(2024, 12, 20), clerk, days=days, reason="理由")


def test_no_extension_after_the_period_ended(case, clerk, reviewer):
    services.request_extension(case, D(2024, 12, 27), clerk, days=20, reason="理由")
    with pytest.raises(CaseError, match="届满"):
        services.approve_extension(case, D(2024, 12, 31), reviewer, notified_on=D(2024, 12, 31))


def test_only_one_extension(case, clerk, reviewer):
    services.request_extension(case, D(2024, 12, 20), clerk, days=10, reason="理由")
    services.approve_extension(case, D(2024, 12, 20), reviewer, notified_on=D(2024, 12, 20))
    with pytest.raises(CaseError, match="只能延长一次"):
        services.request_extension(case, D(2024, 12, 21), clerk, days=10, reason="再延")


def test_approve_button_is_shown_to_the_reviewer_only(client, case, clerk, reviewer):
    services.request_extension(case, D(2024, 12, 20), clerk, days=20, reason="涉及档案调取")
    client.force_login(clerk)
    assert (
        'id="form-extension_approve"'
        not in client.get(f"/office/cases/{case.pk}/").content.decode()
    )
    assert (
        client.post(
            f"/office/cases/{case.pk}/extension_approve/",
            {"extension_approve-on": "2024-12-23", "extension_approve-notified_on": "2024-12-23"},
        ).status_code
        == 403
    )
    client.force_login(reviewer)
    assert 'id="form-extension_approve"' in client.get(f"/office/cases/{case.pk}/").content.decode()
    response = client.post(
        f"/office/cases/{case.pk}/extension_approve/",
        {"extension_approve-on": "2024-12-23", "extension_approve-notified_on": "2024-12-23"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.due_on == D(2025, 1, 27)
