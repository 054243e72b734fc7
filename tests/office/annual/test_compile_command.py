"""`gongkai compile --agency NAME --year Y [--to KIND] [-o OUT]` prints the compiled report."""

import datetime as dt
import json

import pytest

from gongkai.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(bureau):
    from gongkai.office.applications.models import Application

    Application.objects.create(
        agency=bureau,
        number="1",
        channel="in_person",
        arrived_on=dt.date(2025, 5, 6),
        received_on=dt.date(2025, 5, 6),
        applicant_category="legal_service_org",
        applicant_name="某律师事务所",
        contact="1",
        request_text="某文件",
        concluded_on=dt.date(2025, 5, 20),
        outcome="denied.process_info",
        status="closed",
    )
    return bureau


def test_cells_to_stdout(ledger, capsys):
    assert main(["compile", "--agency", ledger.name, "--year", "2025"]) == 0
    cells = json.loads(capsys.readouterr().out)
    assert cells["agency"] == ledger.name and cells["year"] == 2025
    assert cells["table2"][0] == [0, 0, 0, 0, 1, 0, 1]  # 本年新收: 法律服务机构
    assert cells["table2"][9][4] == 1  # （三）6.属于四类过程性信息
    assert cells["table1"] == [None] * 10  # nothing entered: blank, not 0


def test_docx_needs_an_output_file(ledger, tmp_path, capsys):
    assert main(["compile", "--agency", ledger.name, "--year", "2025", "--to", "docx"]) == 2
    out = tmp_path / "r.docx"
    assert (
        main(["compile", "--agency", ledger.name, "--year", "2025", "--to", "docx", "-o", str(out)])
        == 0
    )
    assert out.read_bytes()[:2] == b"PK"


def test_html_and_json(ledger, capsys):
    assert main(["compile", "--agency", ledger.name, "--year", "2025", "--to", "html"]) == 0
    assert "收到和处理政府信息公开申请情况" in capsys.readouterr().out
    assert main(["compile", "--agency", ledger.name, "--year", "2025", "--to", "json"]) == 0
    full = json.loads(capsys.readouterr().out)
    assert full["cells"]["t2.new_received.total"]["source"]["kind"] == "ledger"


def test_unknown_agency_exits_2(db, capsys):
    assert main(["compile", "--agency", "不存在的局", "--year", "2025"]) == 2
    assert "没有名为“不存在的局”的机关" in capsys.readouterr().err
