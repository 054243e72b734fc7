"""`gongkai aggregate`: the region's tables summed over reports of several agencies, file kinds
and years, equal to the sums computed here from the values the reports were written with."""

import csv
import json
from decimal import Decimal

import pytest

from gongkai.cli import main

from .makers import FORMAT_2019, FORMAT_2021, build, save, values

#: domain-spec §3.4, as the test reads it: 2019 table-1 cells that have a 2021 cell
T1_2019 = {
    "t1.regulations.new_made": "t1.regulations.made",
    "t1.normative_docs.new_made": "t1.normative_docs.made",
    "t1.licensing.decisions": "t1.licensing.decisions",
    "t1.penalty.decisions": "t1.penalty.decisions",
    "t1.coercion.decisions": "t1.coercion.decisions",
}


def _number(text: str):
    if text in ("", "/"):
        return None
    return Decimal(text) if "." in text else int(text)


def _expected(printed_2021: list[dict], printed_2019: list[dict]) -> dict:
    """Sum per 2021 cell (None when no report printed a number there), and the count of
    reports that printed one."""
    sums: dict[str, object] = {k: None for k in FORMAT_2021.cell_keys()}
    counts = dict.fromkeys(sums, 0)

    def add(key, text):
        n = _number(text)
        if n is not None:
            sums[key] = (sums[key] or 0) + n
            counts[key] += 1

    for printed in printed_2021:
        for key, text in printed.items():
            add(key, text)
    for printed in printed_2019:
        for key, text in printed.items():
            if key.startswith("t1."):
                if key in T1_2019:
                    add(T1_2019[key], text)
            elif key.startswith("t2.other."):  # the single （六） row: 0 forces its items to 0
                column = key.rsplit(".", 1)[1]
                assert text == "0"
                for item in ("no_correction", "fee_unpaid", "other"):
                    add(f"t2.other.{item}.{column}", text)
            else:
                add(key, text)
    return sums, counts


@pytest.fixture
def region(tmp_path):
    folder = tmp_path / "region"
    folder.mkdir()
    p2021 = [values(seed) for seed in (1, 2, 3)]
    p2019 = values(4, FORMAT_2019)
    for key in FORMAT_2019.cell_keys():
        if key.startswith("t2.other."):
            p2019[key] = "0"
    files = [
        save(build("某县自然资源局", 2023, p2021[0]), folder, "zrzy_2023", "docx"),
        save(build("某县教育局", 2023, p2021[1]), folder, "jyj_2023", "html"),
        save(build("某镇人民政府", 2024, p2021[2]), folder, "town_2024", "xlsx"),
        save(build("某县卫健委", 2020, p2019, FORMAT_2019), folder, "wjw_2020", "docx"),
    ]
    return folder, files, _expected(p2021, [p2019])


