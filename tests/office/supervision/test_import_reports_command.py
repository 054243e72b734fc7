"""`gongkai import-reports FOLDER --office NAME` loads a folder into the office's roster: each
file matched by its title and read at once; an unreadable file is named with its reason and
the command exits 2; a file whose agency is not on the roster waits on the 指定 page."""

import datetime as dt

import pytest

from gongkai.cli import main
from gongkai.office.supervision.models import Submission
from gongkai.report.model import AgencyKind

from ...supervision.makers import build, save, zeros

pytestmark = pytest.mark.django_db


def _report(agency, signed):
    return build(agency.name, 2024, zeros(), agency_kind=AgencyKind(agency.kind), signed_on=signed)


def test_a_folder_fills_the_board_and_names_the_unreadable_file(
    tmp_path, county, bureau, town, client, supervisor, capsys
):
    folder = tmp_path / "收到的报告"
    (folder / "乡镇").mkdir(parents=True)
    save(_report(bureau, dt.date(2025, 2, 3)), folder, "bureau", "docx")
    save(_report(town, dt.date(2025, 1, 20)), folder / "乡镇", "town", "html")
    save(build("别县某局", 2024, zeros()), folder, "stranger", "md")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a document")

    assert main(["import-reports", str(folder), "--office", county.name]) == 2
    out, err = capsys.readouterr()
    assert "broken.docx：无法读取（" in err
    assert f"{bureau.name}2024年度" in out and f"{town.name}2024年度" in out
    assert "stranger.md：已读取，待人工指定机关和年度（报告所署：别县某局）" in out
    assert "已匹配2个，待人工指定1个，无法读取1个" in out
    assert Submission.objects.filter(office=county).count() == 4
    assert not Submission.objects.filter(state__in=["queued", "reading"]).exists()

    client.force_login(supervisor)
    board = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content.decode()
    assert "逾期3天" in board.split(f'id="agency-{bureau.pk}"')[1].split("</tr>")[0]
    assert "按期发布" in board.split(f'id="agency-{town.pk}"')[1].split("</tr>")[0]
    waiting = client.get(f"/office/supervision/assign/?office={county.pk}").content.decode()
    assert "stranger.md" in waiting and "broken.docx" in waiting


def test_every_file_read_exits_0(tmp_path, county, bureau, capsys):
    save(_report(bureau, dt.date(2025, 1, 20)), tmp_path, "bureau", "xlsx")
    assert main(["import-reports", str(tmp_path), "--office", county.name]) == 0
    assert "已匹配1个，待人工指定0个，无法读取0个" in capsys.readouterr().out


def test_an_unknown_office_or_an_empty_folder_is_a_clear_error(tmp_path, county, capsys):
    save(build(county.name, 2024, zeros()), tmp_path, "county", "md")
    assert main(["import-reports", str(tmp_path), "--office", "没有这个机关"]) == 2
    assert "没有名为“没有这个机关”的机关" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import-reports", str(empty), "--office", county.name]) == 2
    assert "没有找到年度报告文件" in capsys.readouterr().err
    assert main(["import-reports", str(tmp_path / "nowhere"), "--office", county.name]) == 2
    assert "文件不存在" in capsys.readouterr().err
    assert not Submission.objects.exists()
