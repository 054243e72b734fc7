"""`gongkai rules` lists the rules as users see them; `gongkai check --rules/--exclude-rules`
runs only the rules chosen, by ID or family prefix."""

import json
import re

from gongkai.cli import main
from gongkai.report.checks import RULES
from gongkai.report.checks.catalogue import TEXTS

from .makers import build, save, values


def test_rules_lists_every_rule_with_title_and_severity(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for r in RULES.values():
        assert f"{r.id:6} {r.severity.value:5} {r.severity.label}  {r.title}" in out
    assert f"共{len(RULES)}条规则" in out


def test_one_rule_shows_its_fault_and_fix(capsys):
    assert main(["rules", "L-1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("L-1  ERROR（错误）  复议、诉讼各组总计等于各结果之和")
    assert "说明：行政复议、未经复议直接起诉、复议后起诉三组" in out
    assert "问题示例：行政复议结果维持10、结果纠正1" in out and "改正：总计填11。" in out
    assert "R-1" not in out


def test_every_rule_speaks_chinese_to_users(capsys):
    """Each registered rule has its Chinese 说明, 问题示例 and 改正, and no English reaches the
    user: a rule added without its text fails here."""
    assert set(TEXTS) == set(RULES)
    assert main(["rules", "--json"]) == 0
    for r in json.loads(capsys.readouterr().out):
        for field in ("title", "summary", "fault", "fix"):
            assert r[field] and not re.search(r"[A-Za-z]{3,}", r[field].replace("WH2020", "")), (
                r["rule"],
                field,
            )


def test_a_family_prefix_and_json(capsys):
    assert main(["rules", "Y-", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["rule"] for r in listed] == [r for r in RULES if r.startswith("Y-")]
    assert all(r["title"] and r["fix"] for r in listed)


def test_an_unknown_rule_exits_2(capsys):
    assert main(["rules", "Q-7"]) == 2
    assert "没有这条规则" in capsys.readouterr().err


def _checked(capsys, path, *args):
    code = main(["check", str(path), "--json", "--all", *args])
    return code, json.loads(capsys.readouterr().out)


def test_check_runs_only_the_rules_chosen(tmp_path, capsys):
    printed = values(1)
    path = save(build("甲局", 2024, printed), tmp_path, "a", "docx")
    _, everything = _checked(capsys, path)
    assert {f["rule"][0] for f in everything} >= {"R", "L", "T", "S"}
    _, chosen = _checked(capsys, path, "--rules", "R-1,L-")
    assert {f["rule"] for f in chosen} == {"R-1", "L-1", "L-2"}
    _, rest = _checked(capsys, path, "--exclude-rules", "T-,S")
    rules = {f["rule"] for f in rest}
    assert rules and not any(r.startswith(("T-", "S-")) for r in rules)
    assert "R-1" in rules


def test_choosing_nothing_or_an_unknown_rule_is_misuse(tmp_path, capsys):
    path = save(build("甲局", 2024, values(1)), tmp_path, "a", "docx")
    assert main(["check", str(path), "--rules", "Z-1"]) == 2
    assert "没有这条规则或这类规则：Z-1" in capsys.readouterr().err
    assert main(["check", str(path), "--rules", "R-1", "--exclude-rules", "R-"]) == 2
    assert "没有剩下任何规则" in capsys.readouterr().err
