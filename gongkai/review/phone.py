"""手机号: mainland mobile numbers, found by phonenumbers' matcher (Google's libphonenumber data).

The matcher knows every allocated mobile prefix and the ways numbers are printed
(138-1234-5678, +86 138 1234 5678, (86)13812345678); a number it finds is kept when its type
is MOBILE, so office lines (0710-1234567), 400/800 numbers and 12345 are not flagged, nor is a
run of digits longer than a phone number (an order number, an ID number).

The matcher gives up after 65 535 candidates in one text, silently: it is run one line at a
time, and only on lines whose digits hold a mobile-shaped run, so a long spreadsheet of
numbers is scanned to its end.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from .flags import MOBILE, Hit
from .mask import mask

REGION = "CN"
_SHAPED = re.compile(r"1[3-9]\d{9}")
_NOT_DIGIT = re.compile(r"\D")


def find(text: str) -> list[Hit]:
    out = []
    at = 0
    for line in text.split("\n"):
        if _SHAPED.search(_NOT_DIGIT.sub("", line)):
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
