"""今日工作: overdue cases (a 补正 or fee period that ran out included), cases due within 5
working days, the extension queue, catalogue items due and the annual report's countdown."""

import datetime as dt

import pytest

from gongkai.office.applications import services

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2024, 12, 18)  # a Wednesday


@pytest.fixture(autouse=True)
def today(monkeypatch):
    from gongkai.office.applications import views as case_views
    from gongkai.office.today import views

    for module in (views, case_views):
        monkeypatch.setattr(module.timezone, "localdate", lambda: TODAY)
    return TODAY


def section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}"')
    return page[start : page.index("</section>", start)]


def lapsed_correction(make_case, clerk):
    """A 补正 notice whose period ran out five weeks before today."""
    case = make_case(arrived_on=D(2024, 10, 8), request_text="补正未回")
    services.request_correction(
        case, D(2024, 10, 9), clerk, items="请写明年份", correction_due=D(2024, 11, 13)
    )
    return case


def test_a_correction_period_that_ran_out_is_overdue_not_paused(client, clerk, make_case):
    case = lapsed_correction(make_case, clerk)
    client.force_login(clerk)
    page = client.get("/office/today/").content.decode()
    overdue = section(page, "overdue")
    assert case.number in overdue and "补正期限 2024-11-13 已届满" in overdue
    listed = client.get("/office/?due=overdue").content.decode()
    assert case.number in listed and "暂停" not in listed and "未起算" not in listed
    row = client.get("/office/").content.decode().split(f'id="case-{case.pk}"')[1]
    assert row.startswith(' class="overdue"') and "已逾期：补正期限" in row.split("</tr>")[0]


def test_a_correction_still_within_its_period_is_not_overdue(client, clerk, make_case):
    case = make_case(arrived_on=D(2024, 12, 9))
    services.request_correction(
        case, D(2024, 12, 10), clerk, items="请写明年份", correction_due=D(2024, 12, 30)
    )
    client.force_login(clerk)
    page = client.get("/office/today/").content.decode()
    assert case.number not in section(page, "overdue")
    assert case.number not in client.get("/office/?due=overdue").content.decode()
    assert "暂停计算" in client.get("/office/").content.decode()


def test_an_unpaid_fee_past_its_20_working_days_is_overdue(client, clerk, make_case):
    case = make_case(arrived_on=D(2024, 10, 8))
    services.fee_notice(case, D(2024, 10, 10), clerk, method="per_item", amount=100)
    client.force_login(clerk)
    overdue = section(client.get("/office/today/").content.decode(), "overdue")
    # 20 working days after Thu 2024-10-10, Sat 10-12 a 国庆 make-up working day: 10-11, 10-12,
    # 10-14..18 (7), 10-21..25 (12), 10-28..11-01 (17), 11-04..06 (20)
    assert case.number in overdue and "缴费期限 2024-11-06 已届满" in overdue


def test_a_reply_due_within_five_working_days_is_marked_in_every_list(client, clerk, make_case):
    soon = make_case(arrived_on=D(2024, 11, 25))  # due 2024-12-23, 3 working days on
    later = make_case(arrived_on=D(2024, 12, 10))  # due 2025-01-07
    late = make_case(arrived_on=D(2024, 11, 18))  # due 2024-12-16
    client.force_login(clerk)
    page = client.get("/office/today/").content.decode()
    assert soon.number in section(page, "soon") and later.number not in section(page, "soon")
    assert late.number in section(page, "overdue") and later.number not in page
    listed = client.get("/office/").content.decode()
    assert f'id="case-{soon.pk}" class="soon"' in listed and "2024-12-23（即将到期）" in listed
    assert f'id="case-{later.pk}" class=""' in listed
    assert f'id="case-{late.pk}" class="overdue"' in listed


def test_extensions_wait_in_the_approvers_queue(client, clerk, head, make_case):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.request_extension(case, D(2024, 12, 16), clerk, days=10, reason="需调取档案")
    client.force_login(head)
    queue = section(client.get("/office/today/").content.decode(), "extensions")
    assert case.number in queue and "需调取档案" in queue and ">审批</a>" in queue
    client.force_login(clerk)
    queue = section(client.get("/office/today/").content.decode(), "extensions")
    assert case.number in queue and "审批</a>" not in queue and "待审核人或负责人批准" in queue
    services.approve_extension(case, D(2024, 12, 17), head, notified_on=D(2024, 12, 17))
    client.force_login(head)
    assert 'id="extensions"' not in client.get("/office/today/").content.decode()


def test_the_annual_report_counts_down_from_december(client, clerk, bureau):
    client.force_login(clerk)
    annual = section(client.get("/office/today/").content.decode(), "annual")
    # a department publishes its 2024 report by 2025-01-31 (条例第四十九条): 44 days on
    assert "2024年度报告" in annual and "2025年1月31日 还有 44 天" in annual


def test_an_unpublished_report_past_its_deadline_stays_on_the_page(
    client, clerk, bureau, monkeypatch
):
    from gongkai.office.today import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: D(2025, 2, 10))
    client.force_login(clerk)
    annual = section(client.get("/office/today/").content.decode(), "annual")
    assert "2024年度报告" in annual and "已超过发布期限（2025年1月31日）" in annual


def test_catalogue_items_late_and_due_are_listed(client, clerk, bureau):
    from gongkai.office.catalogue.models import Item

    common = dict(agency=bureau, category="第二十条第（一）项", doc_type="other")
    Item.objects.create(index_no="LATE-1", title="迟发文件", formed_on=D(2024, 10, 8), **common)
    Item.objects.create(index_no="SOON-1", title="将到期", formed_on=D(2024, 11, 25), **common)
    Item.objects.create(
        index_no="DONE-1",
        title="已公开",
        formed_on=D(2024, 10, 8),
        published_on=D(2024, 10, 9),
        **common,
    )
    client.force_login(clerk)
    catalogue = section(client.get("/office/today/").content.decode(), "catalogue")
    assert "LATE-1" in catalogue and "逾期未公开 1 条" in catalogue
    assert "SOON-1" in catalogue and "即将到期 1 条" in catalogue
    assert "DONE-1" not in catalogue


def test_a_supervisor_sees_every_agency_below_with_its_name_and_no_applicant(
    client, supervisor, other_clerk, town, clerk, make_case
):
    ours = lapsed_correction(make_case, clerk)
    theirs = make_case(arrived_on=D(2024, 11, 18), by=other_clerk, agency=town)
    client.force_login(supervisor)
    overdue = section(client.get("/office/today/").content.decode(), "overdue")
    assert ours.number in overdue and theirs.number in overdue
    assert "<th>机关</th>" in overdue and "某镇人民政府" in overdue and "某县自然资源局" in overdue
    assert "张三" not in overdue


def test_nothing_to_do(client, clerk):
    client.force_login(clerk)
    page = client.get("/office/today/").content.decode()
    assert "没有逾期的申请" in page and "没有即将到期的申请" in page


def test_signing_in_lands_on_todays_work(client, clerk):
    response = client.post("/login/", {"username": "clerk", "password": "pw-clerk"})
    assert response.status_code == 302 and response["Location"] == "/office/today/"
