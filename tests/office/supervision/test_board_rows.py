"""The board's rows drawn in Python: a submitted report's name opens it, names and flags are
escaped, and an agency that sent nothing shows blank counts, not zeros."""

import datetime as dt

from gongkai.office.agencies.models import Agency
from gongkai.office.supervision.models import Submission


def _row(page, agency) -> str:
    return page.split(f'id="agency-{agency.pk}"')[1].split("</tr>")[0]


def test_a_row_links_its_report_escapes_its_text_and_leaves_missing_counts_blank(
    client, county, bureau, supervisor
):
    odd = Agency.objects.create(name="某县<b>局</b>", kind="department", parent=county)
    sent = Submission.objects.create(
        office=county,
        agency=odd,
        year=2024,
        name="x.pdf",
        file="supervision/x.pdf",
        state="done",
        errors=0,
        flags=[{"flag": "late", "label": "逾期<发布>", "evidence": "", "cells": []}],
        dated_on=dt.date(2025, 1, 20),
        date_used="落款<日期>",
        read_at=dt.datetime(2025, 2, 1, tzinfo=dt.UTC),
    )
    client.force_login(supervisor)
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content.decode()
    row = _row(page, odd)
    assert f'<a href="/office/supervision/report/{sent.pk}/">某县&lt;b&gt;局&lt;/b&gt;</a>' in row
    assert '<td class="flags">逾期&lt;发布&gt;</td>' in row and "<b>" not in row
    assert '<td>2025-01-20 <span class="muted">落款&lt;日期&gt;</span></td>' in row
    assert '<td class="errors">0</td>' in row  # read, no error: 0
    missing = _row(page, bureau)
    assert "未提交" in missing and '<td class="errors"></td>' in missing and "<a " not in missing
    assert "没有符合条件的机关" not in page


def test_an_empty_board_says_so(client, county, supervisor):
    client.force_login(supervisor)
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&q=无此机关")
    assert "没有符合条件的机关。" in page.content.decode()


def test_added_by_hand_only_when_outside_the_tree_and_listed_once(
    client, county, bureau, supervisor
):
    from gongkai.office.supervision.models import RosterAddition

    vertical = Agency.objects.create(name="某县税务局", kind="department", is_active=False)
    RosterAddition.objects.create(office=county, agency=vertical, year=2024)
    RosterAddition.objects.create(office=county, agency=bureau, year=2024)  # moved in since
    client.force_login(supervisor)
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024").content.decode()
    assert page.count(f'id="agency-{bureau.pk}"') == 1 and "手工添加" not in _row(page, bureau)
    assert "（手工添加）" in _row(page, vertical)  # inactive, yet on the roster by hand
    assert "共3个应报单位" in page
