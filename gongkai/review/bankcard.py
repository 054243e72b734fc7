"""银行卡号: payment card numbers, by issuer prefix, length and the Luhn check digit.

Luhn alone passes one random number in ten, so a number is a card number only when its
prefix and length are those of a card issued in China as well (the table below); a number
of another prefix counts when a card label stands just before it (卡号：…). An 18-digit
number shaped like an identity number (province code and a real birth date) is an ID
look-alike, not a card, even when Luhn passes (甘肃 numbers start 62, like UnionPay cards).

Issuer prefixes (ISO/IEC 7812 IINs): 62 is China UnionPay's, which every domestic bank
issues its debit cards under, 16 to 19 digits; the older domestic debit prefixes 9558
(工商银行) and 95599 (农业银行) are 19 digits; 6013 is 中国银行's 长城卡; domestic banks'
credit cards also carry VISA (4), MasterCard (51-55, 2221-2720) and JCB (3528-3589) prefixes,
16 digits. The lengths of the legacy prefixes are [U]: taken from card samples, not from
the issuers' published ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum import luhn

from .flags import BANK_CARD, OCR_MISREAD, Hit
from .idcard import looks_like_id18
from .mask import mask


@dataclass(frozen=True)
class Issuer:
    low: int
    high: int
    lengths: tuple[int, ...]
    name: str

    def holds(self, number: str) -> bool:
        n = len(str(self.low))
        return len(number) in self.lengths and self.low <= int(number[:n]) <= self.high


UNIONPAY = Issuer(62, 62, (16, 17, 18, 19), "银联")
ISSUERS = (
    UNIONPAY,
    Issuer(9558, 9558, (19,), "工商银行借记卡"),
    Issuer(95599, 95599, (19,), "农业银行借记卡"),
    Issuer(6013, 6013, (16, 19), "中国银行长城卡"),
    Issuer(4, 4, (16,), "VISA"),
    Issuer(51, 55, (16,), "MasterCard"),
    Issuer(2221, 2720, (16,), "MasterCard"),
    Issuer(3528, 3589, (16,), "JCB"),
)
#: how far before a number a card label may stand
LABEL_REACH = 10
_CARD_LABEL = re.compile(rf"(卡号|银行卡|借记卡|信用卡|储蓄卡|社保卡)[^\n]{{0,{LABEL_REACH}}}$")
#: 16-19 digits in one run, or printed in groups of four (6222 0212 3456 7890 123)
_CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z])(\d{16,19}|\d{4}(?:[ \-]\d{4}){3}(?:[ \-]\d{1,3})?|\d{6}[ \-]\d{10,13})"
    r"(?![0-9A-Za-z])"
)
_SEPARATOR = re.compile(r"[ \-]")


def issuer(number: str) -> Issuer | None:
    return next((i for i in ISSUERS if i.holds(number)), None)


def find(text: str, ocr: bool = False) -> list[Hit]:
    """The card numbers in `text`. In text read by OCR a UnionPay-shaped number whose Luhn
    digit is wrong is flagged too: a misread digit must not hide a leak."""
    out = []
    for m in _CANDIDATE.finditer(text):
        raw = m.group(1)
        number = _SEPARATOR.sub("", raw)
        if not 16 <= len(number) <= 19:
            continue
        if looks_like_id18(number):  # a valid ID is flagged as one; a wrong one is a look-alike
            continue
        found = issuer(number)
        if found is None:
            before = text[max(0, m.start() - LABEL_REACH - 6) : m.start()]
            if not _CARD_LABEL.search(before):
                continue
        if not luhn.is_valid(number):  # after the prefix: Luhn is the costly test
            if ocr and found is UNIONPAY:
                out.append(Hit(BANK_CARD, m.start(1), m.end(1), mask(raw, 4, 4), OCR_MISREAD))
            continue
        detail = found.name if found else "卡号标注"
        out.append(Hit(BANK_CARD, m.start(1), m.end(1), mask(raw, 4, 4), detail))
    return out
