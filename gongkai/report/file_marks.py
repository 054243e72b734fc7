"""What gongkai's own files say about themselves, for the writers that write them and the
readers that read them back (a reader imports no writer, so neither pulls in the other's
libraries): the full JSON's kind and schema, and the XLSX sheet of report metadata."""

from __future__ import annotations

#: marks a JSON file as a gongkai report, and the shape of it (write.full_json, read.json)
KIND = "gongkai.report"
SCHEMA = 1

#: the XLSX sheet that holds the report's metadata as label/value rows (write.xlsx, read.xlsx)
METADATA_SHEET = "报告信息"
METADATA = (
    ("标题", "title"),
    ("机关", "agency"),
    ("年度", "year"),
    ("格式", "format"),
    ("机关类别", "agency_kind"),
    ("落款日期", "signed_on"),
    ("发布日期", "published_on"),
    ("是否有规章制定权", "can_make_rules"),
    ("来源文件", "source_file"),
    ("来源类型", "source_kind"),
)
