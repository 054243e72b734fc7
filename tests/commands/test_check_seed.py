"""`gongkai check` on the seed report (管头镇 2024) agrees with domain-spec §4.9, and every
one of its 190 table-2/table-3 counts, raised by one in the printed text, makes it exit 1
with a finding that names that cell."""

from __future__ import annotations

import json
import re

import pytest

from gongkai.cli import main
from gongkai.report.read import read_path

from ..report.conftest import DEV, skip_reason

SEED = DEV / "00_guantouzhen_2024.txt"


@pytest.fixture(autouse=True)
def _debug(monkeypatch):
    monkeypatch.setenv("GONGKAI_DEBUG", "1")  # a bug in check raises instead of exiting 2


def check_json(capsys, *args) -> tuple[int, list[dict]]:
    code = main(["check", *map(str, args), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture
def seed():
    if not SEED.exists():
        pytest.skip(skip_reason(DEV))
    return SEED


def by_rule(findings, rule):
    return [f for f in findings if f["rule"] == rule]


def test_seed_exits_0(seed, capsys):
    assert main(["check", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "错误 ERROR（0）" in out


def test_seed_findings_match_the_worked_example(seed, capsys):
    code, findings = check_json(capsys, seed)
    assert code == 0
    for rule in ("R-1", "R-2", "R-3", "L-1", "C-3", "T-7", "S-5"):
        found = by_rule(findings, rule)
        assert found and all(f["outcome"] == "pass" for f in found), (rule, found)
    assert len(by_rule(findings, "R-1")) == 7  # one per column
    assert len(by_rule(findings, "L-1")) == 3  # one per group
    s5 = by_rule(findings, "S-5")[0]
    assert (
        "落款日期" in s5["message"] and "2025年1月24日" in s5["message"]
    )  # says which date was used
    t7 = by_rule(findings, "T-7")[0]
    assert "未收取政府信息公开信息处理费" in t7["message"]
    warned = {f["evidence"]["aspect"] for f in by_rule(findings, "S-4") if f["outcome"] == "fail"}
    assert {"政府信息管理", "监督保障"} <= warned
    assert all(f["severity"] == "WARN" for f in by_rule(findings, "S-4"))
    assert not [f for f in findings if f["outcome"] == "fail" and f["severity"] == "ERROR"]


def _mutants():
    if not SEED.exists():
        return []
    report = read_path(SEED)
    keys = [k for k in report.format.cell_keys() if k.startswith(("t2.", "t3."))]
    return [(k, report.cells[k].source.line) for k in keys]


MUTANTS = _mutants()


def test_all_190_counts_are_mutated():
    if not SEED.exists():
        pytest.skip(skip_reason(DEV))
    assert len(MUTANTS) == 190
    assert len({line for _, line in MUTANTS}) == 190  # each count printed on its own line


def test_every_count_plus_one_is_caught(tmp_path, capsys):
    if not SEED.exists():
        pytest.skip(skip_reason(DEV))
    lines = SEED.read_text("utf-8").split("\n")
    original = read_path(SEED)
    missed = []
    for key, line in MUTANTS:
        changed = list(lines)
        printed = changed[line - 1]
        changed[line - 1] = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), printed, count=1)
        assert changed[line - 1] != printed, (key, printed)
        path = tmp_path / "mutant.txt"
        path.write_text("\n".join(changed), "utf-8")
        assert read_path(path).value(key) == original.value(key) + 1, (
            key,
            printed,
        )  # the whole path
        code, findings = check_json(capsys, path)
        errors = [f for f in findings if f["outcome"] == "fail" and f["severity"] == "ERROR"]
        if code != 1 or not any(key in f["cells"] for f in errors):
            missed.append((key, code, [f["rule"] for f in errors]))
    assert not missed, missed