def _run(capsys, *args):
    code = main(["aggregate", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sums_equal_the_values_written(region, capsys):
    folder, _, (expected, _) = region
    code, out, err = _run(capsys, folder, "--to", "json", "--jobs", "1")
    assert code == 0, err
    data = json.loads(out)
    assert data["agency"] is None and data["year"] is None  # 2020, 2023 and 2024
    assert len(data["reports"]) == 4
    got = {k: c["value"] for k, c in data["cells"].items()}
    want = {k: (float(v) if isinstance(v, Decimal) else v) for k, v in expected.items()}
    assert got == want
    states = {c["state"] for c in data["cells"].values()}
    assert states <= {"number", "blank"}
    # the 2019 rows without a 2021 place are left out, and said so
    assert "本年新公开数量" in err and "政府集中采购" in err


def test_a_cell_blank_everywhere_stays_blank(tmp_path, capsys):
    a, b = values(1), values(2)
    key = "t2.granted.research_institution"
    a[key] = b[key] = ""
    save(build("甲局", 2024, a), tmp_path, "a", "docx")
    save(build("乙局", 2024, b), tmp_path, "b", "html")
    code, out, _ = _run(capsys, tmp_path, "--to", "json")
    cell = json.loads(out)["cells"][key]
    assert code == 0 and cell == {"state": "blank", "value": None, "counted": 0, "unknown_in": []}
    assert json.loads(out)["year"] == 2024

    code, out, _ = _run(capsys, tmp_path, "--to", "cells")
    cells = json.loads(out)
    assert cells["agency"] is None and cells["year"] == 2024
    assert cells["table2"][2][2] is None  # （一）予以公开 · 科研机构


def test_an_unreadable_cell_makes_its_sum_unknown_and_named(tmp_path, capsys):
    a, b = values(1), values(2)
    key = "t3.review.corrected"
    a[key], b[key] = "约3", "2"
    save(build("甲局", 2024, a), tmp_path, "a", "docx")
    save(build("乙局", 2024, b), tmp_path, "b", "xlsx")
    code, out, err = _run(capsys, tmp_path, "--to", "cells")
    assert code == 0
    cells = json.loads(out)
    assert cells["table3"][1] is None  # 行政复议 · 结果纠正
    assert key in cells["notes"]
    assert "a.docx" in err and "结果纠正" in err

    code, out, _ = _run(capsys, tmp_path, "--to", "json")
    cell = json.loads(out)["cells"][key]
    assert cell["state"] == "unknown" and cell["value"] is None and cell["known_part"] == 2
    assert [p.rsplit("/", 1)[-1] for p in cell["unknown_in"]] == ["a.docx"]


def test_an_unreadable_file_is_named_and_nothing_is_written(region, capsys):
    folder, _, _ = region
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    out = folder.parent / "sum.csv"
    code, printed, err = _run(capsys, folder, "--to", "csv", "-o", out)
    assert code == 2
    assert "broken.docx" in err and "未输出汇总" in err
    assert not out.exists() and printed == ""


def test_csv_has_one_row_per_cell(region, capsys):
    folder, _, (expected, counts) = region
    out = folder.parent / "sum.csv"
    code, _, _ = _run(capsys, folder, "--to", "csv", "-o", out)
    assert code == 0
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert rows[0] == ["单元格", "表", "行", "列", "合计", "计入报告数"]
    by_key = {r[0]: r for r in rows[1:]}
    assert len(by_key) == len(FORMAT_2021.cell_keys())
    row = by_key["t2.new_received.total"]
    assert row[1] == "收到和处理政府信息公开申请情况" and row[3] == "总计"
    for key, row in by_key.items():
        total = expected[key]
        assert row[4] == ("" if total is None else str(total)), key
        assert row[5] == str(counts[key]), key
    assert int(by_key["t1.regulations.repealed"][5]) <= 3  # no 2019 equivalent


def test_xlsx_needs_an_output_file(region, capsys):
    folder, _, _ = region
    code, _, err = _run(capsys, folder, "--to", "xlsx")
    assert code == 2 and "-o" in err


def test_a_single_other_row_that_is_not_zero_leaves_its_items_unknown(tmp_path, capsys):
    p = values(4, FORMAT_2019)
    p["t2.other.total"] = "3"
    save(build("某县卫健委", 2020, p, FORMAT_2019), tmp_path, "wjw", "docx")
    save(build("某县教育局", 2021, values(5)), tmp_path, "jyj", "html")
    code, out, _ = _run(capsys, tmp_path, "--to", "json")
    cells = json.loads(out)["cells"]
    assert code == 0 and cells["t2.other.no_correction.total"]["state"] == "unknown"
    assert cells["t2.granted.total"]["state"] in ("number", "blank")


def test_the_same_agency_and_year_twice_is_refused(tmp_path, capsys):
    report = build("甲局", 2024, values(1))
    save(report, tmp_path, "a", "docx")
    save(report, tmp_path, "b", "html")
    code, out, err = _run(capsys, tmp_path)
    assert code == 2 and "重复计算" in err and out == ""
