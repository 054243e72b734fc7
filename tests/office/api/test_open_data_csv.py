"""The portal's CSV download: one line per official cell, blank, 0 and "/" told apart."""

import csv
import datetime as dt
import io

import pytest

pytestmark = pytest.mark.django_db


def test_csv_keeps_blank_zero_and_slash_apart(client, bureau, head):
    from gongkai.office.annual.models import AnnualReport
    from gongkai.office.annual.publish import publish

    AnnualReport.objects.create(
        agency=bureau,
        year=2024,
        table1={"t1.penalty.decisions": "0", "t1.licensing.decisions": "12"},
    )
    publish(bureau, 2024, head, dt.date(2025, 1, 20))
    response = client.get(f"/agency/{bureau.pk}/reports/2024/data.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text)))
    by_key = {line["单元格"]: line for line in lines}
    assert len(lines) == 10 + 25 * 7 + 15
    assert (by_key["t1.penalty.decisions"]["值"], by_key["t1.penalty.decisions"]["状态"]) == (
        "0",
        "数值",
    )
    assert by_key["t1.licensing.decisions"]["值"] == "12"
    assert (by_key["t1.coercion.decisions"]["值"], by_key["t1.coercion.decisions"]["状态"]) == (
        "",
        "空白",
    )
    row = by_key["t2.denied.state_secret.natural_person"]
    assert row["行"].endswith("（三）不予公开·1.属于国家秘密") and row["列"].endswith("自然人")
    assert client.get(f"/agency/{bureau.pk}/reports/2025/data.csv").status_code == 404
    assert client.get(f"/agency/{bureau.pk}/reports/2024/data.xml").status_code == 404


def test_the_agency_page_links_both_downloads(client, bureau, head):
    from gongkai.office.annual.publish import publish

    publish(bureau, 2024, head, dt.date(2025, 1, 20))
    page = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert f"/agency/{bureau.pk}/reports/2024/data.csv" in page
    assert f"/agency/{bureau.pk}/reports/2024/data.json" in page


def test_formula_text_is_quoted():
    from gongkai.report.model import Cell, Report, State
    from gongkai.report.write import write

    report = Report(agency="=HYPERLINK(1)", year=2024)
    report.cells["t1.penalty.decisions"] = Cell("t1.penalty.decisions", "=1+1", State.UNREADABLE)
    text = write(report, "csv").decode("utf-8-sig")
    assert ",'=1+1,无法读取" in text
