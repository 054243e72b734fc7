"""Text gongkai writes into XLSX or CSV never runs as a formula; numbers stay numbers."""

import csv
import io
import shutil
import zipfile

import openpyxl

from gongkai.cli import main
from gongkai.report.write import write

from .sample import sample_report

HOSTILE = '=HYPERLINK("x","y")'


def _has_formula(xlsx: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist())


def test_a_check_summary_for_a_file_named_like_a_formula_holds_text(
    tmp_path, monkeypatch, seed_path
):
    name = f"{HOSTILE}.txt"
    shutil.copy(seed_path, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    main(["check", name, "--summary", "summary.xlsx"])
    data = (tmp_path / "summary.xlsx").read_bytes()
    assert not _has_formula(data)
    cell = openpyxl.load_workbook(io.BytesIO(data)).active["A2"]
    assert (cell.value, cell.data_type) == (name, "s")
    main(["check", name, "--summary", "summary.csv"])
    rows = list(csv.reader(io.StringIO((tmp_path / "summary.csv").read_text("utf-8-sig"))))
    assert rows[1][0] == "'" + name
    assert rows[1][2] == "2024"  # the year, a number, is not quoted


def test_a_report_whose_agency_name_is_a_formula_is_written_as_text():
    report = sample_report()
    report.agency = HOSTILE
    data = write(report, "xlsx")
    assert not _has_formula(data)
    meta = openpyxl.load_workbook(io.BytesIO(data))["报告信息"]
    assert [r[1].value for r in meta.iter_rows() if r[0].value == "机关"] == [HOSTILE]
    table = openpyxl.load_workbook(io.BytesIO(data)).worksheets[1]
    numbers = [c.value for row in table.iter_rows() for c in row if isinstance(c.value, int)]
    assert 3985758 in numbers  # t1.penalty.decisions stays a number


def test_the_ledger_template_keeps_formula_text_as_text():
    from gongkai.office.ledger.template import write_ledger_xlsx

    data = write_ledger_xlsx([{"编号": "-1", "申请人": "@SUM(A1)", "申请内容": HOSTILE}])
    assert not _has_formula(data)


def test_csv_quoting_leaves_numbers_and_signed_numbers_alone():
    from gongkai.report.write.sheet_text import csv_text

    assert [csv_text(v) for v in (5, "-5", "+1.5", "-x", "@a", "=1+1", "正常")] == [
        5,
        "-5",
        "+1.5",
        "'-x",
        "'@a",
        "'=1+1",
        "正常",
    ]
