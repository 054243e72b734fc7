"""The ruled-table geometry (read/pdf_tables.py) finds exactly the cells pdfplumber's
TableFinder finds, on every page of the dev PDFs and on random rulings, without importing it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdfplumber.table import TableFinder

from gongkai.report.read.layout import h_edge, v_edge
from gongkai.report.read.pdf_tables import ruled_tables

from ...corpus import DEV, skip_reason


class _Page:
    """What TableFinder reads from a page: its edges and its box."""

    def __init__(self, edges, width, height):
        self.edges, self.bbox = edges, (0, 0, width, height)


def plumber(edges, width, height):
    if len(edges) < 4:
        return []
    finder = TableFinder(
        _Page(edges, width, height), {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    )
    return [(t.bbox, list(t.cells)) for t in finder.tables]


def test_a_grid_gives_its_cells_and_a_broken_ruling_is_one_line():
    edges = [
        h_edge(10, 60, 10),
        h_edge(10, 35, 30.5),
        h_edge(36, 110, 30),  # one ruling drawn in two pieces, the second 0.5 pt higher
        h_edge(10, 110, 50),
        h_edge(60, 110, 10),
        *(v_edge(x, 10, 50) for x in (10, 60, 111)),
    ]
    [(bbox, cells)] = ruled_tables(edges, 200, 100)
    assert len(cells) == 4
    assert bbox[0] == 10 and bbox[3] == 50
    assert {(round(c[0]), round(c[1]), round(c[2]), round(c[3])) for c in cells} == {
        (10, 10, 60, 30),
        (60, 10, 111, 30),
        (10, 30, 60, 50),
        (60, 30, 111, 50),
    }
    assert ruled_tables(edges, 200, 100) == plumber(edges, 200, 100)


def test_a_lone_box_is_not_a_table():
    box = [h_edge(0, 50, 0), h_edge(0, 50, 20), v_edge(0, 0, 20), v_edge(50, 0, 20)]
    assert ruled_tables(box, 100, 100) == []


def _dev_pages():
    if not DEV.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=skip_reason(DEV)))]
    return [pytest.param(p, id=p.name) for p in sorted(DEV.glob("*.pdf"))]


@pytest.mark.parametrize("path", _dev_pages())
def test_every_dev_page_has_pdfplumbers_cells(path):
    import pypdfium2 as pdfium

    from gongkai.report.read.pdf import _edges, _Frame

    doc = pdfium.PdfDocument(str(path))
    tables = 0
    for i in range(len(doc)):
        page = doc[i]
        x0, y0, x1, y1 = page.get_mediabox()
        frame = _Frame(x0, y1, x1 - x0, y1 - y0)
        edges = _edges(page, frame)
        mine = ruled_tables(edges, frame.width, frame.height)
        assert mine == plumber(edges, frame.width, frame.height), f"page {i + 1}"
        tables += len(mine)
    assert tables, "the dev PDFs print their tables ruled"


def _jitter():
    return st.sampled_from([0.0, 0.0, 0.4, -0.7, 1.5, -2.9, 3.2])


@st.composite
def rulings(draw):
    """A ruled table drawn the way real PDFs draw them: lines a little off, some drawn in
    pieces, some missing, short strays."""
    xs = sorted(draw(st.sets(st.integers(0, 100), min_size=2, max_size=7)))
    ys = sorted(draw(st.sets(st.integers(0, 120), min_size=2, max_size=9)))
    xs, ys = [x * 5.0 for x in xs], [y * 5.0 for y in ys]
    edges = []
    for y in ys:
        kind = draw(st.sampled_from(["whole", "whole", "pieces", "missing"]))
        a, b = xs[0] + draw(_jitter()), xs[-1] + draw(_jitter())
        if kind == "whole":
            edges.append(h_edge(a, b, y + draw(_jitter())))
        elif kind == "pieces":
            m = (a + b) / 2
            edges.append(h_edge(a, m, y + draw(_jitter())))
            edges.append(h_edge(m + draw(_jitter()) + 1, b, y + draw(_jitter())))
    for x in xs:
        if draw(st.booleans()) or x in (xs[0], xs[-1]):
            edges.append(v_edge(x + draw(_jitter()), ys[0] + draw(_jitter()), ys[-1]))
        if draw(st.integers(0, 4)) == 0:
            edges.append(v_edge(x, ys[0], ys[0] + 2.5))
    return draw(st.permutations(edges))


@given(rulings())
def test_random_rulings_give_pdfplumbers_cells(edges):
    assert ruled_tables(edges, 600, 700) == plumber(edges, 600, 700)
