"""A 监督人 uploads reports of the roster; the worker reads them; the board shows each agency
as not submitted, on time or late by N days, with its ERROR count and risk flags."""

import datetime as dt
import io

from openpyxl import load_workbook

from gongkai.office.supervision.intake import work
from gongkai.office.supervision.models import Submission
from gongkai.report.model import AgencyKind
from gongkai.report.write import write

from ...supervision.makers import build, zeros


def _file(agency, kind, signed, **cells):
    printed = zeros()
    printed.update(cells)
    report = build(
        agency.name, 2024, printed, agency_kind=AgencyKind(agency.kind), signed_on=signed
    )
    return write(report, kind)


def test_uploads_are_read_in_the_background_and_fill_the_board(
    client, county, bureau, town, supervisor, upload
):
    client.force_login(supervisor)
    files = {
        "bureau.docx": _file(bureau, "docx", dt.date(2025, 2, 4)),  # 4 days late
        "town.html": _file(town, "html", dt.date(2025, 1, 20), **{"t3.review.maintained": "1"}),
    }
    response = upload(county, files)
    assert response.status_code == 302
    assert Submission.objects.filter(state="queued").count() == 2  # nothing read in the request

    page = client.get(f"/office/supervision/uploads/?office={county.pk}").content.decode()
    assert "排队中" in page and 'hx-trigger="every 2s"' in page
    assert work() == 2
    page = client.get(f"/office/supervision/uploads/?office={county.pk}", HTTP_HX_REQUEST="true")
    assert "全部读取完毕" in page.content.decode() and "every 2s" not in page.content.decode()

    board = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content.decode()
    row = board.split(f'id="agency-{bureau.pk}"')[1].split("</tr>")[0]
    assert "逾期4天" in row and "逾期发布" in row
    row = board.split(f'id="agency-{town.pk}"')[1].split("</tr>")[0]
    assert "按期发布" in row and '<td class="errors">1</td>' in row and "有错误" in row
    row = board.split(f'id="agency-{county.pk}"')[1].split("</tr>")[0]
    assert "未提交" in row and "2025-03-31" in row  # 第四十九条第二款: the government's own report

    late = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&status=late")
    assert bureau.name in late.content.decode() and town.name not in late.content.decode()

    sheet = client.get(
        f"/office/supervision/board/?office={county.pk}&year=2024&export=xlsx&sort=-errors"
    )
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("机关", "期限", "状态") and len(rows) == 4
    assert [r[6] for r in rows[1:]] == [1, 1, None]  # S-5 late is an ERROR too; none submitted
    assert rows[3][0] == county.name and rows[3][2] == "未提交"


def test_a_file_whose_title_matches_no_agency_waits_for_a_person(
    client, county, bureau, supervisor, upload
):
    client.force_login(supervisor)
    stranger = build("某市交通运输局", 2024, zeros())
    upload(county, {"x.docx": write(stranger, "docx"), "bad.pdf": b"%PDF-1.4 broken"})
    work()
    sub = Submission.objects.get(name="x.docx")
    assert sub.agency is None and sub.printed_agency == "某市交通运输局"
    page = client.get(f"/office/supervision/assign/?office={county.pk}&year=2024").content.decode()
    assert "x.docx" in page and "bad.pdf" in page and "无法读取的文件" in page
    response = client.post(
        f"/office/supervision/assign/?office={county.pk}&year=2024",
        {"office": county.pk, "submission": sub.pk, "agency": bureau.pk, "year": 2024},
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.agency == bureau and sub.matched == "manual"
    board = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content.decode()
    assert "未提交" not in board.split(f'id="agency-{bureau.pk}"')[1].split("</tr>")[0]


def test_an_upload_of_a_kind_no_reader_takes_is_a_form_error(client, county, supervisor, upload):
    client.force_login(supervisor)
    response = upload(county, {"virus.exe": b"MZ..."})
    assert response.status_code == 200
    assert "virus.exe：不是可读取的文件类型" in response.content.decode()
    assert not Submission.objects.exists()


def test_only_a_supervisor_uploads_and_staff_see_no_board(client, county, clerk, upload):
    client.force_login(clerk)
    assert client.get("/office/supervision/board/").status_code == 403
    assert upload(county, {"a.txt": b"x"}).status_code == 403
    assert client.get("/office/supervision/").url == "/office/supervision/tasks/"


def test_board_pages_of_fifty_sorted_by_name(client, county, supervisor):
    from gongkai.office.agencies.models import Agency

    Agency.objects.bulk_create(
        [Agency(name=f"某县第{i:03d}局", kind="department", parent=county) for i in range(120)]
    )
    client.force_login(supervisor)
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&sort=name")
    text = page.content.decode()
    assert "第1/3页" in text and text.count('<tr id="agency-') == 50
    assert text.index("某县第000局") < text.index("某县第001局")
    last = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&sort=-name&page=3")
    assert last.content.decode().count('<tr id="agency-') == 121 - 100
