"""Reading a ledger spreadsheet: records out, and every bad row named with its number and reason."""

import datetime as dt

import pytest
from openpyxl import Workbook

from gongkai.office.ledger.sheet import LedgerUnreadable, read_ledger
from gongkai.office.ledger.template import write_ledger_xlsx

D = dt.date


def _app(number, **kw):
    rec = {
        "编号": number,
        "收到日期": D(2025, 3, 3),
        "申请人类型": "自然人",
        "申请人": "张三",
        "申请内容": "2024年征地补偿方案",
        "办结日期": D(2025, 3, 20),
        "办理结果": "予以公开",
    }
    rec.update(kw)
    return rec


def test_two_sheets_are_told_apart_by_their_columns(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(
        write_ledger_xlsx(
            [
                _app("2025-001"),
                _app(
                    "2025-002",
                    办理结果="部分公开",
                    补正通知日期=D(2025, 3, 5),
                    补正收到日期=D(2025, 3, 10),
                    延期工作日=10,
                ),
                _app(
                    "2025-003", 办结日期=None, 办理结果=None, 申请人类型="法人或其他组织-商业企业"
                ),
            ],
            [
                {
                    "编号": "复2025-1",
                    "类型": "行政复议",
                    "立案日期": D(2025, 5, 6),
                    "结果": "结果维持",
                    "结案日期": D(2025, 7, 1),
                    "关联申请编号": "2025-002",
                }
            ],
        )
    )
    ledger = read_ledger([path])
    assert ledger.errors == []
    a1, a2, a3 = ledger.applications
    assert a2.outcome == "partially_granted" and a2.extension_days == 10
    assert a2.correction_received_on == D(2025, 3, 10)
    assert a3.concluded_on is None and a3.outcome == "" and a3.category == "commercial_enterprise"
    (appeal,) = ledger.appeals
    assert (appeal.kind, appeal.result, appeal.application_number) == (
        "review",
        "maintained",
        "2025-002",
    )


def test_every_bad_row_is_listed_with_its_row_number(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(
        write_ledger_xlsx(
            [
                _app("A1"),
                _app("A2", 收到日期="2025-02-30"),
                _app("A3", 办理结果="同意"),
                _app("A1"),
                _app("A5", 办结日期=D(2025, 1, 2)),
                _app("A6", 延期工作日=25),
                _app("A7", 办理结果=None),
            ]
        )
    )
    ledger = read_ledger([path])
    by_row = {e.row: e.reason for e in ledger.errors}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8]
    assert "收到日期" in by_row[3]
    assert "同意" in by_row[4] and "21个办理结果" in by_row[4]
    assert "重复" in by_row[5]
    assert "早于" in by_row[6]
    assert "第三十三条" in by_row[7]
    assert "缺少办理结果" in by_row[8]
    assert str(ledger.errors[0]).startswith("台账.xlsx「申请」 第3行")


def test_csv_in_gb18030_with_typed_dates(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(
        "编号,收到日期,申请人类型,办结日期,办理结果\n"
        "1,2025年1月6日,科研机构,2025/1/20,本机关不掌握相关政府信息\n"
        "2,20250107,社会公益组织,,\n".encode("gb18030")
    )
    ledger = read_ledger([path])
    assert ledger.errors == []
    assert [a.received_on for a in ledger.applications] == [D(2025, 1, 6), D(2025, 1, 7)]
    assert ledger.applications[0].outcome == "unable.not_held"


def test_appeals_in_a_file_of_their_own_may_link_to_known_applications(tmp_path):
    path = tmp_path / "appeals.csv"
    path.write_text(
        "编号,类型,立案日期,结果,结案日期,关联申请编号\n"
        "F1,复议后起诉,2025-04-01,,,OLD-7\n"
        "F2,行政诉讼,2025-04-01,结果维持,2025-03-01,NOPE\n",
        encoding="utf-8",
    )
    ledger = read_ledger([path], known_applications={"OLD-7"})
    assert [a.number for a in ledger.appeals] == ["F1"]
    (err,) = ledger.errors
    assert err.row == 3 and "类型" in err.reason and "早于" in err.reason
    ledger = read_ledger([path])
    assert any("OLD-7" in e.reason for e in ledger.errors)


def test_a_sheet_without_the_columns_is_named(tmp_path):
    book = Workbook()
    book.active.append(["序号", "姓名"])
    book.active.append([1, "李四"])
    path = tmp_path / "x.xlsx"
    book.save(path)
    (err,) = read_ledger([path]).errors
    assert err.row == 1 and "表头无法识别" in err.reason


def test_a_file_that_is_not_a_spreadsheet_is_unreadable(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(LedgerUnreadable, match="XLSX"):
        read_ledger([path])
    with pytest.raises(LedgerUnreadable, match=".xlsx 或 .csv"):
        read_ledger([tmp_path / "x.pdf"])


def test_a_future_date_is_refused_as_the_web_form_does(tmp_path):
    from django.utils import timezone

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    path = tmp_path / "台账.xlsx"
    path.write_bytes(write_ledger_xlsx([_app("2025-001", 办结日期=tomorrow)], []))
    ledger = read_ledger([path])
    assert [e.row for e in ledger.errors] == [2]
    assert "晚于今天" in str(ledger.errors[0])
