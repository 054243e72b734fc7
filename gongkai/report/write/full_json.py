"""The whole `Report` as JSON: metadata, the six parts' text and every cell with its raw text,
state, value and source. `read.json.read_json` is its exact inverse, so a parsed report can be
saved, corrected by hand and rendered again (`gongkai render REPORT.json`).
"""

from __future__ import annotations

import json

from ..file_marks import KIND, SCHEMA
from ..model import Report

SUFFIX = ".json"


def _date(d):
    return d.isoformat() if d else None


def to_dict(report: Report) -> dict:
    order = list(report.format.specs)
    keys = sorted(report.cells, key=lambda k: order.index(k) if k in order else len(order))
    return {
        "kind": KIND,
        "schema": SCHEMA,
        "format": report.format.version,
        "agency": report.agency,
        "year": report.year,
        "title": report.title,
        "agency_kind": report.agency_kind.value if report.agency_kind else None,
        "signed_on": _date(report.signed_on),
        "published_on": _date(report.published_on),
        "can_make_rules": report.can_make_rules,
        "source_file": report.source_file,
        "source_kind": report.source_kind,
        "layout": dict(report.layout),
        "notes": list(report.notes),
        "parts": {str(n): p.to_dict() for n, p in sorted(report.parts.items())},
        "cells": {k: report.cells[k].to_dict() for k in keys},
    }


def write(report: Report) -> bytes:
    return (json.dumps(to_dict(report), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
