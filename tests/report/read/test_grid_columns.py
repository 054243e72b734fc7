"""Grid tables (HTML, DOCX, PDF): values are placed under the header cell naming their column."""

from gongkai.report.model import Source, State
from gongkai.report.read.document import Document, Grid, GridCell, Line
from gongkai.report.read.place import place


def grid(rows):
    """Expand rows of (text, rowspan, colspan) or text into a rectangle, as an HTML reader does."""
    out: list[list] = []
    pending: dict[tuple[int, int], GridCell] = {}
    for r, row in enumerate(rows):
        line, c = [], 0
        cells = list(row)
        while cells or (r, c) in pending:
            if (r, c) in pending:
                line.append(pending.pop((r, c)))
                c += 1
                continue
            item = cells.pop(0)
            text, rs, cs = (item, 1, 1) if isinstance(item, (str, int)) else item
            origin = (r, c) if rs > 1 or cs > 1 else None
            for dr in range(rs):
                for dc in range(cs):
                    cell = GridCell(str(text), Source("html", table=0, row=r, col=c + dc), origin)
                    if dr == 0:
                        line.append(cell)
                    else:
                        pending[(r + dr, c + dc)] = cell
            c += cs
        out.append(line)
    return Grid(out, Source("html", table=0))


def doc_with(t2_rows):
    lines = [
        "某县某局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "正文。",
        "三、收到和处理政府信息公开申请情况",
    ]
    blocks = [Line(t, Source("html", line=i + 1)) for i, t in enumerate(lines)]
    return Document([*blocks, grid(t2_rows)], kind="html")


HEADER = [
    [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
        ("申请人情况", 1, 8),
    ],
    [("自然人", 2, 1), ("法人或其他组织", 1, 6), ("总计", 2, 1)],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计"],
]


def test_a_subtotal_column_after_other_is_kept_and_each_value_lands_under_its_label():
    rows = HEADER + [[("一、本年新收政府信息公开申请数量", 1, 3), 5, 1, 0, 0, 2, 0, 3, 8]]
    r = place(doc_with(rows))
    assert r.value("t2.new_received.natural_person") == 5
    assert r.value("t2.new_received.legal_service_org") == 2
    assert r.value("t2.new_received.org_subtotal") == 3
    assert r.value("t2.new_received.total") == 8


def test_subtotal_rows_and_merged_group_labels():
    rows = HEADER + [
        [("三、本年度办理结果", 4, 1), ("（三）不予公开", 1, 2), 1, 0, 0, 0, 0, 0, 0, 1],
        [("（三）不予公开", 3, 1), "1.属于国家秘密", 1, 0, 0, 0, 0, 0, 0, 1],
        ["2.其他法律行政法规禁止公开", "", 0, 0, 0, 0, 0, 0, 0],
        ["3.危及“三安全一稳定”", "/", 0, 0, 0, 0, 0, 0, 0],
    ]
    r = place(doc_with(rows))
    assert r.value("t2.denied.total") == 1  # the local subtotal row, kept
    assert r.value("t2.denied.state_secret.natural_person") == 1
    assert r.cell("t2.denied.prohibited_by_law.natural_person").state is State.BLANK
    assert r.cell("t2.denied.security_stability.natural_person").state is State.NOT_APPLICABLE
    src = r.cell("t2.denied.state_secret.total").source
    assert (src.kind, src.row, src.col) == ("html", 4, 10)


def test_empty_cells_between_label_and_values_do_not_shift_the_row():
    """The label sits in the first of three label columns; the header says where each value is."""
    rows = HEADER + [["一、本年新收政府信息公开申请数量", "", "", 5, 1, 0, 0, 2, 0, 3, 8]]
    r = place(doc_with(rows))
    assert [
        r.value(f"t2.new_received.{c}") for c in ("natural_person", "org_subtotal", "total")
    ] == [5, 3, 8]
