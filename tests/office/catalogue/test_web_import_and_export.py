"""The office's web uploads (catalogue and ledger): a preview of every row and its errors
before anything is saved, then all or nothing on confirming; the catalogue's XLSX export
reads back through the import."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.cli import main

from .conftest import row

pytestmark = pytest.mark.django_db

ROWS = [
    row("A1", "行政规范性文件", "2025-02-10", 公开日期="2025-02-20", 文号="某发〔2025〕1号"),
    row("A2", "政策解读", "2025-02-10", 公开日期="2025-02-20", 解读对象="A1"),
    row("A3", "其他文件", "2025-03-01", 公开方式="不予公开", 不予公开理由="内部事务信息"),
]


def _upload(client, agency, kind, path_or_bytes, name):
    data = path_or_bytes.read_bytes() if hasattr(path_or_bytes, "read_bytes") else path_or_bytes
    return client.post(
        f"/office/catalogue/{agency.pk}/import/{kind}/",
        {"file": SimpleUploadedFile(name, data)},
    )


def test_catalogue_upload_previews_then_saves_on_confirm(client, bureau, clerk, catalogue_csv):
    from gongkai.office.catalogue.models import Item

    client.force_login(clerk)
    preview = _upload(client, bureau, "catalogue", catalogue_csv(ROWS), "目录.csv")
    page = preview.content.decode()
    assert "预览：目录.csv（3行）" in page and "A2" in page and 'id="confirm-import"' in page
    assert not Item.objects.exists()  # nothing saved by the preview
    done = client.post(
        f"/office/catalogue/{bureau.pk}/import/catalogue/",
        {"token": preview.context["token"]},
        follow=True,
    )
    assert "已导入目录条目3条" in done.content.decode()
    assert set(Item.objects.values_list("index_no", flat=True)) == {"A1", "A2", "A3"}
    again = client.post(
        f"/office/catalogue/{bureau.pk}/import/catalogue/", {"token": preview.context["token"]}
    )
    assert Item.objects.count() == 3 and again.status_code == 302  # the preview is used up


def test_a_bad_row_shows_in_the_preview_and_nothing_can_be_confirmed(
    client, bureau, clerk, catalogue_csv
):
    from gongkai.office.catalogue.models import Item

    client.force_login(clerk)
    bad = [*ROWS, row("A4", "通知", "2025-04-01")]
    page = _upload(client, bureau, "catalogue", catalogue_csv(bad), "目录.csv").content.decode()
    assert "1处错误" in page and "第5行：文种“通知”" in page
    assert 'id="confirm-import"' not in page and not Item.objects.exists()


def test_only_spreadsheets_of_a_bounded_size_are_taken(client, bureau, clerk):
    client.force_login(clerk)
    page = _upload(client, bureau, "catalogue", b"%PDF-1.4", "目录.pdf").content.decode()
    assert "不接受这种文件（.pdf）" in page
    page = _upload(client, bureau, "catalogue", b"not a workbook", "目录.xlsx").content.decode()
    assert "文件内容与扩展名 .xlsx 不符" in page
    page = _upload(client, bureau, "catalogue", b"PK\x03\x04broken", "目录.xlsx").content.decode()
    assert "不是有效的 XLSX 文件" in page


def test_the_ledger_upload_previews_and_imports(client, bureau, clerk):
    from gongkai.office.applications.models import Application
    from gongkai.office.ledger.template import write_ledger_xlsx

    record = {
        "编号": "W001",
        "收到日期": dt.date(2025, 3, 3),
        "申请人类型": "自然人",
        "申请人": "王某",
        "申请内容": "某项信息",
        "办结日期": dt.date(2025, 3, 20),
        "办理结果": "予以公开",
    }
    client.force_login(clerk)
    data = write_ledger_xlsx([record, {**record, "编号": "W002"}])
    preview = _upload(client, bureau, "ledger", data, "台账.xlsx")
    assert "预览：台账.xlsx（2行）" in preview.content.decode()
    assert not Application.objects.exists()
    client.post(
        f"/office/catalogue/{bureau.pk}/import/ledger/", {"token": preview.context["token"]}
    )
    assert set(Application.objects.values_list("number", flat=True)) == {"W001", "W002"}
    page = _upload(client, bureau, "ledger", data, "台账.xlsx").content.decode()
    assert "编号“W001”已在某县自然资源局的台账中" in page and 'id="confirm-import"' not in page


def test_only_the_agency_clerks_may_import(client, bureau, reviewer, other_clerk, catalogue_csv):
    for user in (reviewer, other_clerk):
        client.force_login(user)
        assert (
            _upload(client, bureau, "catalogue", catalogue_csv(ROWS), "目录.csv").status_code == 404
        )


def test_the_xlsx_export_imports_again(client, bureau, clerk, catalogue_csv, tmp_path, capsys):
    from openpyxl import load_workbook

    from gongkai.office.catalogue.models import Item

    assert main(["import-catalogue", str(catalogue_csv(ROWS)), "--agency", bureau.name]) == 0
    client.force_login(clerk)
    response = client.get(f"/office/catalogue/{bureau.pk}/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:3] == ["索引号", "名称", "内容概述"]
    path = tmp_path / "导出.xlsx"
    path.write_bytes(response.content)
    assert main(["import-catalogue", str(path), "--agency", "另一机关"]) == 0
    copied = Item.objects.filter(agency__name="另一机关")
    assert set(copied.values_list("index_no", "disclosure", "formed_on")) == set(
        Item.objects.filter(agency=bureau).values_list("index_no", "disclosure", "formed_on")
    )
    assert copied.get(index_no="A2").interprets.index_no == "A1"
