"""`gongkai workdays add DATE N` and `gongkai workdays status`."""

import json

import pytest

from gongkai.cli import main


def test_add_prints_the_deadline(capsys):
    assert main(["workdays", "add", "2026-09-18", "20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["2026-10-22 星期四"]


def test_add_into_an_unconfirmed_year_says_it_is_provisional(capsys):
    assert main(["workdays", "add", "2026-12-10", "20"]) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith("2027-01-08")
    assert "临时" in second and "2027年" in second


def test_add_with_an_overrides_file(tmp_path, capsys):
    path = tmp_path / "notice.json"
    path.write_text(
        json.dumps(
            {
                "confirmed_years": [2027],
                "days": [{"date": "2027-01-01", "workday": False, "note": "元旦"}],
            }
        )
    )
    assert main(["workdays", "add", "2026-12-10", "20", "--overrides", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["2027-01-08 星期五"]


def test_an_incomplete_confirmed_year_is_warned_about(tmp_path, capsys):
    path = tmp_path / "notice.csv"
    path.write_text("date,workday\n2027,confirmed\n", encoding="utf-8")
    assert main(["workdays", "add", "2026-12-10", "20", "--overrides", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("2027-01-07")  # 元旦 counted as working: the file says so
    assert "2027-01-01（元旦）" in captured.err


@pytest.mark.parametrize(
    "argv, says",
    [
        (["2026-02-30", "20"], "不存在的日期"),
        (["abc", "20"], "YYYY-MM-DD"),
        (["2026-01-05", "-1"], "非负整数"),
        (["2026-01-05", "2.5"], "非负整数"),
        (["2026-01-05", "二十"], "非负整数"),
        (["1990-01-05", "20"], "1990"),
        (["2026-01-05", "20", "--overrides", "/nonexistent/overrides.json"], "无法读取"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(capsys, argv, says):
    assert main(["workdays", "add", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and says in captured.err and "Traceback" not in captured.err


def test_status_lists_the_confirmed_years(capsys):
    assert main(["workdays", "status", "--today", "2026-10-01"]) == 0
    out = capsys.readouterr().out
    assert "2004–2026年" in out and "警告" not in out


def test_status_warns_when_a_needed_year_is_unconfirmed(capsys):
    assert main(["workdays", "status", "--today", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert "警告" in out and "2027年" in out


def test_status_counts_years_confirmed_by_overrides(tmp_path, capsys):
    path = tmp_path / "notice.json"
    path.write_text(json.dumps({"confirmed_years": [2027], "days": []}))
    assert main(["workdays", "status", "--today", "2026-11-28", "--overrides", str(path)]) == 0
    out = capsys.readouterr().out
    assert "覆盖文件）: 2027年" in out and "警告: 工作日历" not in out
