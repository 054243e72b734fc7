"""Starting mid-life: last year's published report, from any file the reader takes, becomes that
year's version 1, so next year's report is checked against it (Y-1); the pending cases imported
into the ledger make the 上年结转, and a difference from the report's 结转下年度 is named."""

import datetime as dt

import pytest

from gongkai.cli import main
from gongkai.office.applications import services

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def report_file(tmp_path, county, make_case, clerk):
    """A 2024 report with 2 cases carried into 2025, written by gongkai's own writers."""
    from gongkai.office.annual.compile import compile_report
    from gongkai.report.write import write

    def make(kind="docx", pending=2):
        for _ in range(pending):
            make_case(arrived_on=D(2024, 12, 20))
        done = make_case(arrived_on=D(2024, 11, 4))
        services.reply(done, D(2024, 11, 20), clerk, reply_type="granted")
        report = compile_report(clerk.memberships.get().agency, 2024)
        report.published_on = report.signed_on = D(2025, 1, 22)
        path = tmp_path / f"2024年报.{kind}"
        path.write_bytes(write(report, kind))
        return path

    return make


def test_a_docx_report_becomes_version_one_and_the_previous_year(report_file, town, capsys):
    from gongkai.office.annual.models import ReportVersion
    from gongkai.office.annual.publish import compiled_with_checks, published_report

    path = report_file("docx")
    assert main(["import-previous", str(path), "--agency", town.name]) == 0
    out, err = capsys.readouterr()
    assert "已导入某镇人民政府2024年度报告，作为第1版（发布日期 2025-01-22）" in out
    version = ReportVersion.objects.get(report__agency=town, report__year=2024)
    assert "启用本系统前已发布" in version.reason and "2024年报.docx" in version.reason
    previous = published_report(town, 2024)
    assert previous.value("t2.new_received.total") == 3
    assert previous.value("t2.carried_over_out.total") == 2
    # the town's ledger holds none of the 2 cases still pending: the office is told
    assert "结转下年度继续办理 2 件，台账中2024年底仍在办理的申请 0 件" in err
    assert "文件中的机关名称为“某县自然资源局”" in err
    _, found = compiled_with_checks(town, 2025)
    assert any(f.rule.startswith("Y") for f in found)  # checked against the imported year


def test_pending_cases_imported_match_the_carried_over_figure(
    report_file, bureau, capsys, client, head
):
    path = report_file("json")
    assert main(["import-previous", str(path), "--agency", bureau.name]) == 0
    assert "结转下年度" not in capsys.readouterr().err  # the bureau's ledger has the 2 cases
    client.force_login(head)
    page = client.get(f"/office/annual/?agency={bureau.pk}").content.decode()
    assert "已发布第1版" in page


def test_a_year_already_published_is_not_overwritten(report_file, bureau, head, capsys):
    from gongkai.office.annual.publish import publish

    path = report_file("json")
    publish(bureau, 2024, head, D(2025, 1, 20), "")
    assert main(["import-previous", str(path), "--agency", bureau.name]) == 1
    assert "已有发布版本，未导入" in capsys.readouterr().err


def test_bad_input_is_refused_in_chinese(report_file, town, tmp_path, capsys):
    path = report_file("json")
    assert main(["import-previous", str(path), "--agency", "无此机关"]) == 2
    assert "没有名为“无此机关”的机关" in capsys.readouterr().err
    assert main(["import-previous", str(tmp_path / "无.docx"), "--agency", town.name]) == 2
    assert "无法读取报告" in capsys.readouterr().err
    assert main(["import-previous", str(path), "--agency", town.name, "--year", "2023"]) == 1
    assert "与指定的2023年度不符" in capsys.readouterr().err
    future = ["--published-on", "2099-01-01"]
    assert main(["import-previous", str(path), "--agency", town.name, *future]) == 1
    assert "发布日期不能晚于今天" in capsys.readouterr().err
    blank = tmp_path / "空白.txt"
    blank.write_text("这不是年度报告。", encoding="utf-8")
    assert main(["import-previous", str(blank), "--agency", town.name, "--year", "2024"]) == 2
    assert "无法读取报告" in capsys.readouterr().err


def test_a_file_with_no_figures_is_not_a_report(town):
    from gongkai.office.annual.previous import ImportRefused, import_previous
    from gongkai.report.model import Report

    with pytest.raises(ImportRefused, match="没有读出年度报告的表格数据"):
        import_previous(town, Report(year=2024), year=None, published_on=None, source="x")


def _upload(client, bureau, path, year=2024, **extra):
    with path.open("rb") as f:
        return client.post(f"/office/annual/{bureau.pk}/{year}/import/", {"file": f, **extra})


def test_the_head_imports_on_the_web_after_a_preview(report_file, bureau, head, client):
    from gongkai.office.annual.models import ReportVersion

    path = report_file("docx", pending=1)
    client.force_login(head)
    detail = client.get(f"/office/annual/{bureau.pk}/2024/").content.decode()
    assert f"/office/annual/{bureau.pk}/2024/import/" in detail  # offered before a publication
    preview = _upload(client, bureau, path)
    page = preview.content.decode()
    assert preview.status_code == 200 and "预览：2024年报.docx" in page
    assert "2025-01-22" in page and "本年新收" in page
    assert "结转下年度继续办理 1 件，台账中2024年底仍在办理的申请 0 件" not in page  # 1 in ledger
    assert not ReportVersion.objects.exists()  # nothing saved by the preview
    token = preview.context["confirm"]["token"].value()
    done = client.post(f"/office/annual/{bureau.pk}/2024/import/", {"token": token}, follow=True)
    version = ReportVersion.objects.get(report__agency=bureau, report__year=2024)
    assert version.number == 1 and version.published_by == head
    assert version.published_on == D(2025, 1, 22)
    assert "已导入2024年度报告，作为第1版（发布日期 2025-01-22）" in done.content.decode()
    again = client.post(f"/office/annual/{bureau.pk}/2024/import/", {"token": token}, follow=True)
    assert "预览已过期" in again.content.decode()
    assert ReportVersion.objects.count() == 1


def test_the_web_import_refuses_in_chinese_and_saves_nothing(
    report_file, bureau, head, clerk, client, tmp_path
):
    from gongkai.office.annual.models import ReportVersion

    path = report_file("docx")
    client.force_login(clerk)
    assert _upload(client, bureau, path).status_code == 403  # a clerk does not publish
    client.force_login(head)
    wrong_year = _upload(client, bureau, path, year=2023)
    assert wrong_year.status_code == 400
    assert "文件是2024年度的报告，与指定的2023年度不符" in wrong_year.content.decode()
    blank = tmp_path / "空白.txt"
    blank.write_text("这不是年度报告。", encoding="utf-8")
    unreadable = _upload(client, bureau, blank)
    assert unreadable.status_code == 400 and "无法读取报告" in unreadable.content.decode()
    renamed = tmp_path / "程序.pdf"
    renamed.write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    assert "与扩展名 .pdf 不符" in _upload(client, bureau, renamed).content.decode()
    assert not ReportVersion.objects.exists()
