"""A published version is the full JSON of the `Report` (write.full_json), read back exactly."""

from __future__ import annotations

from gongkai.report.model import Report


def snapshot_of(report: Report) -> dict:
    from gongkai.report.write.full_json import to_dict

    return to_dict(report)


def report_from_snapshot(snapshot: dict) -> Report:
    from gongkai.report.read.json import from_dict

    return from_dict(snapshot)
