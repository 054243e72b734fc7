"""身份证号: citizen identity numbers (GB 11643-1999), 18 digits, and the 15-digit legacy form.

An 18-digit number is one when its check digit is right (stdnum's `cn.ric`), its province
code exists and its birth date is a real day between 1900 and today: a random 18-digit
number passes all three about once in 70 000, so order numbers and serials are not flagged,
nor is an 18-digit number with a wrong check digit. stdnum's own `validate` also requires
the county code to have existed in the birth year, which a real number can fail (a person
registered in a county formed after their birth): the county is not checked.

A 15-digit number (issued before 1999, void since 2013) has no check digit, so only a
15-digit number labelled as an identity number (身份证…, 证件号码…) with a plausible birth
date is flagged. A 统一社会信用代码 is 18 characters too: one written after its label is
skipped, even where its digits would also make a valid identity number.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from .flags import ID_NUMBER, OCR_MISREAD, Hit
from .mask import mask

#: an 18-digit number, also printed in groups 6-8-4 (420106 19900101 1234)
_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{6}[ \-]?\d{8}[ \-]?\d{3}[0-9Xx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])")
#: how far before a number its label may stand (身份证号码：, 证件号码 )
LABEL_REACH = 12
_ID_LABEL = re.compile(rf"(身份证|身份号码|证件号|公民身份)[^\n]{{0,{LABEL_REACH}}}$")
_USCC_LABEL = re.compile(rf"(信用代码|统一代码|USCC)[^\n]{{0,{LABEL_REACH}}}$", re.IGNORECASE)
EARLIEST_BIRTH = dt.date(1900, 1, 1)


#: 港澳台居民居住证 numbers (GB 11643 form, same check digit) start 810000, 820000, 830000 [U];
#: 83 is not a division code in stdnum's data
RESIDENCE_PERMIT_PREFIXES = frozenset({"81", "82", "83"})


@lru_cache(maxsize=1)
def provinces() -> frozenset[str]:
    """The two-digit province codes, from the division codes stdnum ships (its cn/loc data)."""
    from stdnum import numdb

    # numdb keeps the codes as a tree of (length, low, high, properties, children); its
    # first level is the two-digit province
    db = numdb.get("cn/loc")
    return frozenset(low for _length, low, _high, _props, _children in db.prefixes) | (
        RESIDENCE_PERMIT_PREFIXES
    )


def birth_date(number: str) -> dt.date | None:
    """The birth date an 18-digit number states, None when it is no real day in range."""
    try:
        born = ric.get_birth_date(number)
    except (ValidationError, ValueError):
        return None
    return born if EARLIEST_BIRTH <= born <= dt.date.today() else None


def is_id18(number: str) -> bool:
    """An 18-character identity number: check digit, province and birth date all right."""
    number = number.upper()
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[:2] in provinces()
        and ric.calc_check_digit(number) == number[-1]
        and birth_date(number) is not None
    )


def looks_like_id18(number: str) -> bool:
    """Shaped like an identity number (province and birth date right) whatever its check
    digit: such a number is an ID look-alike, not a bank card."""
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[:2] in provinces()
        and birth_date(number) is not None
    )


def _legacy_birth(number: str) -> dt.date | None:
    try:
        return dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return None


def find(text: str, ocr: bool = False) -> list[Hit]:
    """The identity numbers in `text`. In text read by OCR a number shaped like one whose
    check digit is wrong is flagged too: a misread digit must not hide a leak."""
    out = []
    for m in _ID18.finditer(text):
        raw = m.group(1)
        number = re.sub(r"[ \-]", "", raw).upper()
        if not is_id18(number):
            if ocr and looks_like_id18(number):
                out.append(Hit(ID_NUMBER, m.start(1), m.end(1), mask(raw, 4, 4), OCR_MISREAD))
            continue
        before = text[max(0, m.start() - LABEL_REACH - 8) : m.start()]
        if _USCC_LABEL.search(before) and uscc.is_valid(number):
            continue
        out.append(Hit(ID_NUMBER, m.start(1), m.end(1), mask(raw, 4, 4)))
    for m in _ID15.finditer(text):
        number = m.group(1)
        before = text[max(0, m.start() - LABEL_REACH - 8) : m.start()]
        if (
            number[:2] in provinces()
            and _legacy_birth(number) is not None
            and _ID_LABEL.search(before)
        ):
            out.append(Hit(ID_NUMBER, m.start(1), m.end(1), mask(number, 4, 4), "15位旧身份证号"))
    return out
