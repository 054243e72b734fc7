"""The aggregate page's charts draw under the site's Content-Security-Policy: ECharts (vendored)
renders each chart as SVG with the region's figures, and the browser reports no error (a
blocked script or style would show as one)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = 2025


def test_the_charts_draw_the_regions_figures(page, live_server, login, shots):
    from gongkai.office import demo
    from gongkai.office.agencies.models import Agency
    from gongkai.office.supervision import charts

    demo.load_demo(out=open("/dev/null", "w"))
    county = Agency.objects.get(name=demo.COUNTY)
    figures = charts.data(county, YEAR)
    assert len(figures["years"]) >= 2 and figures["agencies"]

    problems = []

    def console(m):
        # the site has no favicon: Chromium's own request for it is not the page's
        if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{m.text} {m.location}")

    page.on("console", console)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    login("xian_supervisor", demo.PASSWORD)
    page.goto(f"{live_server.url}/office/supervision/aggregate/?office={county.pk}&year={YEAR}")
    for chart in ("#chart-years", "#chart-ontime", "#chart-appeals"):
        page.wait_for_selector(f"{chart} svg path", state="attached")
    page.screenshot(path=str(shots / "supervision_charts.png"), full_page=True)

    def drawn(chart):
        texts = page.locator(f"{chart} svg text").all_text_contents()
        paths = page.locator(f"{chart} svg path").count()
        return texts, paths

    texts, paths = drawn("#chart-years")
    assert "历年申请与办理结果" in texts and "新收申请" in texts
    assert {str(y) for y in figures["years"]} <= set(texts) and paths > 5
    texts, _ = drawn("#chart-ontime")
    assert set(figures["agencies"]) <= set(texts)  # one bar per agency, named on the axis
    texts, _ = drawn("#chart-appeals")
    assert "复议诉讼及纠正比例" in texts and "纠正比例" in texts
    assert problems == []
