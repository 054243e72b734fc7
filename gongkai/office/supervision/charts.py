"""The figures behind the charts (ECharts, vendored): applications and outcomes over the
years, on-time publication by agency, appeals and their 纠正 share. Sums follow `aggregate`:
an unknown sum is left out of a chart (null), never drawn as 0."""

from __future__ import annotations

from gongkai.report.formats import TABLE2_2021, TABLE3, TOTAL_COLUMN
from gongkai.supervision.aggregate import NUMBER, aggregate

from . import board as boards
from . import region

YEARS_SHOWN = 5
_T = TOTAL_COLUMN.key
RECEIVED = TABLE2_2021.cell_key("new_received", _T)
GRANTED = (TABLE2_2021.cell_key("granted", _T), TABLE2_2021.cell_key("partially_granted", _T))
PROCESSED = TABLE2_2021.cell_key("processed_total", _T)
APPEALS = tuple(TABLE3.cell_key(r, _T) for r in TABLE3.rows)
CORRECTED = tuple(TABLE3.cell_key(r, "corrected") for r in TABLE3.rows)


def _sum(agg, keys):
    totals = [agg.totals[k] for k in keys]
    if any(t.state not in (NUMBER, "blank") for t in totals):
        return None
    return sum(t.value or 0 for t in totals)


def data(office, year: int) -> dict:
    years, received, granted, processed, appeals, share = [], [], [], [], [], []
    for y in range(year - YEARS_SHOWN + 1, year + 1):
        found, _ = region.reports(office, y)
        if not found:
            continue
        agg = aggregate([(a.name, r) for a, r in found])
        years.append(y)
        received.append(_sum(agg, [RECEIVED]))
        granted.append(_sum(agg, GRANTED))
        processed.append(_sum(agg, [PROCESSED]))
        n, c = _sum(agg, APPEALS), _sum(agg, CORRECTED)
        appeals.append(n)
        share.append(round(100 * c / n, 1) if n and c is not None else None)
    rows = boards.rows(office, year)
    return {
        "years": years,
        "received": received,
        "granted": granted,
        "processed": processed,
        "appeals": appeals,
        "corrected_share": share,
        "agencies": [r.name for r in rows],
        "late_days": [r.late_days or 0 for r in rows],
        "status": [r.status_label for r in rows],
    }
