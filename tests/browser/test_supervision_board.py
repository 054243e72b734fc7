"""The acceptance path of supervision: a 监督人 of the demo county uploads three files of
different kinds for agencies of its roster, watches them being read, sees the board with one
agency late and one with an ERROR, opens the ERROR's cells, raises a 整改 task, and the
agency's 负责人 sees it. No applicant's personal data appears on any supervision page."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = 2025


def _files(tmp_path):
    from gongkai.office import demo
    from gongkai.report.model import AgencyKind
    from gongkai.report.write import write

    from ..supervision.makers import build, zeros

    broken = zeros()
    broken["t3.review.maintained"] = "2"  # L-1: 总计 0
    reports = [
        (demo.COUNTY, "county.docx", AgencyKind.GOVERNMENT, dt.date(2026, 3, 20), zeros()),
        # a workbook holds the tables only: its missing parts are S-1 errors of their own
        (demo.BUREAU, "bureau.xlsx", AgencyKind.DEPARTMENT, dt.date(2026, 2, 6), zeros()),
        (demo.TOWN, "town.html", AgencyKind.TOWNSHIP, dt.date(2026, 1, 26), broken),
    ]
    paths = []
    for agency, name, kind, signed, printed in reports:
        path = tmp_path / name
        report = build(agency, YEAR, printed, agency_kind=kind, signed_on=signed)
        path.write_bytes(write(report, path.suffix[1:]))
        paths.append(path)
    return paths


def test_upload_board_cells_task(page, live_server, login, shots, tmp_path, settings):
    from gongkai.office import demo
    from gongkai.office.agencies.models import Agency
    from gongkai.office.applications.models import Application
    from gongkai.office.supervision.intake import work

    settings.MEDIA_ROOT = tmp_path / "media"
    demo.load_demo(out=open("/dev/null", "w"))
    town = Agency.objects.get(name=demo.TOWN)
    bureau = Agency.objects.get(name=demo.BUREAU)
    names = set(Application.objects.values_list("applicant_name", flat=True))
    assert names

    def private_data_absent():
        text = page.content()
        assert not [n for n in names if n and n in text]

    login("xian_supervisor", demo.PASSWORD)
    page.click("#nav-supervision")
    page.click("#upload-link")
    page.set_input_files("#id_files", [str(p) for p in _files(tmp_path)])
    page.click("#upload-submit")
    page.wait_for_load_state()
    assert "已上传3个文件" in page.inner_text("#messages")
    assert page.locator("#uploads tr.queued").count() == 3
    assert work() == 3  # the background worker
    page.wait_for_selector("#uploads tr.done >> nth=2")  # htmx polling shows the result
    assert "全部读取完毕" in page.inner_text("#progress")
    page.screenshot(path=str(shots / "supervision_uploads.png"), full_page=True)
    private_data_absent()

    page.click("text=返回看板")
    page.fill("input[name=year]", str(YEAR))
    page.click("#board-filter button")
    page.wait_for_load_state()
    assert "逾期6天" in page.inner_text(f"#agency-{bureau.pk}")
    assert page.inner_text(f"#agency-{town.pk} td.errors") == "1"
    county = Agency.objects.get(name=demo.COUNTY)
    assert page.inner_text(f"#agency-{county.pk} td.errors") == "0"
    assert "按期发布" in page.inner_text(f"#agency-{county.pk}")  # 3月31日 for its own report
    assert "按期发布" in page.inner_text(f"#agency-{town.pk}")
    page.screenshot(path=str(shots / "supervision_board.png"), full_page=True)
    private_data_absent()

    page.click(f"#agency-{town.pk} a")
    page.wait_for_load_state()
    error = page.locator("#findings li.ERROR", has_text="L-1").first
    error.locator("a.show-cells").click()
    focused = page.locator("td.focus")
    assert focused.count() == 5  # the row 行政复议: four outcomes and 总计
    assert page.locator('td.focus[data-key="t3.review.total"]').count() == 1
    page.screenshot(path=str(shots / "supervision_cells.png"), full_page=True)
    private_data_absent()

    error.locator("a.raise-task").click()
    page.fill("#id_request", "请核对表三行政复议各结果与总计，更正后重新发布。")
    page.fill("#id_due_on", (dt.date.today() + dt.timedelta(days=10)).isoformat())
    page.click("#task-submit")
    page.wait_for_load_state()
    assert "已向管头镇人民政府发起整改" in page.inner_text("#messages")
    private_data_absent()

    login("zhen_head", demo.PASSWORD)
    page.click("#nav-supervision")
    page.wait_for_load_state()
    assert "L-1" in page.inner_text("#tasks") and "待整改" in page.inner_text("#tasks")
    page.screenshot(path=str(shots / "supervision_task_for_agency.png"), full_page=True)
