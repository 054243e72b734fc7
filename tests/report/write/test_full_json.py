"""The full JSON keeps everything, and read_json gives back the very same Report."""

import json

import pytest

from gongkai.report.model import Cell, State
from gongkai.report.read import read_path
from gongkai.report.read.document import ReadError
from gongkai.report.read.json import read_json
from gongkai.report.write import write

from .sample import sample_report


def test_write_then_read_gives_an_equal_report():
    report = sample_report()
    report.layout = {"t2.other": "single_row"}
    report.set(Cell.read("t2.other.total", "0"))  # a local row kept beside the official ones
    assert read_json(write(report, "json")) == report


def test_the_json_says_what_every_cell_was():
    d = json.loads(write(sample_report(), "json"))
    assert (
        d["kind"] == "gongkai.report" and d["format"] == "2021" and d["agency_kind"] == "department"
    )
    assert d["signed_on"] == "2025-01-20" and d["parts"]["6"]["text"].startswith("本年度未收取")
    cells = d["cells"]
    assert len(cells) == 200
    assert cells["t1.regulations.made"] == {
        "raw": "",
        "state": "blank",
        "value": None,
        "source": {"kind": "ledger", "line": 1},
    }
    assert cells["t1.regulations.repealed"]["state"] == "not_applicable"
    assert cells["t1.admin_fees.amount"]["value"] == 96171.6
    assert cells["t3.litigation_direct.pending"]["state"] == "unreadable"
    assert cells["t3.litigation_direct.pending"]["reason"]


def test_read_path_reads_the_json(tmp_path):
    path = tmp_path / "report.json"
    path.write_bytes(write(sample_report(), "json"))
    report = read_path(path)
    assert (
        report.cell("t1.admin_fees.amount").value
        == sample_report().cell("t1.admin_fees.amount").value
    )
    assert report.cell("t1.regulations.repealed").state is State.NOT_APPLICABLE


@pytest.mark.parametrize(
    "data,message",
    [
        (b"{", "不是有效的 JSON"),
        (b'{"agency": "x", "year": 2024, "table1": []}', "不是 gongkai 年度报告 JSON"),
        (b'{"kind": "gongkai.report", "format": "2030", "cells": {}}', "未知的报告格式"),
        (b'{"kind": "gongkai.report", "format": "2021", "cells": {"t9.x.y": {}}}', "内容有误"),
        (
            b'{"kind": "gongkai.report", "format": "2021", "cells": {"t1.penalty.decisions": {"state": "odd"}}}',
            "内容有误",
        ),
    ],
)
def test_anything_else_is_refused_with_a_reason(data, message):
    with pytest.raises(ReadError, match=message):
        read_json(data)
