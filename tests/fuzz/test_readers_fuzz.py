"""Whatever bytes a file holds, reading it ends in a Report or a ReadError: never another
exception, never a hang. The committed run is short; FUZZ_EXAMPLES=N runs a long campaign."""

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.read import read_path
from gongkai.report.read.document import ReadError
from gongkai.report.read.glued import row_total, split_glued
from gongkai.report.read.pdf import read_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from pdf_maker import Page, build

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def _sample_pdf() -> bytes:
    p = Page()
    p.text(80, 60, "某镇人民政府2024年政府信息公开工作年度报告")
    p.text(80, 100, "三、收到和处理政府信息公开申请情况")
    p.table(
        60,
        130,
        [170, 60, 60],
        [30, 30, 30],
        {
            (0, 0): "项目",
            (0, 1): "自然人",
            (0, 2): "总计",
            (1, 0): "一、本年新收政府信息公开申请数量",
            (1, 1): "3",
            (1, 2): "3",
            (2, 0): "（一）予以公开",
            (2, 1): "2",
            (2, 2): "2",
        },
    )
    return build([p])


SAMPLE = _sample_pdf()
report_text = st.lists(
    st.sampled_from(
        [
            "一、总体情况",
            "三、收到和处理政府信息公开申请情况",
            "（一）予以公开",
            "1.属于国家秘密",
            "总计",
            "自然人",
            "\t",
            "\n",
            " ",
            "0",
            "12",
            "/",
            "—",
            "无",
            "2024年",
            "四、政府信息公开行政复议、行政诉讼情况",
            "本年新收政府信息公开申请数量",
            "（六）其他处理",
            "<table>",
            "<td>",
            "</tr>",
        ]
    ),
    max_size=80,
).map("".join)


def _read(path):
    try:
        read_path(path)
    except ReadError as e:
        assert str(e).strip()


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes_named_pdf(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("fz") / "r.pdf"
    f.write_bytes(data)
    _read(f)


@FUZZ
@given(st.data())
def test_a_real_pdf_with_bytes_flipped_cut_or_inserted(tmp_path_factory, monkeypatch, data):
    # a page whose text the damage removed goes to OCR: the OCR engine is not under test here
    import gongkai.report.read.ocr as ocr

    monkeypatch.setattr(ocr, "page_items", lambda image, page, scale, deadline=None: [])
    blob = bytearray(SAMPLE)
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        i = data.draw(st.integers(0, len(blob) - 1), label="at")
        op = data.draw(st.sampled_from(["flip", "cut", "insert"]), label="op")
        if op == "flip":
            blob[i] = data.draw(st.integers(0, 255), label="byte")
        elif op == "cut":
            del blob[i : i + data.draw(st.integers(1, 200), label="n")]
        else:
            blob[i:i] = data.draw(st.binary(min_size=1, max_size=50), label="bytes")
        if not blob:
            blob = bytearray(b"%")
    f = tmp_path_factory.mktemp("fz") / "r.pdf"
    f.write_bytes(bytes(blob))
    try:
        read_pdf(f)
    except ReadError as e:
        assert str(e).strip()


@FUZZ
@given(
    report_text,
    st.sampled_from([".txt", ".html", ".md"]),
    st.sampled_from(["utf-8", "gbk", "utf-16"]),
)
def test_text_and_html_inputs(tmp_path_factory, text, suffix, encoding):
    f = tmp_path_factory.mktemp("fz") / ("r" + suffix)
    f.write_bytes(text.encode(encoding, errors="ignore"))
    _read(f)


@FUZZ
@given(st.text(alphabet="0123456789 ", max_size=30), st.integers(1, 9))
def test_split_glued_never_raises(text, n):
    got = split_glued(text, n, [row_total(n)])
    assert got is None or (len(got) == n and "".join(got) == text.replace(" ", ""))


@pytest.mark.slow
@FUZZ
@given(st.binary(min_size=8, max_size=3000), st.sampled_from([".png", ".jpg"]))
def test_any_bytes_named_image(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("fz") / ("r" + suffix)
    f.write_bytes(data)
    _read(f)
