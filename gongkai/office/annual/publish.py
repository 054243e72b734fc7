"""Publishing: check, then freeze the compiled report as a numbered version with its date.

条例第四十九条: the report is published by 1月31日 (3月31日 for a county-or-higher government's
own-level report); the version keeps its date so lateness stays visible (S-5). A change after
publication is a new version with a reason: the published figures are never rewritten.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.report.model import Report

from .checking import blocking, findings
from .compile import compile_report
from .models import AnnualReport, ReportVersion
from .snapshot import report_from_snapshot, snapshot_of


class PublishRefused(Exception):
    """An ERROR finding stands, or a re-publication has no reason; `errors` says which."""

    def __init__(self, message: str, errors=()):
        super().__init__(message)
        self.errors = list(errors)


def latest_version(agency, year: int, number: int | None = None) -> ReportVersion | None:
    """The latest published version of `year` (or version `number`), None while unpublished."""
    versions = ReportVersion.objects.filter(report__agency=agency, report__year=year)
    if number is not None:
        return versions.filter(number=number).first()
    return versions.order_by("-number").first()


def latest_versions(agency) -> list[ReportVersion]:
    """The latest published version of each year, newest year first."""
    latest: dict[int, ReportVersion] = {}
    for v in (
        ReportVersion.objects.filter(report__agency=agency)
        .select_related("report")
        .order_by("number")
    ):
        latest[v.report.year] = v
    return [latest[y] for y in sorted(latest, reverse=True)]


def published_report(agency, year: int) -> Report | None:
    """The latest published version of `year`, as it was frozen."""
    version = latest_version(agency, year)
    return report_from_snapshot(version.snapshot) if version else None


def compiled_with_checks(agency, year: int, published_on: dt.date | None = None):
    """(report, findings): the draft as compiled now, checked against last year's published
    version; with `published_on`, dated as it would be if published that day (S-5)."""
    report = compile_report(agency, year)
    if published_on is not None:
        report.published_on = report.signed_on = published_on
    return report, findings(report, previous=published_report(agency, year - 1))


def date_refusal(year: int, published_on: dt.date, last: ReportVersion | None) -> str:
    """Why `published_on` cannot be the stated date of a version of `year`'s report ("" if it
    can): a report covers a finished year (条例第四十九条: published after it, by 1月31日), is not
    dated ahead of the day it is recorded, and a new version is not older than the one it
    replaces. A backdated date would hide lateness (S-5); the server's time is kept anyway."""
    today = timezone.localdate()
    if published_on > today:
        return f"发布日期不能晚于今天（{today}）。"
    if published_on <= dt.date(year, 12, 31):
        return f"{year}年度报告应在该年度结束后发布，发布日期应晚于{year}年12月31日。"
    if last is not None and published_on < last.published_on:
        return f"发布日期不能早于上一版（第{last.number}版）的发布日期{last.published_on}。"
    return ""


@transaction.atomic
def publish(agency, year: int, by, published_on: dt.date, reason: str = "") -> ReportVersion:
    entry, _ = AnnualReport.objects.get_or_create(agency=agency, year=year)
    entry = AnnualReport.objects.select_for_update().get(pk=entry.pk)
    last = entry.versions.order_by("-number").first()
    if last and not reason.strip():
        raise PublishRefused("已发布过的报告再次发布，须说明修改原因。")
    refusal = date_refusal(year, published_on, last)
    if refusal:
        raise PublishRefused(refusal)
    report, found = compiled_with_checks(agency, year, published_on)
    errors = blocking(found)
    if errors:
        raise PublishRefused(f"有{len(errors)}项错误未解决，不能发布。", errors)
    return ReportVersion.objects.create(
        report=entry,
        number=(last.number + 1) if last else 1,
        published_on=published_on,
        reason=reason.strip(),
        snapshot=snapshot_of(report),
        findings=[f.to_dict() for f in found if f.failed],
        published_by=by,
    )
