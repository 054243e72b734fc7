"""Markdown: the parts in order, the tables as pipe tables with the official labels."""

from gongkai.report.write import write

from .sample import sample_report


def test_markdown_has_the_parts_and_pipe_tables():
    md = write(sample_report(), "md").decode("utf-8")
    lines = md.splitlines()
    assert lines[0] == "# 某县自然资源局2024年政府信息公开工作年度报告"
    headings = [line for line in lines if line.startswith("## ")]
    assert (
        headings[0] == "## 一、总体情况"
        and headings[-1] == "## 六、其他需要报告的事项"
        and len(headings) == 6
    )
    assert "| 规章 |  | / | 0 |" in lines
    assert "| 行政事业性收费 | 96171.6 |" in lines
    assert any(
        line.startswith("| （四）无法提供 1.本机关不掌握相关政府信息 | 8 | 4 |") for line in lines
    )
    assert "| 行政诉讼·未经复议直接起诉 | 0 | 0 | 0 | ⚠约5 | 0 |" in lines
    assert (
        "法人或其他组织·商业企业" in lines[lines.index("## 三、收到和处理政府信息公开申请情况") + 2]
    )
