"""Properties over generated values: every valid identity number and card number is found
wherever it stands in prose, and the same number with its check digit corrupted is not;
a serial number shaped like a card is not one; no excerpt ever shows a personal value whole."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import ric

from gongkai.review import scan_text
from gongkai.review.bankcard import CARD_LABELS, SERIAL_LABELS, issuer
from gongkai.review.flags import BANK_CARD, ID_NUMBER, MOBILE

from .values import CARD_PREFIXES, COUNTIES, MOBILE_PREFIXES, wrong_check

#: prose around a value: Chinese characters and punctuation, never a digit or a Latin letter
prose = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("，。、；：（）“”《》 \n"),
    ),
    max_size=40,
)
PERSONAL = (ID_NUMBER, BANK_CARD, MOBILE)


def personal(text: str) -> list[tuple[str, str]]:
    """The personal values flagged in `text` (random prose may hold a mark such as 注意保存)."""
    return [(f.kind, text[f.start : f.end]) for f in scan_text(text) if f.kind in PERSONAL]


birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today())


@st.composite
def id_numbers(draw):
    body = (
        draw(st.sampled_from(COUNTIES))
        + draw(birth_dates).strftime("%Y%m%d")
        + f"{draw(st.integers(0, 999)):03d}"
    )
    return body + ric.calc_check_digit(body + "0")


@st.composite
def card_numbers(draw, prefixes=CARD_PREFIXES):
    prefix, length = draw(st.sampled_from(prefixes))
    body = prefix + "".join(str(draw(st.integers(0, 9))) for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def labelled(number: str) -> str:
    """An international issuer's number is a card only after a card label (bankcard.py)."""
    found = issuer(number)
    return f"卡号{number}" if found and found.needs_label else number


@st.composite
def mobiles(draw):
    return draw(st.sampled_from(MOBILE_PREFIXES)) + f"{draw(st.integers(0, 10**8 - 1)):08d}"


@settings(max_examples=300, deadline=None)
@given(before=prose, number=id_numbers(), after=prose)
def test_any_valid_id_is_found(before, number, after):
    assert personal(before + number + after) == [(ID_NUMBER, number)]


@settings(max_examples=300, deadline=None)
@given(before=prose, number=id_numbers(), after=prose)
def test_an_id_with_a_corrupted_check_digit_is_not(before, number, after):
    assert personal(before + wrong_check(number) + after) == []


@settings(max_examples=300, deadline=None)
@given(before=prose, number=card_numbers(), after=prose)
def test_any_valid_card_is_found_and_a_corrupted_one_is_not(before, number, after):
    assume(not any(label in before for label in SERIAL_LABELS))  # 票号… makes it a serial
    assert personal(before + labelled(number) + after) == [(BANK_CARD, number)]
    corrupted = number[:-1] + str((int(number[-1]) + 5) % 10)
    assert personal(before + labelled(corrupted) + after) == []


#: international prefixes a serial number of random first digits looks like
LOOKALIKE_PREFIXES = (("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("3528", 16))


@settings(max_examples=300, deadline=None)
@given(before=prose, number=card_numbers(LOOKALIKE_PREFIXES), after=prose)
def test_a_serial_shaped_like_an_international_card_is_no_card(before, number, after):
    """Luhn-valid VISA / MasterCard / JCB look-alikes in clean prose raise nothing; after a card
    label (借记卡, 账户 …) the same number is a card."""
    assume(not any(label in before for label in CARD_LABELS))
    assert personal(before + number + after) == []
    assert personal(f"{before}流水号{number}{after}") == []
    assert personal(f"{before}借记卡{number}{after}") == [(BANK_CARD, number)]


@settings(max_examples=200, deadline=None)
@given(number=card_numbers(), serial=st.sampled_from(SERIAL_LABELS))
def test_a_serial_label_makes_any_number_a_serial(number, serial):
    assert personal(f"{serial}：{number}") == []


@settings(max_examples=200, deadline=None)
@given(before=prose, phone=mobiles(), number=id_numbers(), card=card_numbers())
def test_no_excerpt_shows_a_value_whole(before, phone, number, card):
    text = f"{before}{phone}，{number}，{labelled(card)}{before}"
    flags = [f for f in scan_text(text) if f.kind in PERSONAL]
    assert sorted(f.kind for f in flags) == sorted(PERSONAL)
    for f in flags:
        for value in (phone, number, card):
            assert value not in f.excerpt and value not in f.value_masked


@settings(max_examples=200, deadline=None)
@given(
    before=prose, phone=mobiles(), after=prose, digits=st.text("0123456789", min_size=1, max_size=4)
)
def test_any_mobile_is_found_unless_it_is_part_of_a_longer_number(before, phone, after, digits):
    assert personal(before + phone + after) == [(MOBILE, phone)]
    if not digits.endswith("86"):  # 86 before it is the country code: still that phone
        assert personal(before + digits + phone + after) == []
    assert personal(before + phone + digits + after) == []
