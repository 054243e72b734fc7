"""Acceptance: a ledger imported from XLSX compiles to tables that pass every R- and L- check;
the same ledger with one bad row is rejected whole, naming the row."""

import datetime as dt
import random

import pytest

from gongkai.cli import main
from gongkai.office.ledger.labels import outcome_label
from gongkai.office.ledger.template import write_ledger_xlsx
from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_COLUMNS, OUTCOME_ROWS_2021, TABLE3

pytestmark = pytest.mark.django_db
TYPES = [c.label for c in APPLICANT_COLUMNS]


def _ledger(seed=7, n=120):
    """Two years of cases that use every outcome row, every applicant type and every appeal kind."""
    rng = random.Random(seed)
    apps, appeals = [], []
    for i in range(n):
        received = dt.date(2024, 1, 2) + dt.timedelta(days=rng.randrange(720))
        rec = {
            "编号": f"Y{i:04d}",
            "收到日期": received,
            "申请人类型": TYPES[i % len(TYPES)],
            "申请人": f"申请人{i}",
            "申请内容": "某项目审批文件",
        }
        if i % 9 == 0:
            rec.update(
                补正通知日期=received + dt.timedelta(days=3),
                补正收到日期=received + dt.timedelta(days=10),
            )
        if i % 11 == 0:
            rec["延期工作日"] = 15
        if i % 13 != 5:  # some stay pending
            rec["办结日期"] = received + dt.timedelta(days=rng.randrange(5, 60))
            rec["办理结果"] = outcome_label(OUTCOME_ROWS_2021[i % 21].key)
        apps.append(rec)
    results = [c.label for c in OUTCOME_COLUMNS if c.key in ("maintained", "corrected", "other")]
    for j in range(12):
        filed = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randrange(600))
        rec = {
            "编号": f"F{j}",
            "类型": TABLE3.rows[j % 3].label,
            "立案日期": filed,
            "关联申请编号": f"Y{j % n:04d}",
        }
        if j % 4:
            rec.update(
                结果=results[j % 3], 结案日期=filed + dt.timedelta(days=rng.randrange(30, 200))
            )
        appeals.append(rec)
    return apps, appeals


def _failed_r_and_l(report, previous=None):
    from gongkai.report.checks import iter_findings

    found = list(iter_findings(report, previous))
    assert {"R-1", "R-2", "R-3", "L-1"} <= {f.rule for f in found}  # the rules did run
    return [f for f in found if f.rule.split("-")[0] in ("R", "L") and f.failed]


def test_imported_xlsx_compiles_to_tables_that_pass_every_r_and_l_check(tmp_path, capsys):
    from gongkai.office.agencies.models import Agency
    from gongkai.office.annual.compile import compile_report

    path = tmp_path / "台账.xlsx"
    path.write_bytes(write_ledger_xlsx(*_ledger()))
    assert main(["import-ledger", str(path), "--agency", "某县住房和城乡建设局"]) == 0
    assert "申请120件，复议诉讼12件" in capsys.readouterr().out
    agency = Agency.objects.get(name="某县住房和城乡建设局")
    assert agency.parent is None
    r2024, r2025 = compile_report(agency, 2024), compile_report(agency, 2025)
    assert r2024.value("t2.new_received.total") + r2025.value("t2.new_received.total") == 120
    assert r2025.value("t2.carried_over_in.total") == r2024.value("t2.carried_over_out.total")
    assert r2024.value("t3.review.total") + r2025.value("t3.review.total") >= 4
    assert _failed_r_and_l(r2024) == []
    assert _failed_r_and_l(r2025, previous=r2024) == []


def test_one_bad_row_rejects_the_whole_ledger_and_names_it(tmp_path, capsys):
    from gongkai.office.agencies.models import Agency
    from gongkai.office.applications.models import Application

    apps, appeals = _ledger()
    apps[41]["办理结果"] = "已答复"  # spreadsheet row 43 (header is row 1)
    path = tmp_path / "台账.xlsx"
    path.write_bytes(write_ledger_xlsx(apps, appeals))
    assert main(["import-ledger", str(path), "--agency", "某县住房和城乡建设局"]) == 1
    err = capsys.readouterr().err
    assert "第43行" in err and "已答复" in err and "未导入任何记录" in err
    assert Application.objects.count() == 0
    assert not Agency.objects.filter(name="某县住房和城乡建设局").exists()


def test_importing_the_same_ledger_twice_is_refused(tmp_path, capsys):
    from gongkai.office.applications.models import Application

    path = tmp_path / "台账.xlsx"
    path.write_bytes(write_ledger_xlsx(*_ledger(n=5)))
    assert main(["import-ledger", str(path), "--agency", "甲局"]) == 0
    assert main(["import-ledger", str(path), "--agency", "甲局"]) == 1
    assert "已在甲局的台账中" in capsys.readouterr().err
    assert Application.objects.count() == 5


def test_an_unreadable_file_exits_2_without_traceback(tmp_path, capsys):
    path = tmp_path / "x.xlsx"
    path.write_text("garbage")
    assert main(["import-ledger", str(path), "--agency", "甲局"]) == 2
    assert "不是有效的 XLSX" in capsys.readouterr().err


def test_appeals_in_a_file_of_their_own_given_to_the_same_command(tmp_path, capsys):
    from gongkai.office.appeals.models import Appeal

    apps = tmp_path / "申请.csv"
    apps.write_text(
        "编号,收到日期,申请人类型,申请人,申请内容,补正通知日期,补正收到日期,延期工作日,办结日期,办理结果\n"
        "A1,2025-03-03,自然人,张三,某文件,,,,2025-03-20,部分公开\n",
        encoding="utf-8",
    )
    appeals = tmp_path / "复议诉讼.csv"
    appeals.write_text(
        "编号,类型,立案日期,结果,结案日期,关联申请编号\n"
        "F1,行政复议,2025-05-01,结果纠正,2025-07-01,A1\n",
        encoding="utf-8",
    )
    assert main(["import-ledger", str(appeals), str(apps), "--agency", "乙局"]) == 0
    (appeal,) = Appeal.objects.all()
    assert (appeal.result, appeal.application.number, appeal.agency.name) == (
        "corrected",
        "A1",
        "乙局",
    )
