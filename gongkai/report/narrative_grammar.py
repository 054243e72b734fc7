"""How a report's narrative writes its figures, for the sentences gongkai drafts and the T-
checks that read them back: one grammar, so a drafted sentence never fails its own check.

A share is a percentage rounded half up (四舍五入, as reports and spreadsheets round), never
binary floating point: 1003 of 2000 is 50.15%, written 50.2%, where f"{50.15:.1f}" gives 50.1.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SHARE_PLACES = 1  # "占50.2%": one decimal place, as the reports print it


def share(part, total, places: int = SHARE_PLACES) -> Decimal | None:
    """`part` of `total` in per cent, rounded half up to `places` decimals (None without a total)."""
    if not total:
        return None
    exact = Decimal(100) * Decimal(part) / Decimal(total)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def share_text(part, total, places: int = SHARE_PLACES) -> str:
    """ "50.2%", or "" without a total (no share is written of nothing)."""
    value = share(part, total, places)
    return "" if value is None else f"{value}%"
