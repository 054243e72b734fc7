"""Catalogue files written by hand for the tests: one CSV row per item, the import's columns."""

import csv

import pytest

from gongkai.office.catalogue.catalogue_file import COLUMNS, OPTIONAL


@pytest.fixture
def catalogue_csv(tmp_path):
    """write(rows, name) -> path: each row a dict of column -> text; missing columns blank."""

    def write(rows, name="目录.csv"):
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS + OPTIONAL)
            for row in rows:
                w.writerow([row.get(c, "") for c in COLUMNS + OPTIONAL])
        return path

    return write


def row(index_no, doc_type, formed, **more):
    """One catalogue row with sensible defaults for what a test does not care about."""
    values = {
        "索引号": index_no,
        "名称": f"关于{index_no}的文件",
        "内容概述": "概述",
        "生成日期": formed,
        "类别": "第二十条第（一）项",
        "文种": doc_type,
        "公开方式": "主动公开",
    }
    values.update(more)
    return values


def new_item(agency, user, **fields):
    """A draft made through the workflow (its 索引号 from the scheme), defaults filled in."""
    import datetime as dt

    from gongkai.office.catalogue import workflow

    values = {
        "title": "关于农村宅基地审批的通知",
        "summary": "",
        "body": "正文",
        "formed_on": dt.date.today() - dt.timedelta(days=2),
        "category": "第二十条第（一）项",
        "doc_type": "other",
    }
    values.update(fields)
    return workflow.create_item(agency, user, **values)
