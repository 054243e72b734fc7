"""The 负责人 fills table 1 and the parts (pre-filled from the figures) in the browser, publishes,
and the public portal shows the published report."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_edit_publish_and_read_on_the_portal(page, live_server, login, shots, bureau, head):
    from gongkai.office.applications.models import Application

    year = dt.date.today().year - 1
    Application.objects.create(
        agency=bureau,
        number="X1",
        channel="online",
        arrived_on=dt.date(year, 4, 1),
        received_on=dt.date(year, 4, 1),
        applicant_category="natural_person",
        applicant_name="钱七",
        contact="1",
        request_text="某文件",
        status="closed",
        concluded_on=dt.date(year, 4, 10),
        outcome="granted",
    )
    login("head", "pw-head")
    page.goto(f"{live_server.url}/office/annual/{bureau.pk}/{year}/")
    assert "本年度共新收政府信息公开申请1件" in page.input_value("#id_part1")
    for key, value in {
        "regulations__made": "0",
        "regulations__repealed": "0",
        "regulations__valid": "0",
        "normative_docs__made": "1",
        "normative_docs__repealed": "0",
        "normative_docs__valid": "5",
        "licensing__decisions": "12",
        "penalty__decisions": "3",
        "coercion__decisions": "0",
        "admin_fees__amount": "0.5",
    }.items():
        page.fill(f"#id_t1__{key}", value)
    page.fill("#id_part5", "（一）存在的主要问题。解读不够。\n（二）改进情况。增加图解。")
    page.click("#save-report")
    page.wait_for_load_state()
    assert "已保存" in page.inner_text("#messages")
    assert page.input_value("#id_t1__penalty__decisions") == "3"
    page.fill("#id_published_on", f"{year + 1}-01-15")
    page.click("#publish")
    page.wait_for_load_state()
    assert "已发布第1版" in page.inner_text("#messages")
    page.screenshot(path=str(shots / "annual_published.png"), full_page=True)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/agency/{bureau.pk}/")
    page.click(f"text={bureau.name}{year}年政府信息公开工作年度报告")
    assert page.locator('[data-key="t2.granted.total"]').inner_text().strip() == "1"
    assert page.locator('[data-key="t1.penalty.decisions"]').inner_text().strip() == "3"
    assert "钱七" not in page.content()
