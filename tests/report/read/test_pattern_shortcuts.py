"""A test of a text's first or last characters taken before a pattern, so that a fresh
`gongkai parse` compiles only the patterns its input needs (issue #9, bench/parse_process.py),
answers exactly as the pattern alone did: on any text made of the characters the pattern is
about, other Unicode digits and spaces included."""

import re
import unicodedata
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.model import NA_MARKS, UNITS, State, parse_number
from gongkai.report.normalize import ROW_MARK, has_row_mark, norm
from gongkai.report.read import entries, match, meta
from gongkai.report.read.numbers import PAGE_FOOTER, is_page_footer

#: what page numbers, numbering, labels and cells are made of, with other digits and spaces
_ALPHABET = "0123456789１٣ \t\u3000\n-－—–/\\第页共，,.一二三四五六十〇零（）(、年元万件局镇政府"
_TEXTS = st.text(alphabet=_ALPHABET, max_size=14)
MANY = settings(max_examples=500, deadline=None)


@MANY
@given(_TEXTS)
def test_a_page_footer_is_told_as_its_pattern_tells_it(text):
    assert is_page_footer(text) == bool(PAGE_FOOTER.match(text))


def test_every_marked_page_number_is_a_footer_and_a_value_line_is_not():
    for text in ("— 4 —", " - 12 -", "第4页", "第 4 页 共 6 页", "4/6", "１/６"):
        assert is_page_footer(text)
    for text in ("4", "0 0 0", "/", "一、总体情况", ""):
        assert not is_page_footer(text)


@MANY
@given(_TEXTS)
def test_a_label_loses_the_numbering_its_pattern_removed(text):
    assert match._without_numbering(text) == re.sub(r"^(?:[一二三四五六七八九十]+|\d+)", "", text)


@MANY
@given(_TEXTS)
def test_a_vertical_heading_is_dropped_as_its_pattern_dropped_it(label):
    stripped = re.sub(r"^(?:[\u4e00-\u9fff、]\s+)+(?=\S)", "", label)
    expected = stripped if stripped != label and ROW_MARK.match(stripped) else label
    assert entries._strip_vertical(label) == expected


def _parse_number_by_patterns(raw: str):
    """parse_number as it was written with a pattern for each step."""
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).strip()
    text = re.sub(r"\s+", "", text)
    if not text:
        return State.BLANK, None, None
    if text in NA_MARKS or re.fullmatch(r"[/\\\-—–－]+", text):
        return State.NOT_APPLICABLE, None, None
    text = re.sub(r"(?<=\d)[,，](?=\d{3}\b)", "", text)
    text = re.sub(f"({'|'.join(UNITS)})$", "", text)
    if text.startswith("减") and re.match(r"^[+-]?\d+(\.\d+)?$", text[1:]):
        text = "-" + text[1:]
    if not re.match(r"^[+-]?\d+(\.\d+)?$", text):
        return State.UNREADABLE, None, f"不是数字：{raw.strip()!r}"
    if "." in text:
        exact = Decimal(text)
        return State.NUMBER, int(exact) if exact == exact.to_integral_value() else exact, None
    return State.NUMBER, int(text), None


@MANY
@given(st.text(alphabet="0123456789１ ,，.+-/\\—–－元万件减", max_size=10))
def test_a_cell_reads_as_it_read_with_a_pattern_for_each_step(raw):
    assert parse_number(raw) == _parse_number_by_patterns(raw)


@MANY
@given(_TEXTS)
def test_a_year_in_chinese_numerals_becomes_digits_as_its_pattern_made_them(text):
    t = norm(text)
    expected = re.sub(
        r"[〇零一二三四五六七八九]{4}(?=\s*年)", lambda m: m.group(0).translate(meta._CN_DIGITS), t
    )
    assert meta._digits(text) == expected


@MANY
@given(st.text(alphabet="人民政府办公室厅委员会局署院事处街道管理中心所站镇", max_size=8))
def test_an_agency_name_ends_as_its_pattern_said(name):
    pattern = r"(人民政府|政府办公室|办公厅|办公室|委员会|局|厅|署|院|办事处|街道|管理委员会|管委会|中心|所|站)$"
    assert name.endswith(meta._AGENCY_ENDS) == bool(re.search(pattern, name))


def _interleaved_by_search(text: str, t) -> bool:
    """match._interleaved without its test of the first and last characters."""
    return any(
        0 < len(text) - len(label) <= len(heading)
        and match._shuffle(text, label, heading, len(text) - len(label))
        for label in (t.full, t.core)
        for heading in t.headings
    )


@MANY
@given(st.data())
def test_a_label_mixed_with_its_heading_is_found_as_the_full_search_finds_it(data):
    from gongkai.report.formats import FORMAT_2021
    from gongkai.report.read.settings import SETTINGS

    table = FORMAT_2021.tables[1]
    t = data.draw(st.sampled_from([t for t in match._targets(table, SETTINGS) if t.headings]))
    label = data.draw(st.sampled_from([t.full, t.core]))
    heading = data.draw(st.sampled_from(t.headings))
    # the label with a piece of its heading shuffled in, or a random text of their characters
    piece = heading[data.draw(st.integers(0, len(heading) - 1)) :][: data.draw(st.integers(1, 4))]
    mixed = list(label)
    for ch in piece:
        mixed.insert(data.draw(st.integers(0, len(mixed))), ch)
    chars = st.sampled_from(sorted(set(label + heading + "其他")))
    text = data.draw(st.one_of(st.just("".join(mixed)), st.text(alphabet=chars, max_size=12)))
    assert match._interleaved(text, t) == _interleaved_by_search(text, t)


@MANY
@given(_TEXTS)
def test_a_row_mark_is_told_as_its_pattern_tells_it(text):
    assert has_row_mark(text) == bool(ROW_MARK.match(text))
