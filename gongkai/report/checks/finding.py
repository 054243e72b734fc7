"""What a check says about a report: one `Finding` per rule application.

Its fixed fields (rule, title, severity, cells, expected, actual, message) are those of a
jsonschema error: enough to act on without reading the rule's code. Every finding names the cells it concerns (cell keys of `formats`) and where they were printed
(`Source`), so a person can see the number at once. A finding is either a pass, a fail or
uncertain: uncertain means an operand was blank, "/", unreadable or missing, so the rule could
not be answered without guessing a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from ..model import Source


class Severity(str, Enum):
    """domain-spec §4: ERROR breaks an identity of the format, WARN is very likely a mistake,
    INFO is worth a human look."""

    ERROR = "ERROR"
    WARN = "WARN"
    INFO = "INFO"

    @property
    def rank(self) -> int:
        return ("ERROR", "WARN", "INFO").index(self.value)

    @property
    def label(self) -> str:
        return {"ERROR": "错误", "WARN": "警告", "INFO": "提示"}[self.value]


class Outcome(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    UNCERTAIN = "uncertain"

    @property
    def rank(self) -> int:
        return ("fail", "uncertain", "pass").index(self.value)

    @property
    def label(self) -> str:
        return {"pass": "通过", "fail": "不通过", "uncertain": "无法判断"}[self.value]


@dataclass(frozen=True)
class Finding:
    rule: str  # spec ID, e.g. "R-1"
    severity: Severity
    outcome: Outcome
    message: str  # Chinese, names the cells and printed values
    cells: tuple[str, ...] = ()  # cell keys of this report the finding is about
    evidence: Mapping[str, Any] = field(default_factory=dict)  # printed values, sums, quotes
    sources: Mapping[str, Source] = field(
        default_factory=dict
    )  # cell key / "第N部分" → where printed
    parts: tuple[int, ...] = ()  # text parts (1..6) the finding is about
    title: str = ""  # the rule's title (registry), so a finding reads on its own
    expected: Any = None  # what the rule wanted (a sum, a date, a stated figure), when it has one
    actual: Any = None  # what the report printed in its place

    @property
    def failed(self) -> bool:
        return self.outcome is Outcome.FAIL

    @property
    def is_error(self) -> bool:
        """A broken ERROR rule: what makes `gongkai check` exit 1."""
        return self.failed and self.severity is Severity.ERROR

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "title": self.title,
            "severity": self.severity.value,
            "outcome": self.outcome.value,
            "message": self.message,
            "cells": list(self.cells),
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "parts": list(self.parts),
            "evidence": {k: _plain(v) for k, v in self.evidence.items()},
            "sources": {k: s.to_dict() for k, s in self.sources.items()},
        }

    @classmethod
    def from_dict(cls, d: dict) -> Finding:
        """The inverse of `to_dict`, for findings stored with a report (evidence as stored)."""
        return cls(
            d["rule"],
            Severity(d["severity"]),
            Outcome(d["outcome"]),
            d["message"],
            tuple(d.get("cells", ())),
            d.get("evidence", {}),
            {k: Source.from_dict(v) for k, v in d.get("sources", {}).items()},
            tuple(d.get("parts", ())),
            d.get("title", ""),
            d.get("expected"),
            d.get("actual"),
        )


def _plain(v: Any) -> Any:
    """JSON-safe evidence: Decimals as strings keep the printed precision."""
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return v
