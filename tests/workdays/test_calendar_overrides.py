"""Overrides an administrator enters (a new year's notice, a regional holiday) take precedence."""

import datetime as dt
import json

import pytest

from gongkai.workdays import (
    Override,
    Overrides,
    OverridesError,
    add_working_days,
    confirmed_years,
    describe_day,
    is_workday,
    load_overrides,
    statutory_days_worked,
)

D = dt.date


def test_override_beats_the_package():
    # 2026-03-10 is an ordinary Tuesday; a regional holiday (放假办法第四条) makes it a day off
    regional = Overrides([Override(D(2026, 3, 10), False, "三月三", "自治区人民政府通知")])
    assert is_workday(D(2026, 3, 10)) and not is_workday(D(2026, 3, 10), regional)
    assert add_working_days(D(2026, 3, 9), 1, regional).date == D(2026, 3, 11)
    assert "三月三" in describe_day(D(2026, 3, 10), regional).reason


def test_a_plain_mapping_is_accepted():
    assert is_workday(D(2026, 10, 3), {D(2026, 10, 3): True})


def test_an_override_in_an_unconfirmed_year_is_not_provisional():
    day = describe_day(D(2027, 2, 8), {D(2027, 2, 8): False})
    assert not day.workday and not day.provisional


def test_a_confirmed_year_is_no_longer_provisional():
    notice = Overrides(
        [Override(D(2027, 2, 8), False, "春节"), Override(D(2027, 2, 20), True, "调休上班")],
        confirmed_years=[2027],
    )
    assert 2027 in confirmed_years(notice)
    result = add_working_days(D(2027, 2, 19), 1, notice)
    assert result.date == D(2027, 2, 20) and not result.provisional
    # outside the entries a confirmed year follows Monday–Friday, statutory rule or not
    assert is_workday(D(2027, 6, 9), notice) and not is_workday(D(2027, 2, 8), notice)


def test_a_confirmed_year_missing_statutory_days_is_reported():
    incomplete = Overrides([Override(D(2027, 1, 1), False, "元旦")], confirmed_years=[2027])
    missing = dict(statutory_days_worked(incomplete))
    assert D(2027, 1, 1) not in missing
    assert (
        missing[D(2027, 2, 8)] == "春节" and D(2027, 2, 6) not in missing
    )  # a Saturday needs no entry


def test_conflicting_entries_for_one_date_are_refused():
    with pytest.raises(OverridesError):
        Overrides([Override(D(2027, 1, 4), True), Override(D(2027, 1, 4), False)])


def test_json_file(tmp_path):
    path = tmp_path / "2027.json"
    path.write_text(
        json.dumps(
            {
                "source": "国务院办公厅通知",
                "confirmed_years": [2027],
                "days": [
                    {"date": "2027-02-08", "workday": False, "note": "春节"},
                    {
                        "date": "2027-02-20",
                        "workday": True,
                        "note": "调休上班",
                        "source": "另一份通知",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    loaded = load_overrides(path)
    assert loaded.confirmed_years == {2027}
    assert [(e.date, e.workday, e.source) for e in loaded] == [
        (D(2027, 2, 8), False, "国务院办公厅通知"),
        (D(2027, 2, 20), True, "另一份通知"),
    ]


def test_csv_file_with_bom(tmp_path):
    path = tmp_path / "regional.csv"
    path.write_text(
        "\ufeffdate,workday,note,source\n2026-04-20,休,三月三,区政府\n2027-01-09,班,,\n"
        "2027,confirmed,,\n",
        encoding="utf-8",
    )
    loaded = load_overrides(path)
    assert loaded.confirmed_years == {2027}
    assert [(e.date, e.workday, e.note) for e in loaded] == [
        (D(2026, 4, 20), False, "三月三"),
        (D(2027, 1, 9), True, ""),
    ]


@pytest.mark.parametrize(
    "name, text",
    [
        ("bad.json", '{"days": [{"date": "2027-02-30", "workday": false}]}'),
        ("bad.json", '{"days": [{"date": "2027-02-08", "workday": "no"}]}'),
        ("bad.json", "[1, 2]"),
        ("bad.json", "{not json"),
        ("bad.csv", "date,workday\n2027-02-08,maybe\n"),
        ("bad.csv", "day,off\n2027-02-08,休\n"),
    ],
)
def test_unreadable_files_say_what_is_wrong(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverridesError, match="覆盖文件"):
        load_overrides(path)


def test_the_committed_overrides_file_loads_and_its_confirmed_years_are_whole():
    """gongkai/workdays/overrides.json is where a new year's notice goes; a broken or partial
    entry there would shift every deadline in that year."""
    from gongkai.workdays.overrides_file import BUNDLED_PATH

    committed = load_overrides(BUNDLED_PATH)
    assert statutory_days_worked(committed) == []


def test_the_callers_overrides_win_over_earlier_layers():
    committed = Overrides([Override(D(2027, 1, 4), False, "某通知")])
    caller = Overrides([Override(D(2027, 1, 4), True, "更正")], confirmed_years=[2027])
    merged = committed.merged(caller)
    assert merged.get(D(2027, 1, 4)).workday and merged.confirmed_years == {2027}
