"""A date given on the command line (`--as-of 2026-03-05`), refused in Chinese when it is not one."""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期（应如 2026-03-05）") from None
