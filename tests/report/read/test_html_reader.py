"""read_html: merged cells expanded into every slot, page chrome around the report, nested
layout tables, <br> in cells, HTML inside a JavaScript string, and the page's encoding."""

import pytest

from gongkai.report.read.document import Grid, Line
from gongkai.report.read.html import read_html, unescape_js


def _doc(tmp_path, html, encoding="utf-8", name="page.html"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding) if isinstance(html, str) else html)
    return read_html(path)


def _texts(grid: Grid):
    return [[c.text for c in row] for row in grid.rows]


T3 = (
    """<table>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan=2>结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>
    <td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>"""
    + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2
    + """</tr>
<tr>"""
    + "".join(f"<td>{i}</td>" for i in range(15))
    + "</tr></table>"
)


def test_rowspan_and_colspan_fill_every_slot_with_the_origin(tmp_path):
    grid = _doc(tmp_path, T3).grids[0]
    rows = _texts(grid)
    assert len(rows) == 4 and all(len(r) == 15 for r in rows)
    assert rows[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert rows[2][:5] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]  # from the rowspans
    assert rows[3] == [str(i) for i in range(15)]
    copy = grid.rows[2][0]
    assert copy.origin == (1, 0) and copy.spanned and not grid.rows[1][0].spanned
    assert grid.rows[0][7].origin == (0, 5)
    assert grid.rows[3][4].origin is None
    assert (copy.source.kind, copy.source.table, copy.source.row, copy.source.col) == (
        "html",
        0,
        2,
        0,
    )


def test_a_saved_page_keeps_its_text_in_order_without_scripts_and_styles(tmp_path):
    page = """<!DOCTYPE html><html><head><title>站点</title><style>p{color:red}</style>
    <script>var x = "菜单脚本";</script></head><body>
    <nav><a href="/">首页</a> &gt; <a>政府信息公开</a></nav>
    <div class="content"><h1>某镇2024年政府信息公开工作年度报告</h1>
    <p>一、总体情况</p><p>　　2024年，我镇<span>认真</span>贯彻条例。</p>
    <p style="display:none">隐藏的文字</p>
    <p>二、主动公开政府信息情况</p>
    <table><tr><td>规章</td><td>0</td></tr></table>
    <p>三、收到和处理政府信息公开申请情况</p></div>
    <footer>版权所有 某镇人民政府<script>document.write("统计")</script></footer></body></html>"""
    doc = _doc(tmp_path, page)
    lines = [b.text if isinstance(b, Line) else "[table]" for b in doc.blocks]
    assert lines == [
        "首页 > 政府信息公开",
        "某镇2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，我镇认真贯彻条例。",
        "二、主动公开政府信息情况",
        "[table]",
        "三、收到和处理政府信息公开申请情况",
        "版权所有 某镇人民政府",
    ]
    assert doc.kind == "html" and doc.lines[3].source.line == 5


def test_a_layout_table_around_the_report_is_read_as_text(tmp_path):
    page = """<table width="100%"><tr><td>导航</td></tr><tr><td>
    <p>一、总体情况</p><table border="1"><tr><td>行政许可</td><td>550</td></tr></table><p>五、存在的主要问题</p>
    </td></tr></table>"""
    doc = _doc(tmp_path, page)
    assert [_texts(g) for g in doc.grids] == [[["行政许可", "550"]]]
    assert [line.text for line in doc.lines] == ["导航", "一、总体情况", "五、存在的主要问题"]


def test_br_and_paragraphs_inside_a_cell_become_lines_of_its_text(tmp_path):
    page = "<table><tr><td>（二）部分公开<br>（区分处理的）</td><td><p>4</p></td></tr><tr><td>a</td><td>b</td></tr></table>"
    assert _texts(_doc(tmp_path, page).grids[0])[0] == ["（二）部分公开\n（区分处理的）", "4"]


def test_unclosed_cells_and_rows_are_closed_as_a_browser_would(tmp_path):
    page = "<table><tr><td>规章<td>1<tr><td>行政规范性文件<td>2</table><p>后文"
    doc = _doc(tmp_path, page)
    assert _texts(doc.grids[0]) == [["规章", "1"], ["行政规范性文件", "2"]]
    assert doc.lines[-1].text == "后文"


def test_a_table_inside_a_javascript_string_is_read(tmp_path):
    page = r"""<html><body><div id="zoom"></div>
    <script type="text/javascript">
      var content = "<p>二、主动公开政府信息情况<\/p>" +
        "<table><tr><td colspan=\"2\">第二十条第（五）项<\/td><\/tr><tr><td>\u884c\u653f\u8bb8\u53ef<\/td><td>447228<\/td><\/tr><\/table>";
      document.getElementById("zoom").innerHTML = content;
    </script></body></html>"""
    doc = _doc(tmp_path, page)
    assert doc.lines[0].text == "二、主动公开政府信息情况"
    assert _texts(doc.grids[0]) == [["第二十条第（五）项"] * 2, ["行政许可", "447228"]]


def test_js_escapes_are_decoded():
    assert unescape_js(r"\u4e00\x41\n\/\"\'\ud83d\ude00") == "一A\n/\"'😀"


@pytest.mark.parametrize(
    "html,encoding",
    [
        (
            '<html><head><meta charset="gb2312"></head><body><p>一、总体情况：政府信息公开</p></body></html>',
            "gb18030",
        ),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>一、总体情况：政府信息公开</p>',
            "gbk",
        ),
        ("<p>一、总体情况：政府信息公开</p>", "gb18030"),  # no declaration at all
        ('<meta charset="gbk"><p>一、总体情况：政府信息公开</p>', "utf-8"),  # declared wrong
    ],
)
def test_the_encoding_is_found(tmp_path, html, encoding):
    assert _doc(tmp_path, html, encoding).lines[0].text == "一、总体情况：政府信息公开"
