"""The board's row for an agency follows the records it comes from: the office's latest file
read, or a version published in gongkai's own office when that is dated later; a file given
to another agency leaves its old row; sorting, the status filter and the name search run over
the whole roster, not the page."""

import datetime as dt

from gongkai.office.annual.models import AnnualReport, ReportVersion
from gongkai.office.supervision.models import Submission, Task
from gongkai.office.supervision.standing import rebuild

ERROR = {"rule": "T-1", "outcome": "fail", "severity": "ERROR", "message": "合计不符"}


def _read(office, agency, *, on, errors=0, flags=(), year=2024, **more):
    """A file the worker has read for `office` (the board only reads its stored counts)."""
    return Submission.objects.create(
        office=office,
        agency=agency,
        year=year,
        name=f"{agency.name}{on}.pdf",
        file="supervision/x.pdf",
        state="done",
        errors=errors,
        flags=[{"flag": f, "label": f, "evidence": "", "cells": []} for f in flags],
        dated_on=on,
        date_used="落款日期",
        read_at=dt.datetime.combine(on, dt.time(), tzinfo=dt.UTC),
        **more,
    )


def _published(agency, on, errors, year=2024):
    report = AnnualReport.objects.get_or_create(agency=agency, year=year)[0]
    return ReportVersion.objects.create(
        report=report,
        number=report.versions.count() + 1,
        published_on=on,
        snapshot={},
        findings=[ERROR] * errors,
    )


def _row(client, county, agency, query=""):
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024{query}")
    return page.content.decode().split(f'id="agency-{agency.pk}"')[1].split("</tr>")[0]


def test_the_later_dated_of_an_upload_and_a_publication_counts(client, county, bureau, supervisor):
    client.force_login(supervisor)
    _read(county, bureau, on=dt.date(2025, 1, 20), errors=3, flags=["重复去年"])
    row = _row(client, county, bureau)
    assert '<td class="errors">3</td>' in row and "上传" in row and "重复去年" in row

    _published(bureau, dt.date(2025, 2, 3), errors=1)  # a correction published here, later
    row = _row(client, county, bureau)
    assert '<td class="errors">1</td>' in row and "本系统发布" in row and "逾期3天" in row
    assert "重复去年" not in row  # the flags were the upload's

    _read(county, bureau, on=dt.date(2025, 2, 5), errors=0)  # a later file again
    row = _row(client, county, bureau)
    assert '<td class="errors">0</td>' in row and "上传" in row and "逾期5天" in row


def test_a_file_given_to_another_agency_leaves_its_old_row(
    client, county, bureau, town, supervisor
):
    client.force_login(supervisor)
    sub = _read(county, bureau, on=dt.date(2025, 1, 10), errors=2)
    assert '<td class="errors">2</td>' in _row(client, county, bureau)
    sub.agency = town
    sub.save()
    assert "未提交" in _row(client, county, bureau)
    assert '<td class="errors">2</td>' in _row(client, county, town)


def test_sort_filter_and_search_run_over_the_whole_roster(client, county, supervisor):
    from gongkai.office.agencies.models import Agency

    agencies = Agency.objects.bulk_create(
        [Agency(name=f"某县第{i:03d}局", kind="department", parent=county) for i in range(70)]
    )
    worst, late = agencies[64], agencies[66]
    _read(county, worst, on=dt.date(2025, 1, 5), errors=9)
    _read(county, late, on=dt.date(2025, 2, 11), errors=1)
    Task.objects.create(
        office=county,
        agency=late,
        year=2024,
        finding="合计不符",
        request="改正",
        due_on=dt.date(2025, 3, 1),
    )
    client.force_login(supervisor)

    first = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&sort=-errors")
    text = first.content.decode()
    assert text.index(f'id="agency-{worst.pk}"') < text.index(f'id="agency-{late.pk}"')
    assert "共71个应报单位" in text and text.count('<tr id="agency-') == 50

    tasks = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&sort=-tasks")
    assert tasks.content.decode().split('<tr id="agency-')[1].startswith(f'{late.pk}"')

    filtered = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&status=late")
    text = filtered.content.decode()
    assert text.count('<tr id="agency-') == 1 and "逾期11天" in text and "共1个" in text

    missing = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&status=missing")
    assert "共69个应报单位" in missing.content.decode()  # 68 departments and the county

    found = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&q=第06")
    assert found.content.decode().count('<tr id="agency-') == 10
    literal = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&q=%25")
    assert literal.content.decode().count('<tr id="agency-') == 0  # a % is a character

    past = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&page=99")
    assert "第2/2页" in past.content.decode()  # past the end: the last page


def test_rebuild_derives_the_same_rows_as_the_saves(county, bureau, town):
    _read(county, bureau, on=dt.date(2025, 1, 10), errors=2, flags=["a", "a", "b"])
    _read(county, bureau, on=dt.date(2025, 1, 12), errors=1)
    _published(town, dt.date(2025, 1, 8), errors=2)
    from gongkai.office.supervision.models import Standing

    fields = ("office_id", "agency_id", "year", "errors", "flags", "flag_count", "dated_on")
    kept = set(map(repr, Standing.objects.values_list(*fields)))
    assert rebuild() == 2
    assert set(map(repr, Standing.objects.values_list(*fields))) == kept
    assert repr((county.pk, bureau.pk, 2024, 1, [], 0, dt.date(2025, 1, 12))) in kept
    assert repr((None, town.pk, 2024, 2, [], 0, dt.date(2025, 1, 8))) in kept
