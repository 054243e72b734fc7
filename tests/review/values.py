"""Test values made with their check digits computed here, never copied from real people:
identity numbers (GB 11643), mobile numbers, card numbers (Luhn) and 统一社会信用代码 (GB 32100),
with look-alikes that differ from them only in what the scanner must check."""

from __future__ import annotations

import datetime as dt
import random

from stdnum import luhn
from stdnum.cn import ric, uscc

#: division codes of a few counties (武汉市江汉区, 北京市海淀区, 兰州市城关区, 十堰市竹山县)
COUNTIES = ("420103", "110108", "620102", "420323")
#: mobile prefixes allocated by MIIT to the three carriers (a sample)
MOBILE_PREFIXES = (
    "134",
    "138",
    "139",
    "150",
    "158",
    "182",
    "187",
    "130",
    "186",
    "133",
    "189",
    "199",
)
#: (prefix, length) of cards issued in China: UnionPay debit and credit, ICBC/ABC legacy, VISA
CARD_PREFIXES = (
    ("622202", 19),
    ("621700", 19),
    ("622588", 16),
    ("9558", 19),
    ("95599", 19),
    ("4367", 16),
)


def id_number(rng: random.Random, born: dt.date | None = None, county: str | None = None) -> str:
    born = born or dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 70))
    body = (county or rng.choice(COUNTIES)) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def wrong_check(number: str) -> str:
    """`number` with its last character replaced by any other check character."""
    others = [c for c in "0123456789X" if c != number[-1]]
    return number[:-1] + others[sum(map(ord, number)) % len(others)]


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def card(rng: random.Random, prefix: str | None = None, length: int | None = None) -> str:
    if prefix is None:
        prefix, length = rng.choice(CARD_PREFIXES)
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def bad_luhn(number: str) -> str:
    last = int(number[-1])
    return number[:-1] + str((last + 1 + sum(map(int, number)) % 9) % 10)


def credit_code(rng: random.Random, digits_only: bool = False) -> str:
    """A 统一社会信用代码: 登记管理部门 9 (工商) 1 (企业), division code, 9-character body."""
    alphabet = "0123456789" if digits_only else "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + rng.choice(COUNTIES) + "".join(rng.choice(alphabet) for _ in range(9))
    return body + uscc.calc_check_digit(body + "0")
