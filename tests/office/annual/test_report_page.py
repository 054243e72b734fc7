"""The annual-report page: figures from the ledger, editing, access, checks blocking publication,
versions with reasons, exports."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db
D = dt.date


def _case(agency, number, received, concluded=None, outcome=""):
    from gongkai.office.applications.models import Application

    return Application.objects.create(
        agency=agency,
        number=number,
        channel="in_person",
        arrived_on=received,
        received_on=received,
        applicant_category="natural_person",
        applicant_name="王五",
        contact="1",
        request_text="某文件",
        concluded_on=concluded,
        outcome=outcome,
        status="closed" if concluded else "registered",
    )


def _url(agency, year, tail=""):
    return f"/office/annual/{agency.pk}/{year}/{tail}"


def _login(client, user):
    client.force_login(user)
    return client


def test_staff_see_the_compiled_figures_and_prefilled_text(client, bureau, clerk):
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "partially_granted")
    _case(bureau, "2", D(2025, 12, 20))
    page = _login(client, clerk).get(_url(bureau, 2025)).content.decode()
    assert "本年新收<b>2</b>" in page and "结转下年度<b>1</b>" in page
    assert "本年度共新收政府信息公开申请2件" in page  # part 一 pre-filled from the figures
    assert "本年度未收取政府信息公开信息处理费" in page  # part 六 fee statement


def test_saving_table_one_and_parts(client, bureau, clerk):
    from gongkai.office.annual.models import AnnualReport

    r = _login(client, clerk).post(
        _url(bureau, 2025),
        {
            "t1__penalty__decisions": "4",
            "t1__admin_fees__amount": "0.35",
            "part1": "总体情况……",
            "part5": "问题……",
            "part6": "本年度未收取政府信息公开信息处理费。",
            "version": 0,
        },
    )
    assert r.status_code == 302
    entry = AnnualReport.objects.get(agency=bureau, year=2025)
    assert entry.table1 == {"t1.penalty.decisions": "4", "t1.admin_fees.amount": "0.35"}
    assert entry.part1 == "总体情况……"


def test_table_one_refuses_negative_or_text(client, bureau, clerk):
    r = _login(client, clerk).post(
        _url(bureau, 2025), {"t1__penalty__decisions": "-1", "t1__licensing__decisions": "很多"}
    )
    assert r.status_code == 400
    assert "应为非负整数" in r.content.decode()


def test_other_agencies_get_404_and_supervisors_read_only(client, bureau, other_clerk, supervisor):
    assert _login(client, other_clerk).get(_url(bureau, 2025)).status_code == 404
    client.logout()
    page = _login(client, supervisor).get(_url(bureau, 2025))
    assert page.status_code == 200 and 'id="report-form"' not in page.content.decode()
    assert client.post(_url(bureau, 2025), {"part1": "x"}).status_code == 403


def test_a_clerk_cannot_publish(client, bureau, clerk):
    assert (
        _login(client, clerk)
        .post(_url(bureau, 2025, "publish/"), {"published_on": "2026-01-20"})
        .status_code
        == 403
    )


def test_an_error_blocks_publication_until_fixed(client, bureau, head):
    from gongkai.office.annual.models import ReportVersion

    case = _case(
        bureau, "1", D(2025, 3, 1), D(2025, 3, 20), ""
    )  # concluded without an outcome: R-1 breaks
    _login(client, head)
    page = client.get(_url(bureau, 2025)).content.decode()
    assert "改正前不能发布" in page and "已填办结日期但没有办理结果" in page
    r = client.post(_url(bureau, 2025, "publish/"), {"published_on": "2026-01-20"}, follow=True)
    assert "未发布" in r.content.decode()
    assert not ReportVersion.objects.exists()
    case.outcome = "granted"
    case.save()
    client.post(_url(bureau, 2025, "publish/"), {"published_on": "2026-01-20"})
    (v,) = ReportVersion.objects.all()
    assert (v.number, v.published_on, v.late) == (1, D(2026, 1, 20), False)


def test_a_late_report_is_published_and_marked_late(client, bureau, head):
    from gongkai.office.annual.models import ReportVersion

    _login(client, head).post(_url(bureau, 2025, "publish/"), {"published_on": "2026-03-02"})
    (v,) = ReportVersion.objects.all()
    assert v.late and any(f["rule"] == "S-5" for f in v.findings)


def test_republishing_needs_a_reason_and_keeps_the_old_version(client, bureau, head):
    from gongkai.office.annual.models import ReportVersion
    from gongkai.office.annual.snapshot import report_from_snapshot

    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "granted")
    _login(client, head).post(_url(bureau, 2025, "publish/"), {"published_on": "2026-01-20"})
    _case(bureau, "2", D(2025, 4, 1), D(2025, 4, 20), "granted")  # a case entered late
    client.post(_url(bureau, 2025, "publish/"), {"published_on": "2026-02-03"})
    assert ReportVersion.objects.count() == 1
    client.post(
        _url(bureau, 2025, "publish/"), {"published_on": "2026-02-03", "reason": "补录遗漏申请1件"}
    )
    v1, v2 = ReportVersion.objects.order_by("number")
    assert report_from_snapshot(v1.snapshot).value("t2.new_received.total") == 1
    assert report_from_snapshot(v2.snapshot).value("t2.new_received.total") == 2
    assert v2.reason == "补录遗漏申请1件" and v2.late  # after 31 January


def test_last_years_published_version_is_the_previous_report(bureau, head):
    from gongkai.office.annual.publish import compiled_with_checks, publish

    _case(bureau, "1", D(2024, 12, 20))
    publish(bureau, 2024, head, D(2025, 1, 20))
    _case(
        bureau, "2", D(2024, 12, 21)
    )  # entered after 2024 was published: 2025's 上年结转 is now 2
    report, found = compiled_with_checks(bureau, 2025)
    assert report.value("t2.carried_over_in.total") == 2
    y1 = [f for f in found if f.rule == "Y-1" and f.failed]
    assert y1 and "t2.carried_over_in.total" in {c for f in y1 for c in f.cells}


def test_exports(client, bureau, clerk):
    _case(bureau, "1", D(2025, 3, 1), D(2025, 3, 20), "granted")
    _login(client, clerk)
    html = client.get(_url(bureau, 2025, "export.html"))
    assert html.status_code == 200 and "收到和处理政府信息公开申请情况" in html.content.decode()
    docx = client.get(_url(bureau, 2025, "export.docx"))
    assert docx.content[:2] == b"PK" and "attachment" in docx["Content-Disposition"]
    assert client.get(_url(bureau, 2025, "export.exe")).status_code == 404


def test_pdf_export_or_a_clear_message(client, bureau, clerk, monkeypatch):
    from gongkai.office.annual import export

    _login(client, clerk)
    monkeypatch.setattr(export, "_which", lambda names: None)
    r = client.get(_url(bureau, 2025, "export.pdf"), follow=True)
    page = r.content.decode()
    assert "本系统暂时不能生成 PDF" in page and "导出 DOCX 或 HTML" in page
    assert "Chromium" not in page and "LibreOffice" not in page


def test_a_failed_pdf_conversion_names_no_program(client, bureau, clerk, monkeypatch):
    import subprocess

    from gongkai.office.annual import export

    def fails(*args, **kwargs):
        raise subprocess.TimeoutExpired("chromium", 120)

    _login(client, clerk)
    monkeypatch.setattr(export, "pdf_engine", lambda: "chromium")
    monkeypatch.setattr(export, "_which", lambda names: "/usr/bin/chromium")
    monkeypatch.setattr(export.subprocess, "run", fails)
    page = client.get(_url(bureau, 2025, "export.pdf"), follow=True).content.decode()
    assert "生成 PDF 失败" in page
    assert "Chromium" not in page and "chromium" not in page and "TimeoutExpired" not in page


@pytest.mark.slow
def test_pdf_export_with_chromium(client, bureau, clerk):
    from gongkai.office.annual.export import pdf_engine

    if pdf_engine() is None:
        pytest.skip("neither /usr/bin/chromium nor LibreOffice is installed")
    r = _login(client, clerk).get(_url(bureau, 2025, "export.pdf"))
    assert r.status_code == 200 and r.content[:5] == b"%PDF-"
