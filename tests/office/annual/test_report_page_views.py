"""The annual-report page as a clerk and a 负责人 read it: the published version as published,
the draft as the draft, one consistent account of the checks with the blocking errors first,
the cells concerned marked in the preview, table-1 errors beside their fields, a redraft."""

import datetime as dt
import re

import pytest

from gongkai.office.annual.models import AnnualReport
from gongkai.office.annual.publish import publish

from .test_report_page import _case, _login, _url

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_published_year_shows_the_version_as_published(client, bureau, head):
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "granted")
    publish(bureau, 2025, head, D(2026, 1, 20))
    _case(bureau, "2", D(2025, 4, 1), D(2025, 4, 20), "granted")  # entered after publication
    _login(client, head)

    page = client.get(_url(bureau, 2025)).content.decode()
    assert "本年新收<b>1</b>" in page  # the figure published, not today's 2
    assert 'id="view-published">已发布第1版</b>' in page and 'id="report-form"' not in page
    assert "?version=1" in page  # preview and exports of the version
    draft = client.get(_url(bureau, 2025) + "?draft=1").content.decode()
    assert "本年新收<b>2</b>" in draft and 'id="report-form"' in draft
    assert 'id="view-draft">草稿（按当前台账汇总）</b>' in draft


def test_one_summary_and_blocking_errors_first(client, bureau, head):
    # concluded without an outcome: R-1 breaks and blocks; 2025's draft dated today is late
    # (S-5, an error that does not block)
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "")
    page = _login(client, head).get(_url(bureau, 2025)).content.decode()
    summary = re.search(r'<p id="checks-summary">(.*?)</p>', page, re.S).group(1)
    assert re.search(r"有\d+项错误，改正前不能发布", summary) and "S-5" in summary
    assert "没有阻止发布的错误" not in page
    levels = re.findall(r'<td class="level sev-\w+">(.*?)</td>', page)
    assert levels[0] == "错误（阻止发布）" and "错误（不阻止发布）" in levels


def test_a_late_draft_without_other_errors_does_not_claim_no_errors(client, bureau, head):
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "granted")
    page = _login(client, head).get(_url(bureau, 2025)).content.decode()
    summary = re.search(r'<p id="checks-summary">(.*?)</p>', page, re.S).group(1)
    assert "错误不阻止发布（S-5" in summary and "没有错误" not in summary
    assert 'id="publish" disabled' not in page


def test_the_preview_marks_the_cells_of_the_findings(client, bureau, clerk):
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "")  # R-1 concerns the 办结 cells
    page = _login(client, clerk).get(_url(bureau, 2025)).content.decode()
    cells = re.search(r'data-rule="R-1" data-cells="([^"]+)"', page).group(1).split()
    preview = client.get(_url(bureau, 2025, "preview/")).content.decode()
    marks = re.search(r'<style id="finding-marks">(.*?)</style>', preview).group(1)
    red = marks.split("{background:#fde2e2")[0]
    assert cells and all(f'[data-key="{key}"]' in red for key in cells)


def test_an_invalid_table_one_value_keeps_its_message_beside_the_field(client, bureau, clerk):
    r = _login(client, clerk).post(
        _url(bureau, 2025) + "?draft=1", {"t1__penalty__decisions": "很多", "version": 0}
    )
    page = r.content.decode()
    assert r.status_code == 400 and 'action="?draft=1#report-form"' in page
    cell = re.search(r'name="t1__penalty__decisions".*?</td>', page, re.S).group(0)
    assert 'aria-invalid="true"' in cell and "应为非负整数" in cell
    assert 'id="form-errors"' in page


def test_redraft_rewrites_parts_one_and_six_from_todays_figures(client, bureau, clerk):
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "granted")
    _login(client, clerk).post(
        _url(bureau, 2025), {"part1": "旧的总体情况：本年度共新收申请1件。", "version": 0}
    )
    _case(bureau, "2", D(2025, 4, 1), D(2025, 4, 20), "granted")
    page = client.post(
        _url(bureau, 2025) + "?draft=1",
        {"part1": "旧的总体情况", "part5": "我写的问题", "version": 1, "redraft": "1"},
    ).content.decode()
    part1 = re.search(r'<textarea name="part1"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "本年度共新收政府信息公开申请2件" in part1 and "占100.0%" in part1
    assert "我写的问题" in page and "尚未保存" in page
    assert AnnualReport.objects.get().part1 == "旧的总体情况：本年度共新收申请1件。"
