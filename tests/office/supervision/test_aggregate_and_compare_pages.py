"""The region's sums on the aggregate page (with who is missing, a cell's drill-down, CSV, the
charts' figures), and one agency compared year over year and against the region's median."""

import csv
import datetime as dt
import json

from gongkai.office.supervision.intake import work
from gongkai.report.write import write

from ...supervision.makers import build, zeros


def _received(n):
    printed = zeros()
    for row in ("new_received", "granted", "processed_total"):
        printed[f"t2.{row}.natural_person"] = printed[f"t2.{row}.total"] = str(n)
    return printed


def test_sums_missing_drill_down_and_charts(client, county, bureau, town, supervisor, upload):
    client.force_login(supervisor)
    upload(
        county,
        {
            "b24.docx": write(build(bureau.name, 2024, _received(7)), "docx"),
            "t24.html": write(build(town.name, 2024, _received(5)), "html"),
            "b23.docx": write(build(bureau.name, 2023, _received(2)), "docx"),
        },
    )
    assert work() == 3
    page = client.get(f"/office/supervision/aggregate/?office={county.pk}&year=2024")
    text = page.content.decode()
    assert "已汇总2个机关" in text and f"未提交1个：{county.name}" in text
    charts = json.loads(
        text.split('id="chart-data" type="application/json">')[1].split("</script>")[0]
    )
    assert charts["years"] == [2023, 2024] and charts["received"] == [2, 12]
    assert "vendor/echarts.min.js" in text and "cdn" not in text.lower()

    drill = client.get(
        f"/office/supervision/aggregate/?office={county.pk}&year=2024&cell=t2.new_received.total"
    ).content.decode()
    table = drill.split('id="drill"')[1].split("</table>")[0]
    assert bureau.name in table and ">7<" in table and ">5<" in table

    exported = client.get(f"/office/supervision/aggregate/?office={county.pk}&year=2024&export=csv")
    rows = {r[0]: r for r in csv.reader(exported.content.decode("utf-8-sig").splitlines())}
    assert rows["t2.new_received.total"][4:] == ["12", "2"]

    compared = client.get(
        f"/office/supervision/compare/?office={county.pk}&year=2024&agency={bureau.pk}"
    ).content.decode()
    changed = compared.split('id="changed"')[1].split("</table>")[0]
    assert "本年新收" in changed and "<td>5</td>" in changed  # 2 → 7
    against = compared.split('id="against"')[1].split("</table>")[0]
    assert "6" in against  # the median of 7 and 5


def test_a_year_without_reports(client, county, supervisor):
    client.force_login(supervisor)
    page = client.get(
        f"/office/supervision/aggregate/?office={county.pk}&year={dt.date.today().year}"
    )
    assert page.status_code == 200 and "该年度还没有报告" in page.content.decode()
