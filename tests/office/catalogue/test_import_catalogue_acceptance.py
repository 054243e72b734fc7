"""Acceptance: a catalogue made by hand, imported with `gongkai import-catalogue`, compiles to
the table 1 computed by hand; the same file with one bad row is rejected whole, naming the row."""

import pytest

from gongkai.cli import main

from .conftest import row

pytestmark = pytest.mark.django_db
AGENCY = "某县司法局"

#: 2025, worked out by hand from the rows below:
#: 行政规范性文件 制发 N2 N3 N6 = 3; 废止 N3 N5 = 2; 现行有效 N1 N2 N6 = 3 (N3 N5 repealed,
#: N4 失效, N7 formed in 2026); 行政许可 L1 L2 = 2; 行政处罚 P1–P3 = 3 (P0 is 2024);
#: 行政强制 0; no 规章; the fee is not in the catalogue and stays blank.
EXPECTED_2025 = {
    "t1.regulations.made": "0",
    "t1.regulations.repealed": "0",
    "t1.regulations.valid": "0",
    "t1.normative_docs.made": "3",
    "t1.normative_docs.repealed": "2",
    "t1.normative_docs.valid": "3",
    "t1.licensing.decisions": "2",
    "t1.penalty.decisions": "3",
    "t1.coercion.decisions": "0",
    "t1.admin_fees.amount": "",
}

ROWS = [
    row("N1", "行政规范性文件", "2023-03-01", 公开日期="2023-03-10", 文号="某司发〔2023〕1号"),
    row("N2", "行政规范性文件", "2025-02-10", 公开日期="2025-02-20", 文号="某司发〔2025〕2号"),
    row("N3", "行政规范性文件", "2025-05-06", 公开日期="2025-05-08", 废止日期="2025-11-30"),
    row("N4", "行政规范性文件", "2022-06-01", 公开日期="2022-06-03", 失效日期="2025-06-30"),
    row("N5", "行政规范性文件", "2021-01-05", 公开日期="2021-01-06", 废止日期="2025-03-01"),
    row("N6", "行政规范性文件", "2025-08-01", 公开方式="不予公开", 不予公开理由="涉及国家秘密"),
    row("N7", "行政规范性文件", "2026-01-05"),
    row("J2", "政策解读", "2025-02-10", 公开日期="2025-02-20", 解读对象="N2"),
    row("P0", "行政处罚决定", "2024-12-30", 类别="第二十条第（六）项", 公开日期="2025-01-03"),
    *[
        row(
            f"P{i}",
            "行政处罚决定",
            f"2025-0{i}-15",
            类别="第二十条第（六）项",
            公开日期=f"2025-0{i}-20",
        )
        for i in (1, 2, 3)
    ],
    row("L1", "行政许可决定", "2025-04-01", 类别="第二十条第（五）项", 公开日期="2025-04-02"),
    row("L2", "行政许可决定", "2025-09-01", 类别="第二十条第（五）项", 公开方式="依申请公开"),
    row("O1", "其他文件", "2025-07-07", 类别="第二十条第（七）项", 公开日期="2025-07-08"),
    row("T1", "其他文件", "2025-07-07", 类别="第二十一条", 公开日期="2025-07-08"),
]


def _table1(year):
    from gongkai.office.agencies.models import Agency
    from gongkai.office.annual.compile import compile_report

    report = compile_report(Agency.objects.get(name=AGENCY), year)
    return {k: c.raw for k, c in report.cells.items() if k.startswith("t1.")}, report


def test_hand_made_catalogue_compiles_to_the_hand_computed_table(catalogue_csv, capsys):
    assert main(["import-catalogue", str(catalogue_csv(ROWS)), "--agency", AGENCY]) == 0
    assert f"目录条目{len(ROWS)}条" in capsys.readouterr().out
    table, report = _table1(2025)
    assert table == EXPECTED_2025
    assert report.cell("t1.normative_docs.made").source.kind == "catalogue"
    assert report.cell("t1.admin_fees.amount").state.value == "blank"


def test_one_bad_row_rejects_the_whole_file_naming_it(catalogue_csv, capsys):
    from gongkai.office.catalogue.models import Item

    bad = [*ROWS[:5], row("X1", "行政规范性文件", "2025-02-30"), *ROWS[5:]]
    assert main(["import-catalogue", str(catalogue_csv(bad)), "--agency", AGENCY]) == 1
    err = capsys.readouterr().err
    assert "未导入任何条目" in err
    assert "第7行" in err and "生成日期“2025-02-30”不是有效日期" in err  # header is row 1
    assert Item.objects.count() == 0


def test_every_bad_row_is_named_with_its_reason(catalogue_csv, capsys):
    bad = [
        row("A", "行政规范性文件", "2025-01-02", 类别="第二十条第（十六）项"),
        row("B", "命令", "2025-01-02"),
        row("C", "行政规范性文件", "2025-01-02", 公开方式="不予公开"),
        row("D", "政策解读", "2025-01-02", 解读对象="没有这个"),
        row("A", "行政规范性文件", "2025-01-03"),
        row("E", "行政规范性文件", "2025-03-02", 公开日期="2025-03-01"),
    ]
    assert main(["import-catalogue", str(catalogue_csv(bad)), "--agency", AGENCY]) == 1
    err = capsys.readouterr().err
    assert "目录有6处错误" in err
    for line, reason in [
        (2, "类别“第二十条第（十六）项”"),
        (3, "文种“命令”"),
        (4, "须填写不予公开理由"),
        (5, "解读对象“没有这个”不是目录中任何条目的索引号"),
        (6, "索引号“A”重复（已见于第2行）"),
        (7, "公开日期2025-03-01早于生成日期2025-03-02"),
    ]:
        assert f"第{line}行：" in err and reason in err


def test_an_index_number_already_catalogued_is_refused(catalogue_csv, capsys):
    assert main(["import-catalogue", str(catalogue_csv(ROWS[:2])), "--agency", AGENCY]) == 0
    assert main(["import-catalogue", str(catalogue_csv(ROWS[1:3])), "--agency", AGENCY]) == 1
    assert "索引号“N2”已在本机关目录中" in capsys.readouterr().err


def test_unreadable_file_is_exit_2_with_a_chinese_message(tmp_path, capsys):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(b"not a workbook")
    assert main(["import-catalogue", str(path), "--agency", AGENCY]) == 2
    assert "不是有效的 XLSX 文件" in capsys.readouterr().err
    assert main(["import-catalogue", str(tmp_path / "无.csv"), "--agency", AGENCY]) == 2


def test_imported_items_with_a_publication_date_count_as_published(catalogue_csv):
    from gongkai.office.catalogue.models import Item

    assert main(["import-catalogue", str(catalogue_csv(ROWS)), "--agency", AGENCY]) == 0
    n2 = Item.objects.get(index_no="N2")
    assert n2.on_portal and n2.imported
    assert Item.objects.get(index_no="J2").interprets == n2
    assert not Item.objects.get(index_no="N7").on_portal  # unpublished: waits for review here
    assert Item.objects.get(index_no="N7").decisions.get().action == "导入"
