"""Keeping `Standing`, the board's row per agency, year and source, in step with the records it
is derived from: a file read or reassigned (`Submission`), a version published in gongkai's
own office (`ReportVersion`). Signals call `kept_upload` and `kept_published` on every save,
so no path that writes those records can leave the board behind; `rebuild` recomputes every
row (the migration that adds the table, and records written with `bulk_create`).

Every function takes the app registry so the migration runs it with its historical models.
"""

from __future__ import annotations

from django.apps import apps as installed

from gongkai.report.checks import Outcome, Severity

DONE = "done"


def _models(apps):
    return (
        apps.get_model("supervision", "Standing"),
        apps.get_model("supervision", "Submission"),
        apps.get_model("annual", "ReportVersion"),
    )


def published_errors(findings: list) -> int:
    """The ERRORs among a published version's stored findings."""
    return sum(
        1
        for f in findings
        if f.get("outcome") == Outcome.FAIL.value and f.get("severity") == Severity.ERROR.value
    )


def _from_upload(sub) -> dict:
    labels = list(dict.fromkeys(f["label"] for f in sub.flags))
    return {
        "submission_id": sub.pk,
        "dated_on": sub.dated_on,
        "date_used": sub.date_used,
        "errors": sub.errors,
        "warnings": sub.warnings,
        "unreadable": sub.unreadable,
        "flags": labels,
        "flag_count": len(labels),
    }


#: the board's 所用日期 for a version published here (its date is the publication's)
PUBLISHED_DATE = "发布日期"


def _from_version(version) -> dict:
    return {
        "dated_on": version.published_on,
        "date_used": PUBLISHED_DATE,
        "errors": published_errors(version.findings),
    }


def kept_upload(office_id: int, agency_id: int, year: int, apps=installed) -> None:
    """The office's row for the agency's year: its latest file read, or none."""
    Standing, Submission, _ = _models(apps)
    latest = (
        Submission.objects.filter(office_id=office_id, agency_id=agency_id, year=year, state=DONE)
        .order_by("-read_at", "-id")
        .first()
    )
    key = {"office_id": office_id, "agency_id": agency_id, "year": year}
    if latest is None:
        Standing.objects.filter(**key).delete()
    else:
        Standing.objects.update_or_create(**key, defaults=_from_upload(latest))


def kept_published(agency_id: int, year: int, apps=installed) -> None:
    """The agency's published row for the year: its newest version."""
    Standing, _, ReportVersion = _models(apps)
    newest = (
        ReportVersion.objects.filter(report__agency_id=agency_id, report__year=year)
        .order_by("-number")
        .first()
    )
    key = {"office": None, "agency_id": agency_id, "year": year}
    if newest is None:
        Standing.objects.filter(**key).delete()
    else:
        Standing.objects.update_or_create(**key, defaults=_from_version(newest))


def submission_saved(sub) -> None:
    """A file read, failed or reassigned: its own agency's year, and any row it stood for
    before (a reassigned file leaves its old agency's year)."""
    Standing = installed.get_model("supervision", "Standing")
    keys = set(
        Standing.objects.filter(submission_id=sub.pk).values_list("office_id", "agency_id", "year")
    )
    if sub.agency_id and sub.year:
        keys.add((sub.office_id, sub.agency_id, sub.year))
    for key in keys:
        kept_upload(*key)


#: what `rebuild` reads of each record (not the report itself)
UPLOAD_FIELDS = ("office_id", "agency_id", "year", "read_at", "dated_on", "date_used", "errors")
UPLOAD_FIELDS += ("warnings", "unreadable", "flags")
VERSION_FIELDS = ("number", "published_on", "findings", "report__agency_id", "report__year")


def rebuild(apps=installed) -> int:
    """Every row recomputed from the records; how many rows there are."""
    Standing, Submission, ReportVersion = _models(apps)
    uploads, published = {}, {}
    read = Submission.objects.filter(state=DONE, agency__isnull=False, year__isnull=False)
    for sub in read.only(*UPLOAD_FIELDS).order_by("read_at", "id").iterator():
        uploads[(sub.office_id, sub.agency_id, sub.year)] = sub
    versions = ReportVersion.objects.select_related("report").only(*VERSION_FIELDS)
    for v in versions.order_by("number").iterator():
        published[(v.report.agency_id, v.report.year)] = v
    Standing.objects.all().delete()
    rows = [
        Standing(office_id=o, agency_id=a, year=y, **_from_upload(s))
        for (o, a, y), s in uploads.items()
    ]
    rows += [
        Standing(office=None, agency_id=a, year=y, **_from_version(v))
        for (a, y), v in published.items()
    ]
    Standing.objects.bulk_create(rows, batch_size=500)
    return len(rows)
