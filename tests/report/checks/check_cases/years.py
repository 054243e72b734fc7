"""Y- cases: this year against last year."""

from . import Case

SAME_PART5 = {"parts": {5: "一是公开不够及时。二是解读形式单一。下一步将加强培训。"}}

CASES = [
    Case("Y-1", "pass", "carried-over-matches", previous={}),
    Case(
        "Y-1",
        "fail",
        "carried-over-differs",
        previous={
            "cells": {"t2.carried_over_out.natural_person": 3, "t2.carried_over_out.total": 3}
        },
        flagged=("t2.carried_over_in.total",),
    ),
    Case("Y-1", "uncertain", "not-consecutive", previous={"meta": {"year": 2021}}),
    Case("Y-2", "pass", "stock-follows", previous={}),
    Case(
        "Y-2",
        "fail",
        "stock-jumps",
        cells={"t1.normative_docs.valid": 15},
        previous={},
        flagged=("t1.normative_docs.valid",),
    ),
    Case("Y-2", "uncertain", "format-change", previous={"version": "2019", "cells": {}}),
    Case(
        "Y-3",
        "pass",
        "items-follow",
        version="2019",
        meta={"year": 2020},
        cells={"t1.licensing.prev_items": 32},
        previous={
            "meta": {"year": 2019},
            "cells": {"t1.licensing.prev_items": 40, "t1.licensing.change": "-8"},
        },
    ),
    Case(
        "Y-3",
        "fail",
        "items-jump",
        version="2019",
        meta={"year": 2020},
        cells={"t1.licensing.prev_items": 40},
        previous={
            "meta": {"year": 2019},
            "cells": {"t1.licensing.prev_items": 40, "t1.licensing.change": "-8"},
        },
        flagged=("t1.licensing.prev_items",),
    ),
    Case(
        "Y-3",
        "uncertain",
        "change-blank",
        version="2019",
        meta={"year": 2020},
        previous={"meta": {"year": 2019}, "cells": {"t1.penalty.change": ""}},
    ),
    Case(
        "Y-4",
        "pass",
        "steady",
        previous={"cells": {"t2.new_received.natural_person": 6, "t2.new_received.total": 6}},
    ),
    Case(
        "Y-4",
        "fail",
        "jump",
        previous={"cells": {"t2.new_received.natural_person": 1, "t2.new_received.total": 1}},
        severity="INFO",
        flagged=("t2.new_received.total",),
    ),
    Case("Y-4", "uncertain", "last-year-blank", previous={"cells": {"t2.new_received.total": ""}}),
    Case("Y-5", "pass", "carried-over-arrives", previous={}),
    Case(
        "Y-5",
        "fail",
        "carried-over-vanishes",
        cells={"t2.carried_over_in.natural_person": 0, "t2.carried_over_in.total": 0},
        previous={},
        flagged=("t2.carried_over_in.natural_person",),
    ),
    Case("Y-5", "uncertain", "not-consecutive", previous={"meta": {"year": 2020}}),
    Case("Y-6", "pass", "new-text", previous={}),
    Case("Y-6", "fail", "part-five-copied", previous=SAME_PART5),
    Case(
        "Y-6",
        "fail",
        "stale-sentence-copied",
        parts={
            1: "2024年，本镇认真贯彻《条例》。2023年，本镇开展了政务公开工作，重点推进决策公开。"
        },
        previous={},
    ),
    Case("Y-6", "uncertain", "no-part-five-last-year", previous={"parts": {5: None}}),
]
