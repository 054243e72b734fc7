"""A folder run keeps each report packed, yet finds what checking each report whole finds: the
same previous year, the same findings in the same order, the same flags, through every engine."""

import pytest

from gongkai.report.checks import iter_findings, ordered
from gongkai.report.read import read_path
from gongkai.supervision.folder import check_files
from gongkai.supervision.risk import COPIED, SHARED, SWING, Region, flags

from .makers import build, save, values

TEXT = (
    "本年度我局围绕优化营商环境，在政务服务网开设惠企政策专栏，集中发布惠企政策四十二项。"
    "组织开展政策解读直播三场，邀请企业代表现场提问并逐项答复。"
)


def _received(seed: int, n: int) -> dict[str, str]:
    printed = values(seed)
    printed["t2.new_received.total"] = str(n)
    return printed


@pytest.fixture
def folder(tmp_path):
    """财政局 two years (the second named with its city) with last year's text (Y-6) and a
    swing (Y-4); 商务局 sharing its text; 水利局 2024 alone; a file that is no report."""
    for name, agency, year, kind, printed, text in [
        ("a23", "洪泽区财政局", 2023, "docx", _received(1, 3), {1: TEXT, 5: TEXT}),
        ("a24", "淮安市洪泽区财政局", 2024, "html", _received(2, 95), {1: TEXT, 5: TEXT}),
        ("b24", "洪泽区商务局", 2024, "md", values(3), {1: TEXT}),
        ("c24", "洪泽区水利局", 2024, "xlsx", values(4), {}),
    ]:
        save(build(agency, year, printed, text=text), tmp_path, name, kind)
    (tmp_path / "notes.md").write_text("# 会议纪要\n\n没有表格。\n", encoding="utf-8")
    return tmp_path


def _whole(folder) -> dict[str, tuple]:
    """Each report read whole and checked with its previous year, as `gongkai check FILE
    --previous FILE` does, its flags raised against every report of its year."""
    reports = {p.name: read_path(p) for p in folder.iterdir() if p.stem[0] in "abc"}
    last = {"a24.html": "a23.docx"}
    out = {}
    for name, report in reports.items():
        previous = reports.get(last.get(name, ""))
        found = ordered(report, iter_findings(report, previous))
        peers = [r for r in reports.values() if r.year == report.year]
        out[name] = (last.get(name), found, flags(report, found, Region(peers)))
    return out


def _run(folder, **engine) -> dict[str, tuple]:
    results = check_files(sorted(folder.iterdir()), **engine)
    skipped = [r.path for r in results if r.not_report]
    assert [p.rsplit("/", 1)[-1] for p in skipped] == ["notes.md"]
    return {
        r.path.rsplit("/", 1)[-1]: (
            r.previous and r.previous.rsplit("/", 1)[-1],
            r.findings,
            r.flags,
        )
        for r in results
        if r.has_report
    }


def _same(run, whole):
    assert run.keys() == whole.keys()
    for name, (previous, found, raised) in whole.items():
        assert run[name][0] == previous, name
        assert run[name][1] == found, name  # every field, sources and evidence included
        assert [(f, f.data) for f in run[name][2]] == [(f, f.data) for f in raised], name
    assert {f.code for f in run["a24.html"][2]} >= {COPIED, SWING, SHARED}
    assert any(f.rule == "Y-1" for f in run["a24.html"][1])  # the Y- rules ran on the pair
    assert not any(f.rule.startswith("Y-") for f in run["c24.xlsx"][1])


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_local_pool_finds_what_each_whole_report_gives(folder, jobs):
    _same(_run(folder, jobs=jobs), _whole(folder))


@pytest.mark.slow
def test_dask_finds_what_each_whole_report_gives(folder):
    _same(_run(folder, jobs=2, engine="dask"), _whole(folder))


def test_the_kept_report_is_the_report_without_the_readers_steps(folder):
    (result,) = check_files([folder / "a23.docx"], jobs=1)
    whole = read_path(folder / "a23.docx")
    kept = result.report
    assert kept.cells.keys() == whole.cells.keys()
    for key, cell in whole.cells.items():
        assert kept.cells[key] == cell.replace(steps=()), key
    assert kept.parts == whole.parts and (kept.agency, kept.year) == (result.agency, result.year)
