"""L- cases: table 3."""

from . import Case

CASES = [
    Case("L-1", "pass", "groups-sum"),
    Case(
        "L-1", "fail", "printed-total-0", cells={"t3.review.total": 0}, flagged=("t3.review.total",)
    ),
    Case(
        "L-1",
        "fail",
        "after-review-total-0",
        cells={"t3.litigation_after_review.maintained": 5},
        flagged=("t3.litigation_after_review.maintained", "t3.litigation_after_review.total"),
    ),
    Case("L-1", "uncertain", "blank-outcome", cells={"t3.review.corrected": "—"}),
    Case("L-2", "pass", "no-lawsuits-after-review"),
    Case(
        "L-2",
        "fail",
        "lawsuit-after-review-without-reviews",
        cells={
            "t3.review.maintained": 0,
            "t3.review.pending": 0,
            "t3.review.total": 0,
            "t3.litigation_after_review.pending": 1,
            "t3.litigation_after_review.total": 1,
        },
        previous={
            "cells": {"t3.review.maintained": 0, "t3.review.pending": 0, "t3.review.total": 0}
        },
        flagged=("t3.litigation_after_review.total",),
    ),
    Case(
        "L-2",
        "pass",
        "reviews-last-year",
        cells={
            "t3.review.maintained": 0,
            "t3.review.pending": 0,
            "t3.review.total": 0,
            "t3.litigation_after_review.pending": 1,
            "t3.litigation_after_review.total": 1,
        },
        previous={},
    ),
    Case(
        "L-2",
        "uncertain",
        "needs-last-year",
        cells={
            "t3.review.maintained": 0,
            "t3.review.pending": 0,
            "t3.review.total": 0,
            "t3.litigation_after_review.pending": 1,
            "t3.litigation_after_review.total": 1,
        },
    ),
]
