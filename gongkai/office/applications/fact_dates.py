"""The range a recorded fact's date may take: from the day the 2019 条例 took effect (国务院令
第711号, 施行 2019-05-15; the clock encodes its rules, not the 2007 ones) up to today. Every form,
import and the intake service ask here, so the annual list cannot grow to 28 years."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

IN_FORCE = dt.date(2019, 5, 15)


def problem(day: dt.date | None, what: str = "日期") -> str | None:
    """Why `day` cannot be the date of a recorded fact, or None when it can."""
    if day is None:
        return None
    if day < IN_FORCE:
        return f"{what}不能早于2019年5月15日（现行《中华人民共和国政府信息公开条例》施行之日）。"
    today = timezone.localdate()
    if day > today:
        return f"{what}不能晚于今天（{today:%Y-%m-%d}）。"
    return None
