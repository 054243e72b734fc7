"""The supervising office's 管理员 keeps the roster and the assessment weights on office pages:
every change validated, written to the audit trail, an addition withdrawn with a reason and
never deleted; a 监督人 reads the pages but cannot change them."""

import pytest
from django.contrib.auth.models import User

from gongkai.office.agencies.models import Agency, Membership
from gongkai.office.audit import trail
from gongkai.office.supervision.models import Indicator, RosterAddition

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeper(county):
    user = User.objects.create_user("keeper", password="pw-keeper-1234")
    Membership.objects.create(user=user, agency=county, role="admin")
    return user


@pytest.fixture
def vertical():
    """A 垂直管理 unit: not below the county in the tree, yet obliged to report to it."""
    return Agency.objects.create(name="某县税务局", kind="department")


def _roster(client, county, **post):
    url = f"/office/supervision/roster/?office={county.pk}&year=2024"
    return client.post(url, {"office": county.pk, **post}) if post else client.get(url)


def test_the_keeper_adds_and_withdraws_an_agency_and_the_board_follows(
    client, county, bureau, keeper, vertical
):
    client.force_login(keeper)
    assert _roster(client, county, agency_name=" 某县税务局 ").status_code == 302
    board = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content
    assert f'id="agency-{vertical.pk}"'.encode() in board and "手工添加".encode() in board
    added = RosterAddition.objects.get(agency=vertical)
    assert [r.action for r in trail.of(added)] == ["添加应报单位"]

    page = _roster(client, county, withdraw=added.pk, reason="").content.decode()
    assert "这个字段是必填项" in page
    assert _roster(client, county, withdraw=added.pk, reason="已划归市局").status_code == 302
    board = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content
    assert f'id="agency-{vertical.pk}"'.encode() not in board
    added.refresh_from_db()
    assert added.withdrawn_at and added.withdraw_reason == "已划归市局"  # kept, not deleted
    assert [r.action for r in trail.of(added)] == ["添加应报单位", "移出应报单位"]
    assert "已划归市局" in _roster(client, county).content.decode()
    assert _roster(client, county, agency_name="某县税务局").status_code == 302  # again later


def test_an_addition_that_makes_no_sense_is_a_form_error(client, county, bureau, keeper):
    client.force_login(keeper)
    page = _roster(client, county, agency_name="没有这个局").content.decode()
    assert "没有名为“没有这个局”的机关" in page
    page = _roster(client, county, agency_name=bureau.name).content.decode()
    assert f"{bureau.name}已在2024年度应报单位中" in page
    assert not RosterAddition.objects.exists()


def test_a_supervisor_reads_but_cannot_change(client, county, supervisor, vertical):
    client.force_login(supervisor)
    page = _roster(client, county)
    assert page.status_code == 200 and 'id="roster-add"' not in page.content.decode()
    assert _roster(client, county, agency_name=vertical.name).status_code == 403
    weights = f"/office/supervision/indicators/?office={county.pk}"
    assert client.get(weights).status_code == 200
    assert client.post(weights, {"office": county.pk, "training": "50"}).status_code == 403
    assert not RosterAddition.objects.exists() and not Indicator.objects.exists()


def _weights(client, county, **given):
    data = {
        "office": county.pk,
        "report_on_time": 20,
        "no_error": 20,
        "proactive_on_time": 20,
        "replies_on_time": 20,
        "appeals_corrected": 10,
        "training": 10,
    }
    data.update(given)
    return client.post(f"/office/supervision/indicators/?office={county.pk}", data)


def test_the_keeper_sets_the_weights_and_the_assessment_uses_them(client, county, keeper):
    client.force_login(keeper)
    assert _weights(client, county, training=0, no_error=40).status_code == 302
    assert dict(Indicator.objects.values_list("code", "weight"))["no_error"] == 40
    changes = [
        (c["old"], c["new"])
        for r in trail.of(Indicator.objects.get(code="no_error"))
        for c in r.changes
        if c["field"] == "weight"
    ]
    assert changes == [(20, 40)]
    assert not trail.of(Indicator.objects.get(code="report_on_time")).exists()  # unchanged
    page = client.get(f"/office/supervision/assessment/?office={county.pk}&year=2024")
    text = page.content.decode()
    assert "年度报告无错误" in text and "开展培训" not in text.split("<table")[1].split("</tr>")[0]


@pytest.mark.parametrize(
    "given, message",
    [
        ({"training": -1}, "权重不能为负数"),
        ({"training": 101}, "权重不能超过100"),
        ({"training": "十"}, "权重应为整数"),
        (
            {
                c: 0
                for c in (
                    "report_on_time",
                    "no_error",
                    "proactive_on_time",
                    "replies_on_time",
                    "appeals_corrected",
                    "training",
                )
            },
            "至少一项指标的权重应大于0",
        ),
    ],
)
def test_a_bad_weight_is_a_form_error(client, county, keeper, given, message):
    client.force_login(keeper)
    page = _weights(client, county, **given)
    assert page.status_code == 200 and message in page.content.decode()
    assert not Indicator.objects.exists()
