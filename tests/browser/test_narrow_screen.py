"""On a 390 px phone: the public report reflows with no horizontal scrolling of the page (its
tables scroll inside their own box), the office's case list likewise, and the portal's larger
type mode is reached by keyboard and kept from page to page."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}
PAGE_WIDER = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="zh-CN", viewport=PHONE, device_scale_factor=2)
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def test_the_public_report_reads_at_390_px(phone, live_server, shots, bureau, head):
    from gongkai.office.annual.publish import publish

    publish(bureau, 2024, head, dt.date(2025, 1, 20), "")
    phone.goto(f"{live_server.url}/agency/{bureau.pk}/reports/2024/")
    assert phone.evaluate("window.innerWidth") == 390  # the page is laid out for the phone
    assert phone.evaluate(PAGE_WIDER) == 0
    table = phone.locator("#t2").first
    assert table.is_visible()
    box = phone.evaluate(
        "() => { const b = document.querySelector('#t2').parentElement;"
        " return [b.scrollWidth > b.clientWidth, getComputedStyle(b).overflowX]; }"
    )
    assert box == [True, "auto"]  # the wide table scrolls inside its box
    heading = phone.locator("h1").bounding_box()
    assert heading["x"] >= 0 and heading["x"] + heading["width"] <= 390
    phone.screenshot(path=str(shots / "report-390.png"), full_page=True)


def test_the_case_list_fits_at_390_px(phone, live_server, shots, clerk, make_case):
    for i in range(3):
        make_case(arrived_on=dt.date.today() - dt.timedelta(days=i + 1), request_text="长" * 60)
    phone.goto(f"{live_server.url}/login/")
    phone.fill("#id_username", "clerk")
    phone.fill("#id_password", "pw-clerk")
    phone.click("#login-submit")
    phone.wait_for_load_state()
    for path in ("/office/", "/office/today/", "/office/appeals/", "/office/annual/"):
        phone.goto(live_server.url + path)
        assert phone.evaluate(PAGE_WIDER) == 0, path
    phone.goto(f"{live_server.url}/office/")
    phone.screenshot(path=str(shots / "cases-390.png"), full_page=True)


def test_larger_type_by_keyboard_and_kept(phone, live_server, bureau):
    phone.goto(f"{live_server.url}/agency/{bureau.pk}/")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "跳到正文"
    size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    phone.focus("#text-size")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url.endswith(f"/agency/{bureau.pk}/")
    larger = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert larger >= size * 1.2
    phone.goto(f"{live_server.url}/track/")
    assert phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == larger
    assert phone.evaluate(PAGE_WIDER) == 0
    assert phone.locator("#text-size").inner_text() == "标准字号"


def test_the_portal_catalogue_fits_at_390_px(phone, live_server, shots, bureau, tmp_path):
    """索引号, 名称 and 公开日期 fit the phone without scrolling; 文号 and 生成日期 wait on the
    item's page, where they are shown."""
    import csv

    from gongkai.cli import main
    from gongkai.office.catalogue.catalogue_file import COLUMNS, OPTIONAL

    from ..office.catalogue.conftest import row

    path = tmp_path / "目录.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS + OPTIONAL)
        for n in range(3):
            item = row(f"2024-0000{n}", "其他文件", "2024-03-01", 公开日期="2024-03-08")
            item.update(
                名称="关于印发某县农村宅基地审批管理办法的通知" * 2, 文号=f"某政发〔2024〕{n}号"
            )
            w.writerow([item.get(c, "") for c in COLUMNS + OPTIONAL])
    assert main(["import-catalogue", str(path), "--agency", bureau.name]) == 0
    phone.goto(f"{live_server.url}/catalogue/{bureau.pk}/")
    assert phone.locator("#catalogue tbody tr").count() == 3
    assert phone.evaluate(PAGE_WIDER) == 0
    fits = "(() => { const t = document.querySelector('#catalogue'); return t.scrollWidth <= t.clientWidth; })()"
    assert phone.evaluate(fits)  # the table itself need not scroll
    headers = phone.locator("#catalogue thead th:visible").all_inner_texts()
    assert headers == ["索引号", "名称", "公开日期"]
    assert phone.locator("#catalogue tbody tr").first.inner_text().count("2024-03-08") == 1
    phone.screenshot(path=str(shots / "catalogue-390.png"), full_page=True)
    phone.click("#catalogue tbody a >> nth=0")
    shown = phone.locator("main").inner_text()
    assert "文号\t某政发〔2024〕" in shown and "生成日期\t2024-03-01" in shown
