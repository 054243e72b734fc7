"""P- cases: table 1."""

from . import Case

CASES = [
    Case("P-1", "pass", "counts"),
    Case(
        "P-1",
        "fail",
        "negative-repealed",
        cells={"t1.normative_docs.repealed": "-2"},
        flagged=("t1.normative_docs.repealed",),
    ),
    Case("P-1", "uncertain", "unreadable", cells={"t1.normative_docs.valid": "十"}),
    Case("P-2", "pass", "repealed-within-stock", previous={}),
    Case(
        "P-2",
        "fail",
        "repealed-more-than-existed",
        cells={"t1.normative_docs.repealed": 12},
        previous={},
        flagged=("t1.normative_docs.repealed",),
    ),
    Case(
        "P-2", "uncertain", "last-year-blank", previous={"cells": {"t1.normative_docs.valid": ""}}
    ),
]
