"""R- cases: table 2."""

from . import MISSING, Case

NP, CE, TOT, SUB = "natural_person", "commercial_enterprise", "total", "org_subtotal"


def t2(row, col):
    return f"t2.{row}.{col}"


CASES = [
    Case("R-1", "pass", "balanced"),
    Case(
        "R-1",
        "fail",
        "one-vanished",
        cells={
            t2("processed_total", NP): 4,
            t2("granted", NP): 2,
            t2("processed_total", TOT): 5,
            t2("granted", TOT): 3,
        },
        flagged=(t2("processed_total", NP),),
    ),
    Case("R-1", "uncertain", "unreadable-operand", cells={t2("carried_over_in", NP): "x1"}),
    Case(
        "R-1",
        "fail",
        "org-subtotal-column",
        cells={
            t2(r, SUB): v
            for r, v in (
                ("new_received", 1),
                ("carried_over_in", 0),
                ("processed_total", 2),
                ("carried_over_out", 0),
            )
        },
        flagged=(t2("processed_total", SUB),),
    ),
    Case("R-2", "pass", "leaves-sum"),
    Case(
        "R-2",
        "fail",
        "leaf-missing-from-total",
        cells={t2("denied.third_party", NP): 1, t2("denied.third_party", TOT): 1},
        flagged=(t2("denied.third_party", NP), t2("processed_total", NP)),
    ),
    Case("R-2", "uncertain", "blank-leaf", cells={t2("denied.state_secret", NP): ""}),
    Case(
        "R-2",
        "pass",
        "single-row-other-used-as-leaf",
        layout={"t2.other": "single_row"},
        cells={
            **{
                t2(f"other.{i}", c): MISSING
                for i in ("no_correction", "fee_unpaid", "other")
                for c in (
                    NP,
                    CE,
                    "research_institution",
                    "public_welfare_org",
                    "legal_service_org",
                    "other_org",
                    TOT,
                )
            },
            t2("other", NP): 1,
            t2("other", TOT): 1,
        },
    ),
    Case(
        "R-2",
        "fail",
        "single-row-other-wrong",
        layout={"t2.other": "single_row"},
        cells={
            **{
                t2(f"other.{i}", c): MISSING
                for i in ("no_correction", "fee_unpaid", "other")
                for c in (
                    NP,
                    CE,
                    "research_institution",
                    "public_welfare_org",
                    "legal_service_org",
                    "other_org",
                    TOT,
                )
            },
            t2("other", NP): 2,
            t2("other", TOT): 2,
        },
        flagged=(t2("other", NP),),
    ),
    Case("R-3", "pass", "rows-sum"),
    Case(
        "R-3", "fail", "total-short", cells={t2("granted", TOT): 3}, flagged=(t2("granted", TOT),)
    ),
    Case(
        "R-3",
        "fail",
        "total-blank-over-parts",
        cells={t2("granted", TOT): ""},
        flagged=(t2("granted", TOT),),
    ),
    Case("R-3", "uncertain", "blank-part", cells={t2("granted", CE): "", t2("granted", TOT): 4}),
    Case(
        "R-3",
        "fail",
        "org-subtotal-row",
        cells={t2("granted", SUB): 2},
        flagged=(t2("granted", SUB),),
    ),
    Case("R-4", "pass", "subtotal-row-sums", cells={t2("unable", NP): 1, t2("unable", TOT): 1}),
    Case(
        "R-4",
        "fail",
        "subtotal-row-off",
        cells={t2("unable", NP): 2, t2("unable", TOT): 2},
        flagged=(t2("unable", NP),),
    ),
    Case(
        "R-4",
        "uncertain",
        "subtotal-row-unreadable",
        cells={t2("unable", NP): "?", t2("unable", TOT): 1},
    ),
    Case("R-5", "pass", "within-bound"),
    Case(
        "R-5",
        "fail",
        "swapped-rows",
        cells={t2("carried_over_out", CE): 3, t2("carried_over_out", TOT): 4},
        flagged=(t2("carried_over_out", CE),),
    ),
    Case("R-5", "uncertain", "new-unreadable", cells={t2("new_received", NP): "五"}),
    Case("R-7", "pass", "no-fee-rows"),
    Case(
        "R-7",
        "fail",
        "fee-unpaid-with-few-applications",
        cells={t2("other.fee_unpaid", NP): 1, t2("other.fee_unpaid", TOT): 1},
        flagged=(t2("other.fee_unpaid", TOT),),
    ),
    Case(
        "R-7",
        "uncertain",
        "new-total-blank",
        cells={t2("new_received", TOT): "", t2("not_processed.excessive", TOT): 1},
    ),
]
