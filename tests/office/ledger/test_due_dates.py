"""Imported pending cases get the due date the web forms would give them, so they appear in the
overdue list; concluded ones have none."""

import datetime as dt

import pytest

from gongkai.office.applications.models import Application
from gongkai.office.ledger.load import import_ledger
from gongkai.office.ledger.template import write_ledger_xlsx

pytestmark = pytest.mark.django_db
D = dt.date


def _row(number, **kw):
    return {
        "编号": number,
        "收到日期": D(2025, 3, 3),
        "申请人类型": "自然人",
        "申请人": "张三",
        "申请内容": "征地补偿方案",
        **kw,
    }


def test_pending_imported_cases_have_the_web_forms_due_date(tmp_path, client):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(
        write_ledger_xlsx(
            [
                _row("A1"),
                _row("A2", 延期工作日=20),
                _row("A3", 办结日期=D(2025, 3, 20), 办理结果="予以公开"),
            ]
        )
    )
    result = import_ledger([path], "某县测试局")
    assert result.ok
    due = dict(Application.objects.values_list("number", "due_on"))
    # 20 wd from 03-03 is 03-31; 20 more skip 清明 04-04 and count Sunday 04-27 (调休 working day)
    assert due == {"A1": D(2025, 3, 31), "A2": D(2025, 4, 28), "A3": None}
