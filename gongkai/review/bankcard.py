"""银行卡号: payment card numbers, by issuer prefix, length, the Luhn check digit and context.

Luhn alone passes one random number in ten, so a number is a card number only when its
prefix and length are those of a card issued in China as well (the table below), and its
context does not say otherwise: the nearest label before it decides. A serial label
(流水号, 订单号, 编号 …) makes it a serial; a domestic prefix (银联 62, the legacy debit
prefixes) needs no label, while an international one (VISA 4, MasterCard, JCB), which any
serial number of a random first digit may look like, needs a card label (卡号, 信用卡,
账户 …); a number of no known prefix counts only after a card label. An 18-digit
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
    #: an international prefix: a card only after a card label
    needs_label: bool = False

    def holds(self, number: str) -> bool:
        n = len(str(self.low))
        return len(number) in self.lengths and self.low <= int(number[:n]) <= self.high


UNIONPAY = Issuer(62, 62, (16, 17, 18, 19), "银联")
ISSUERS = (
    UNIONPAY,
    Issuer(9558, 9558, (19,), "工商银行借记卡"),
    Issuer(95599, 95599, (19,), "农业银行借记卡"),
    Issuer(6013, 6013, (16, 19), "中国银行长城卡"),
    Issuer(4, 4, (16,), "VISA", needs_label=True),
    Issuer(51, 55, (16,), "MasterCard", needs_label=True),
    Issuer(2221, 2720, (16,), "MasterCard", needs_label=True),
    Issuer(3528, 3589, (16,), "JCB", needs_label=True),
)
#: how far before a number its label may stand
LABEL_REACH = 10
CARD_LABELS = (
    "卡号",
    "银行卡",
    "借记卡",
    "信用卡",
    "储蓄卡",
    "社保卡",
    "账号",
    "账户",
    "帐号",
    "帐户",
)
SERIAL_LABELS = (
    "流水号",
    "订单号",
    "单号",
    "编号",
    "编码",
    "代码",
    "序号",
    "序列号",
    "批次号",
    "条码",
    "凭证号",
    "票号",
    "发票号",
    "受理号",
    "登记号",
    "文号",
)
#: the labels in the reach before a number, the nearest last
_LABEL = re.compile("|".join(sorted(CARD_LABELS + SERIAL_LABELS, key=len, reverse=True)))
#: 16-19 digits in one run, or printed in groups of four (6222 0212 3456 7890 123)
_CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z])(\d{16,19}|\d{4}(?:[ \-]\d{4}){3}(?:[ \-]\d{1,3})?|\d{6}[ \-]\d{10,13})"
    r"(?![0-9A-Za-z])"
)
_SEPARATOR = re.compile(r"[ \-]")


def issuer(number: str) -> Issuer | None:
    return next((i for i in ISSUERS if i.holds(number)), None)


def _nearest_label(text: str, at: int) -> str | None:
    """The last label within LABEL_REACH characters of the line before `at`, if any."""
    before = text[max(0, at - LABEL_REACH - 3) : at].rsplit("\n", 1)[-1]
    labels = _LABEL.findall(before)
    return labels[-1] if labels else None


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
        label = _nearest_label(text, m.start())
        if label in SERIAL_LABELS:
            continue
        if label is None and (found is None or found.needs_label):
            continue
        if not luhn.is_valid(number):  # after the prefix: Luhn is the costly test
            if ocr and found is UNIONPAY:
                out.append(Hit(BANK_CARD, m.start(1), m.end(1), mask(raw, 4, 4), OCR_MISREAD))
            continue
        detail = found.name if found else "卡号标注"
        out.append(Hit(BANK_CARD, m.start(1), m.end(1), mask(raw, 4, 4), detail))
    return out
