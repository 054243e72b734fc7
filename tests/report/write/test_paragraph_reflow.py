"""Text read from a PDF keeps its printed line breaks; the writers print paragraphs, not lines."""

from gongkai.report.write.sections import paragraphs

PDF_TEXT = """（四）政府信息公开平台建设情况。进一步优化政务公开专
栏设置，省市联动制作“全力巩固和增强经济回升向好态势”
等专题专栏。截至目前，全市在运维政务新媒体共计 95
个，合格率均为 100%。
（五）政府信息公开监督保障情况。根据省政务公开年度
和季度监测指标开展检查。"""


def test_wrapped_lines_are_joined_into_their_paragraph():
    assert paragraphs(PDF_TEXT) == [
        "（四）政府信息公开平台建设情况。进一步优化政务公开专栏设置，省市联动制作“全力巩固和增强经济回升向好态势”"
        "等专题专栏。截至目前，全市在运维政务新媒体共计 95个，合格率均为 100%。",
        "（五）政府信息公开监督保障情况。根据省政务公开年度和季度监测指标开展检查。",
    ]


def test_short_headings_and_whole_line_paragraphs_stay_apart():
    text = "（一）主要问题\n信息公开时间节点把握不准，部分信息公开不及时。\n（二）整改措施\n一是加大重视程度。"
    assert paragraphs(text) == [
        "（一）主要问题",
        "信息公开时间节点把握不准，部分信息公开不及时。",
        "（二）整改措施",
        "一是加大重视程度。",
    ]
