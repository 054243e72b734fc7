"""S- cases: parts, tables, layout, date."""

import datetime as dt

from . import MISSING, Case

OTHER_ITEMS = {
    f"t2.other.{i}.{c}": MISSING
    for i in ("no_correction", "fee_unpaid", "other")
    for c in (
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "public_welfare_org",
        "legal_service_org",
        "other_org",
        "total",
    )
}
SINGLE_OTHER = {**OTHER_ITEMS, "t2.other.natural_person": 1, "t2.other.total": 1}

CASES = [
    Case("S-1", "pass", "six-parts"),
    Case("S-1", "fail", "part-six-missing", parts={6: None}),
    Case("S-2", "pass", "full-tables"),
    Case(
        "S-2",
        "fail",
        "row-missing",
        cells={f"t2.carried_over_in.{c}": MISSING for c in ("natural_person", "total")},
        flagged=("t2.carried_over_in.total",),
    ),
    Case(
        "S-2",
        "fail",
        "local-subtotal-row-is-info",
        cells={"t2.denied.total": 0},
        severity="INFO",
        flagged=("t2.denied.total",),
    ),
    Case(
        "S-2",
        "pass",
        "single-row-other-not-missing",
        layout={"t2.other": "single_row"},
        cells=SINGLE_OTHER,
    ),
    Case("S-3", "pass", "2021-layout-2024"),
    Case(
        "S-3",
        "fail",
        "single-row-other-after-2021",
        layout={"t2.other": "single_row"},
        cells=SINGLE_OTHER,
        flagged=("t2.other.total",),
    ),
    Case("S-3", "fail", "2019-layout-for-2022", version="2019", meta={"year": 2022}),
    Case("S-3", "fail", "2021-layout-for-2020-is-info", meta={"year": 2020}, severity="INFO"),
    Case("S-3", "pass", "2019-layout-for-2020", version="2019", meta={"year": 2020}),
    Case("S-3", "uncertain", "year-unknown", meta={"year": None}),
    Case("S-4", "pass", "five-aspects"),
    Case(
        "S-4",
        "fail",
        "no-supervision",
        parts={1: "2024年，本镇做好主动公开和依申请公开，加强政府信息管理和平台建设。"},
    ),
    Case("S-4", "uncertain", "no-part-one", parts={1: None}),
    Case("S-5", "pass", "signed-in-january"),
    Case(
        "S-5",
        "fail",
        "department-late",
        meta={"agency": "某某县财政局", "signed_on": dt.date(2025, 2, 10)},
    ),
    Case(
        "S-5",
        "fail",
        "published-late-though-signed-early",
        meta={"published_on": dt.date(2025, 2, 1)},
    ),
    Case("S-5", "uncertain", "no-date", meta={"signed_on": None}),
]
