"""`gongkai compare OLD NEW`: every cell that changed, blank and "/" kept as printed, and how
much of each text part was repeated."""

import json

from gongkai.cli import main

from .makers import FORMAT_2019, build, save, values


def test_changed_cells_and_repeated_text(tmp_path, capsys):
    old, new = values(1), dict(values(1))
    new["t2.new_received.total"] = str(int(old["t2.new_received.total"] or 0) + 7)
    new["t3.review.total"] = ""  # now blank: a change of state, not a number
    old["t3.review.total"] = "4"
    text = {5: "公开时效有待提高，已建立审核台账并按月通报，全年组织培训三次。" * 3}
    a = save(build("甲局", 2023, old, text=text), tmp_path, "a", "docx")
    b = save(build("甲局", 2024, new, text=text), tmp_path, "b", "html")
    assert main(["compare", str(a), str(b), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    changed = {c["key"]: c for c in data["cells"]}
    assert set(changed) == {"t2.new_received.total", "t3.review.total"}
    assert changed["t2.new_received.total"]["change"] == 7
    review = changed["t3.review.total"]
    assert review["old"] == 4 and review["new"] is None and review["new_state"] == "blank"
    assert review["change"] is None
    assert data["text_repeated"]["5"] == 1.0
    assert data["text_repeated"]["1"] < 1.0  # the year differs in the generated part 一

    assert main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "2个不同" in out and "（+7）" in out and "→ 空白" in out


def test_a_2019_report_against_a_2021_one(tmp_path, capsys):
    a = save(build("甲局", 2020, values(2, FORMAT_2019), FORMAT_2019), tmp_path, "a", "docx")
    b = save(build("甲局", 2021, values(2)), tmp_path, "b", "docx")
    assert main(["compare", str(a), str(b), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    valid = [c for c in data["cells"] if c["key"] == "t1.regulations.valid"]
    assert valid and valid[0]["old_state"] is None  # no 2019 equivalent (§3.4)


def test_an_unreadable_file_exits_2(tmp_path, capsys):
    b = save(build("甲局", 2024, values(1)), tmp_path, "b", "html")
    assert main(["compare", str(tmp_path / "missing.docx"), str(b)]) == 2
    assert "无法读取" in capsys.readouterr().err
