"""Reading a received file, in the background worker (never in a web request).

A submission is claimed by one worker (an atomic state change, so two workers never read the
same file), read into a Report, matched to its agency and year by its title among the roster
(else it waits for a person), checked against the same agency's previous year, and given its
risk flags against the other reports of its year. The report is kept as its full JSON.
"""

from __future__ import annotations

from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from gongkai.report.checks import Severity, iter_findings, ordered
from gongkai.report.model import AgencyKind, Report
from gongkai.report.read import ReadError, read_path
from gongkai.report.read.json import from_dict
from gongkai.report.write.full_json import to_dict
from gongkai.supervision.pairing import same_agency
from gongkai.supervision.risk import Region, flags

from .models import Submission
from .roster import roster

S = Submission.State


def claim_next() -> Submission | None:
    """The oldest queued submission, now marked as being read by this worker."""
    for pk in Submission.objects.filter(state=S.QUEUED).order_by("id").values_list("pk", flat=True):
        if Submission.objects.filter(pk=pk, state=S.QUEUED).update(state=S.READING):
            return Submission.objects.get(pk=pk)
    return None


def work(limit: int | None = None) -> int:
    """Read queued submissions until none is left (or `limit`); how many were read."""
    done = 0
    while limit is None or done < limit:
        sub = claim_next()
        if sub is None:
            break
        process(sub)
        done += 1
    return done


def process(sub: Submission) -> None:
    try:
        report = read_path(sub.file.path)
    except ReadError as e:
        _fail(sub, str(e).replace(sub.file.path, sub.name))
        return
    except Exception as e:  # noqa: BLE001 - one broken file must not stop the worker
        _fail(sub, f"读取时出错：{type(e).__name__}: {e}")
        return
    sub.title = (report.title or "")[:300]
    sub.printed_agency = (report.agency or "")[:200]
    sub.printed_year = report.year
    if sub.agency_id is None:
        _match(sub, report)
    evaluate(sub, report)
    sub.state = S.DONE
    sub.read_at = timezone.now()
    sub.save()


def receive(office, path: Path) -> Submission:
    """A file from the command line (`gongkai import-reports`): kept like an upload, read now
    in this process rather than queued for the worker; an unopenable file is recorded as failed."""
    sub = Submission(office=office, name=path.name[:255], state=S.READING)
    try:
        with path.open("rb") as f:
            sub.file.save(path.name, File(f), save=False)
    except OSError as e:
        sub.save()
        _fail(sub, f"无法打开文件：{e.strerror}")
        return sub
    sub.save()
    process(sub)
    return sub


def _fail(sub: Submission, why: str) -> None:
    sub.state, sub.error, sub.read_at = S.FAILED, why, timezone.now()
    sub.save(update_fields=["state", "error", "read_at"])


def _match(sub: Submission, report: Report) -> None:
    """The roster agency whose name the report prints, when exactly one matches."""
    if report.year is None or not report.agency:
        return
    found = [
        o.agency
        for o in roster(sub.office, report.year)
        if same_agency(report.agency, o.agency.name)
    ]
    if len(found) == 1:
        sub.agency, sub.year, sub.matched = found[0], report.year, Submission.Match.TITLE


def report_of(sub: Submission) -> Report:
    return from_dict(sub.report)


def latest(office, agency, year) -> Submission | None:
    return (
        Submission.objects.filter(office=office, agency=agency, year=year, state=S.DONE)
        .order_by("-read_at", "-id")
        .first()
    )


def evaluate(sub: Submission, report: Report) -> None:
    """Findings (with last year's report when the office has it), counts and risk flags.
    The agency's kind and rule-making power come from its record, not from a guess at its
    printed name, so S-5 and the board read the same 第四十九条 deadline."""
    previous = None
    if sub.agency_id:
        report.agency_kind = AgencyKind(sub.agency.kind)
        report.can_make_rules = sub.agency.can_make_rules
    if sub.agency_id and sub.year:
        last = latest(sub.office, sub.agency, sub.year - 1)
        previous = report_of(last) if last else None
    found = ordered(report, iter_findings(report, previous))
    peers = [report]
    if sub.year:
        others = Submission.objects.filter(office=sub.office, year=sub.year, state=S.DONE)
        peers += [report_of(o) for o in others.exclude(pk=sub.pk).exclude(agency=sub.agency)]
    sub.report = to_dict(report)
    sub.findings = [f.to_dict() for f in found]
    sub.flags = [
        {"flag": f.code, "label": f.label, "evidence": f.evidence, "cells": list(f.cells)}
        for f in flags(report, found, Region(peers))
    ]
    sub.errors = sum(1 for f in found if f.is_error)
    sub.warnings = sum(1 for f in found if f.failed and f.severity is Severity.WARN)
    sub.unreadable = len(report.unreadable)
    if report.published_on is not None:
        sub.dated_on, sub.date_used = report.published_on, "网站发布日期"
    elif report.signed_on is not None:
        sub.dated_on, sub.date_used = report.signed_on, "落款日期"


@transaction.atomic
def assign(sub: Submission, agency, year: int) -> None:
    """A person names the agency and year of a file the title did not match: checked again
    with that agency's previous year."""
    sub.agency, sub.year, sub.matched = agency, year, Submission.Match.MANUAL
    if sub.report is not None:
        evaluate(sub, report_of(sub))
    sub.save()
