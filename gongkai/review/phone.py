"""手机号: mainland mobile numbers, found by phonenumbers' matcher (Google's libphonenumber data).

The matcher knows every allocated mobile prefix and the ways numbers are printed
(138-1234-5678, +86 138 1234 5678, (86)13812345678); a number it finds is kept when its type
is MOBILE, so office lines (0710-1234567), 400/800 numbers and 12345 are not flagged, nor is a
run of digits longer than a phone number (an order number, an ID number).

The matcher gives up after 65 535 candidates in one text, silently, and costs about 0.1 ms a
candidate: it is run one line at a time, and only on lines where a mobile-shaped number
stands on its own (1[3-9] and nine more digits, with at most two separators between digits,
no digit run around it), so a long spreadsheet of numbers is scanned to its end, quickly.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from .flags import MOBILE, Hit
from .mask import mask

REGION = "CN"
_SEP = r"[^\d\n\u4e00-\u9fff]{0,2}"
_SHAPED = re.compile(rf"(?<!\d)(?:\(?\+?\(?(?:00)?86\)?{_SEP})?1[3-9](?:{_SEP}\d){{9}}(?!\d)")
_NOT_DIGIT = re.compile(r"\D")


def find(text: str, ocr: bool = False) -> list[Hit]:
    """The mainland mobile numbers in `text` (OCR text is read the same way: a phone number
    has no check digit to fail)."""
    out = []
    at = 0
    for line in text.split("\n"):
        if _SHAPED.search(line):
            for m in PhoneNumberMatcher(line, REGION, leniency=Leniency.VALID):
                if phonenumbers.number_type(m.number) != PhoneNumberType.MOBILE:
                    continue
                if m.number.country_code != 86:
                    continue
                national = str(m.number.national_number)
                raw = m.raw_string
                out.append(Hit(MOBILE, at + m.start, at + m.end, _mask_phone(raw, national)))
        at += len(line) + 1
    return out


def _mask_phone(raw: str, national: str) -> str:
    """138****5678, keeping the printed form (+86 138 **** 5678): the country code and the
    first three and last four digits of the number itself show."""
    lead = len(_NOT_DIGIT.sub("", raw)) - len(national)  # the digits of +86 printed before it
    return mask(raw, lead + 3, 4)
