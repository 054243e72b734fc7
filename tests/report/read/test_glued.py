"""Glued digits are split only when the row's identities leave one answer, never wrongly."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.read.glued import row_total, split_glued, total_of

counts = st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 300), st.integers(0, 5000))


@settings(max_examples=300, deadline=None)
@given(st.lists(counts, min_size=6, max_size=6), st.data())
def test_a_glued_table_two_row_splits_back_exactly_or_not_at_all(parts, data):
    row = [*parts, sum(parts)]
    cuts = data.draw(st.sets(st.integers(1, 6)), label="gaps that survived")
    text = "".join(str(v) + (" " if i + 1 in cuts else "") for i, v in enumerate(row)).strip()
    got = split_glued(text, 7, [row_total(7)])
    assert got is None or got == [str(v) for v in row]


@settings(max_examples=200, deadline=None)
@given(st.lists(counts, min_size=4, max_size=4))
def test_table_three_group_with_its_total(parts):
    row = [*parts, sum(parts)]
    got = split_glued("".join(map(str, row)), 5, [row_total(5)])
    assert got is None or got == [str(v) for v in row]


def test_the_row_total_decides_a_unique_split():
    assert split_glued("21710000218", 7, [row_total(7)]) == ["217", "1", "0", "0", "0", "0", "218"]
    assert split_glued("12882100503 1362", 7, [row_total(7)]) == [
        "1288",
        "21",
        "0",
        "0",
        "50",
        "3",
        "1362",
    ]


def test_two_possible_splits_give_none():
    assert split_glued("5611", 3, [row_total(3)]) == ["5", "6", "11"]
    assert split_glued("11011", 3, [row_total(3)]) is None  # 1+10=11 and 11+0=11


def test_without_an_identity_a_run_is_never_split():
    assert split_glued("21710", 2, []) is None
    assert split_glued("217 10", 2, []) == ["217", "10"]


def test_digit_widths_from_geometry_are_checked_against_the_identities():
    assert split_glued("2171027", [3, 2, 2], [total_of([0, 1], 2)]) is None  # 217+10 != 27
    assert split_glued("2171022", [1, 2, 3], []) is None  # widths do not cover the run
    assert split_glued("1910", [1, 1, 2], [row_total(3)]) == ["1", "9", "10"]


def test_not_digits_or_leading_zeros_are_refused():
    assert split_glued("12a", 2, [row_total(2)]) is None
    assert split_glued("", 1, []) is None
    assert (
        split_glued("0505", 3, [total_of([0, 1], 2)]) is None
    )  # "0"+"5"="05" would need a leading zero
