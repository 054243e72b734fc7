"""The official annual-report layouts (2021 and 2019 trial format) as data.

This is the one place where part titles, table labels and cell keys live: readers match
against these labels, writers print them, checks and the office ledger use the keys.
Sources: 国办公开办函〔2021〕30号 (FMT2021) and 〔2019〕60号 (FMT2019); domain-spec §2, §3.

A table is a list of rows; each row has its own columns (table 1 mixes column sets). A cell
key is ``"<table>.<row>.<column>"``, e.g. ``t2.new_received.total``. Rows and columns marked
``official=False`` are local variants (subtotal rows, a 法人小计 column): a reader keeps them
when printed and the checks verify them, but no writer adds them to an official layout.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

T1, T2, T3 = "t1", "t2", "t3"  # the table keys, the first part of every cell key
GROUP_SEP = "·"  # a label under its spanning heading: 法人或其他组织·商业企业
NUMERALS = "一二三四五六"  # the parts' and the tables' numbers as printed


def grouped(group: str, label: str) -> str:
    """`法人或其他组织·商业企业`: a label with the heading it sits under, when it has one."""
    return f"{group}{GROUP_SEP}{label}" if group else label


# The layout objects are plain classes, compared by identity (each exists once) and never
# changed once made: see record.py for why not dataclasses.


class Column:
    def __init__(
        self,
        key: str,
        label: str,
        group: str = "",
        unit: str = "件",
        official: bool = True,
        decimal: bool = False,
        signed: bool = False,
    ) -> None:
        self.key = key
        self.label = label
        self.group = (
            group  # spanning header above the label (法人或其他组织, 行政诉讼·复议后起诉 …)
        )
        self.unit = unit
        self.official = official
        self.decimal = decimal  # the fee in 万元 may carry decimals
        self.signed = signed  # 2019 本年增/减 may be negative (C-5)

    def __repr__(self) -> str:
        return f"Column({self.key!r}, {self.label!r})"

    @property
    def full_label(self) -> str:
        """The label with its spanning header (法人或其他组织·其他), as messages and forms say it."""
        return grouped(self.group, self.label)


class Row:
    def __init__(
        self,
        key: str,
        label: str,
        columns: tuple[Column, ...],
        group: str = "",
        block: str = "",
        keywords: tuple[str, ...] = (),
        leaf: bool = False,
        official: bool = True,
        parts: tuple[str, ...] = (),
    ) -> None:
        self.key = key
        self.label = label  # exact printed label
        self.columns = columns
        self.group = group  # heading this row sits under (（三）不予公开 …)
        self.block = block  # table 1: 第二十条第（N）项
        self.keywords = keywords  # fallback words that identify the row (domain-spec §8.2)
        self.leaf = leaf  # an outcome row counted in （七）总计
        self.official = official
        self.parts = parts  # for subtotal / total rows: the row keys they sum

    def __repr__(self) -> str:
        return f"Row({self.key!r}, {self.label!r})"

    @property
    def is_item(self) -> bool:
        """An item under a subtotal row of table 2 (（三）不予公开 1.属于国家秘密)."""
        return "." in self.key

    @property
    def full_label(self) -> str:
        """The label with the heading that tells it apart: （三）不予公开·1.属于国家秘密 for an
        item, 行政诉讼·未经复议直接起诉 in table 3; the label alone elsewhere."""
        return (
            grouped(self.group, self.label) if self.group and self.group != RESULTS else self.label
        )


class Table:
    def __init__(self, key: str, number: int, part: int, title: str, rows: tuple[Row, ...]):
        self.key = key  # t1, t2, t3
        self.number = number  # 1..3
        self.part = part  # the report part that holds it (二, 三, 四)
        self.title = title
        self.rows = rows

    def __repr__(self) -> str:
        return f"Table({self.key!r})"

    @property
    def name(self) -> str:
        """表一, 表二, 表三: how the format and every message name the table."""
        return f"表{NUMERALS[self.number - 1]}"

    def cell_key(self, row: str | Row, column: str | Column) -> str:
        """The cell key of `row` × `column`; KeyError when this table has no such cell."""
        r = self.row(row if isinstance(row, str) else row.key)
        c = column if isinstance(column, str) else column.key
        if all(col.key != c for col in r.columns):
            raise KeyError(f"{self.key}.{r.key} has no column {c!r}")
        return f"{self.key}.{r.key}.{c}"

    def row_keys(self, row: str | Row, official_only: bool = True) -> list[str]:
        """The cell keys of one row, in column order."""
        r = self.row(row if isinstance(row, str) else row.key)
        return [self.cell_key(r, c) for c in r.columns if c.official or not official_only]

    def row(self, key: str) -> Row:
        try:
            return self._rows_by_key[key]
        except KeyError:
            raise KeyError(f"{self.key} has no row {key!r}") from None

    @cached_property
    def _rows_by_key(self) -> dict[str, Row]:
        return {r.key: r for r in self.rows}

    @property
    def official_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.official)

    def cell_keys(self, official_only: bool = True) -> list[str]:
        return list(self._official_keys if official_only else self._all_keys)

    @cached_property
    def _official_keys(self) -> tuple[str, ...]:
        return tuple(
            f"{self.key}.{r.key}.{c.key}"
            for r in self.rows
            if r.official
            for c in r.columns
            if c.official
        )

    @cached_property
    def _all_keys(self) -> tuple[str, ...]:
        return tuple(f"{self.key}.{r.key}.{c.key}" for r in self.rows for c in r.columns)


class Part:
    def __init__(
        self,
        number: int,
        numeral: str,
        title: str,
        aliases: tuple[str, ...] = (),
        keywords: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.number = number  # 1..6
        self.numeral = numeral  # 一 … 六
        self.title = title
        self.aliases = aliases
        #: for titles worded otherwise: any one of these word sets, all its words in the title
        self.keywords = keywords

    def __repr__(self) -> str:
        return f"Part({self.number}, {self.title!r})"

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    @property
    def heading(self) -> str:
        """一、总体情况: the title as the format prints it."""
        return f"{self.numeral}、{self.title}"


class Format:
    def __init__(
        self,
        version: str,
        name: str,
        document: str,
        parts: tuple[Part, ...],
        tables: tuple[Table, ...],
        markers: tuple[str, ...] = (),
    ) -> None:
        self.version = version  # "2021" | "2019"
        self.name = name
        self.document = document  # the notice that issued it
        self.parts = parts
        self.tables = tables
        self.markers = markers  # labels found only in this layout (§8.1)

    def __repr__(self) -> str:
        return f"Format({self.version!r})"

    def __reduce__(self):
        """Pickled by name: a report sent to another process points at the same layout."""
        return (_format, (self.version,))

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(f"the {self.version} format has no table {key!r}")

    def cell_key(self, table: str, row: str | Row, column: str | Column) -> str:
        """The cell key of `row` × `column` of `table`; KeyError when the format has no such cell."""
        return self.table(table).cell_key(row, column)

    def check_key(self, key: str) -> str:
        """`key` itself when the format has that cell; KeyError otherwise (a typo is never a
        silently missing value)."""
        if key not in self.specs:
            raise KeyError(f"no cell {key!r} in the {self.version} format")
        return key

    @cached_property
    def specs(self) -> dict[str, tuple[Table, Row, Column]]:
        """Every cell key (official and variant) → its table, row and column."""
        return {
            f"{t.key}.{r.key}.{c.key}": (t, r, c)
            for t in self.tables
            for r in t.rows
            for c in r.columns
        }

    def cell_keys(self, official_only: bool = True) -> list[str]:
        return list(self._official_keys if official_only else self._all_keys)

    @cached_property
    def _official_keys(self) -> tuple[str, ...]:
        return tuple(k for t in self.tables for k in t.cell_keys(True))

    @cached_property
    def _all_keys(self) -> tuple[str, ...]:
        return tuple(k for t in self.tables for k in t.cell_keys(False))


# --------------------------------------------------------------------------- parts (§2.2)

PARTS = (
    Part(1, NUMERALS[0], "总体情况", ("概述",), (("总体",), ("基本情况",))),
    Part(2, NUMERALS[1], "主动公开政府信息情况", (), (("主动公开",),)),
    Part(
        3,
        NUMERALS[2],
        "收到和处理政府信息公开申请情况",
        (),
        (("收到", "申请"), ("处理", "申请"), ("依申请",)),
    ),
    Part(
        4,
        NUMERALS[3],
        "政府信息公开行政复议、行政诉讼情况",
        (
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "政府信息公开行政复议及行政诉讼情况",
            "政府信息公开行政复议行政诉讼情况",
        ),
        (("复议",), ("诉讼",)),
    ),
    Part(
        5,
        NUMERALS[4],
        "存在的主要问题及改进情况",
        (
            "政府信息公开工作存在的主要问题及改进情况",
            "存在问题及改进情况",
            "存在的主要问题及改进措施",
            "存在的主要问题和改进情况",
            "主要问题及改进情况",
        ),
        (("问题",), ("改进",), ("整改",)),
    ),
    Part(
        6,
        NUMERALS[5],
        "其他需要报告的事项",
        ("其他事项", "其他需要报告事项"),
        (("其他",), ("事项",)),
    ),
)

# --------------------------------------------------------------------------- printed headings

TITLE_SUFFIX = "政府信息公开工作年度报告"
CONTENT = "信息内容"  # table 1: the header over the row labels
APPLICANTS = "申请人情况"  # table 2: spans the seven applicant columns


def chinese_date(d: dt.date) -> str:
    """2025年1月20日: a date as the report prints it (落款, and the messages that cite it)."""
    return f"{d.year}年{d.month}月{d.day}日"


def report_title(agency: str | None, year: int | None) -> str:
    """某县自然资源局2024年政府信息公开工作年度报告: agency, year, then the prescribed suffix."""
    return f"{agency or ''}{f'{year}年' if year else ''}{TITLE_SUFFIX}"


BALANCE_NOTE = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"  # table 2, top left
)

# --------------------------------------------------------------------------- table 1, 2021 (§2.3)

_T1_DOCS = (
    Column("made", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("valid", "现行有效件数"),
)
_T1_DECISIONS = (Column("decisions", "本年处理决定数量", unit="个"),)
_T1_FEES = (Column("amount", "本年收费金额（单位：万元）", unit="万元", decimal=True),)

TABLE1_2021 = Table(
    T1,
    1,
    2,
    "主动公开政府信息情况",
    (
        Row("regulations", "规章", _T1_DOCS, block="第二十条第（一）项"),
        Row(
            "normative_docs",
            "行政规范性文件",
            _T1_DOCS,
            block="第二十条第（一）项",
            keywords=("规范性文件",),
        ),
        Row("licensing", "行政许可", _T1_DECISIONS, block="第二十条第（五）项"),
        Row("penalty", "行政处罚", _T1_DECISIONS, block="第二十条第（六）项"),
        Row("coercion", "行政强制", _T1_DECISIONS, block="第二十条第（六）项"),
        Row("admin_fees", "行政事业性收费", _T1_FEES, block="第二十条第（八）项"),
    ),
)

# --------------------------------------------------------------------------- table 1, 2019 (§3.1)

_T1_19_DOCS = (
    Column("new_made", "本年新制作数量"),
    Column("new_published", "本年新公开数量"),
    Column("total_published", "对外公开总数量"),
)
_T1_19_ITEMS = (
    Column("prev_items", "上一年项目数量", unit="项"),
    Column("change", "本年增/减", unit="项", signed=True),
    Column("decisions", "处理决定数量", unit="个"),
)
_T1_19_FEES = (
    Column("prev_items", "上一年项目数量", unit="项"),
    Column("change", "本年增/减", unit="项", signed=True),
)
_T1_19_PROCUREMENT = (
    Column("items", "采购项目数量", unit="个"),
    Column("amount", "采购总金额", unit="", decimal=True),
)

TABLE1_2019 = Table(
    T1,
    1,
    2,
    "主动公开政府信息情况",
    (
        Row("regulations", "规章", _T1_19_DOCS, block="第二十条第（一）项"),
        Row("normative_docs", "规范性文件", _T1_19_DOCS, block="第二十条第（一）项"),
        Row("licensing", "行政许可", _T1_19_ITEMS, block="第二十条第（五）项"),
        Row("other_services", "其他对外管理服务事项", _T1_19_ITEMS, block="第二十条第（五）项"),
        Row("penalty", "行政处罚", _T1_19_ITEMS, block="第二十条第（六）项"),
        Row("coercion", "行政强制", _T1_19_ITEMS, block="第二十条第（六）项"),
        Row("admin_fees", "行政事业性收费", _T1_19_FEES, block="第二十条第（八）项"),
        Row("procurement", "政府集中采购", _T1_19_PROCUREMENT, block="第二十条第（九）项"),
    ),
)

# --------------------------------------------------------------------------- table 2 (§2.4, §3.2)

ORG = "法人或其他组织"
APPLICANT_COLUMNS = (
    Column("natural_person", "自然人"),
    Column("commercial_enterprise", "商业企业", group=ORG),
    Column("research_institution", "科研机构", group=ORG),
    Column("public_welfare_org", "社会公益组织", group=ORG),
    Column("legal_service_org", "法律服务机构", group=ORG),
    Column("other_org", "其他", group=ORG),
)
#: a local variant: the five organisation columns summed (法人或其他组织小计)
LEGAL_SUBTOTAL = Column("org_subtotal", "小计", group=ORG, official=False)
TOTAL_COLUMN = Column("total", "总计")
T2_COLUMNS = (*APPLICANT_COLUMNS, LEGAL_SUBTOTAL, TOTAL_COLUMN)

RESULTS = "三、本年度办理结果"
DENIED, UNABLE, NOT_PROCESSED, OTHER = (
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
)


def _t2(key, label, group="", keywords=(), leaf=False, official=True, parts=()):
    return Row(
        key,
        label,
        T2_COLUMNS,
        group=group,
        keywords=keywords,
        leaf=leaf,
        official=official,
        parts=parts,
    )


_DENIED_ROWS = (
    _t2("denied.state_secret", "1.属于国家秘密", DENIED, ("国家秘密",), True),
    _t2(
        "denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        DENIED,
        ("法律行政", "禁止公开", "行政止公开"),
        True,
    ),
    _t2("denied.security_stability", "3.危及“三安全一稳定”", DENIED, ("三安全",), True),
    _t2("denied.third_party", "4.保护第三方合法权益", DENIED, ("第三方",), True),
    _t2("denied.internal_affairs", "5.属于三类内部事务信息", DENIED, ("内部事务",), True),
    _t2("denied.process_info", "6.属于四类过程性信息", DENIED, ("过程性",), True),
    _t2("denied.enforcement_file", "7.属于行政执法案卷", DENIED, ("执法案卷",), True),
    _t2("denied.admin_query", "8.属于行政查询事项", DENIED, ("行政查询",), True),
)
_UNABLE_ROWS = (
    _t2("unable.not_held", "1.本机关不掌握相关政府信息", UNABLE, ("不掌握",), True),
    _t2(
        "unable.needs_creation",
        "2.没有现成信息需要另行制作",
        UNABLE,
        ("另行制作", "没有现成"),
        True,
    ),
    _t2("unable.unclear_after_correction", "3.补正后申请内容仍不明确", UNABLE, ("仍不明确",), True),
)
_NOT_PROCESSED_ROWS = (
    _t2(
        "not_processed.petition_complaint",
        "1.信访举报投诉类申请",
        NOT_PROCESSED,
        ("信访", "举报投诉"),
        True,
    ),
    _t2("not_processed.repeat", "2.重复申请", NOT_PROCESSED, ("重复申请",), True),
    _t2("not_processed.publication", "3.要求提供公开出版物", NOT_PROCESSED, ("出版物",), True),
    _t2("not_processed.excessive", "4.无正当理由大量反复申请", NOT_PROCESSED, ("大量反复",), True),
    _t2(
        "not_processed.confirm_or_reissue",
        "5.要求行政机关确认或重新出具已获取信息",
        NOT_PROCESSED,
        ("确认或重新出具", "重新出具"),
        True,
    ),
)
OTHER_KEY = "other"  # （六）其他处理: its items, or one row where the report printed it so
_OTHER_ROWS = (
    _t2(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OTHER,
        ("逾期不补正",),
        True,
    ),
    _t2(
        "other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OTHER,
        ("收费通知", "缴纳费用"),
        True,
    ),
    _t2("other.other", "3.其他", OTHER, (), True),
)


def _subtotal(key, label, rows):
    return _t2(key, label, RESULTS, official=False, parts=tuple(r.key for r in rows))


#: printed after （二）部分公开; long, and often broken or left out in a printed table
PARTIAL_NOTE = "（区分处理的，只计这一情形，不计其他情形）"


def without_note(label: str) -> str:
    """A row label without the note that follows （二）部分公开."""
    return label.removesuffix(PARTIAL_NOTE)


_HEAD = (
    _t2("new_received", "一、本年新收政府信息公开申请数量", keywords=("本年新收",)),
    _t2("carried_over_in", "二、上年结转政府信息公开申请数量", keywords=("上年结转",)),
    _t2("granted", "（一）予以公开", RESULTS, ("予以公开",), True),
    _t2(
        "partially_granted",
        f"（二）部分公开{PARTIAL_NOTE}",
        RESULTS,
        ("部分公开",),
        True,
    ),
)
_TAIL = (
    _t2("processed_total", "（七）总计", RESULTS, ("总计",)),
    _t2("carried_over_out", "四、结转下年度继续办理", keywords=("结转下年度",)),
)

TABLE2_2021 = Table(
    T2,
    2,
    3,
    "收到和处理政府信息公开申请情况",
    (
        *_HEAD,
        _subtotal("denied", DENIED, _DENIED_ROWS),
        *_DENIED_ROWS,
        _subtotal("unable", UNABLE, _UNABLE_ROWS),
        *_UNABLE_ROWS,
        _subtotal("not_processed", NOT_PROCESSED, _NOT_PROCESSED_ROWS),
        *_NOT_PROCESSED_ROWS,
        _subtotal(OTHER_KEY, OTHER, _OTHER_ROWS),
        *_OTHER_ROWS,
        *_TAIL,
    ),
)

#: 2019: （六）其他处理 is one leaf row with no items (§3.2)
TABLE2_2019 = Table(
    T2,
    2,
    3,
    "收到和处理政府信息公开申请情况",
    (
        *_HEAD,
        _subtotal("denied", DENIED, _DENIED_ROWS),
        *_DENIED_ROWS,
        _subtotal("unable", UNABLE, _UNABLE_ROWS),
        *_UNABLE_ROWS,
        _subtotal("not_processed", NOT_PROCESSED, _NOT_PROCESSED_ROWS),
        *_NOT_PROCESSED_ROWS,
        _t2(OTHER_KEY, OTHER, RESULTS, ("其他处理",), True),
        *_TAIL,
    ),
)

# --------------------------------------------------------------------------- table 3 (§2.5)

OUTCOME_COLUMNS = (
    Column("maintained", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
LITIGATION = "行政诉讼"
TABLE3 = Table(
    T3,
    3,
    4,
    "政府信息公开行政复议、行政诉讼情况",
    (
        Row("review", "行政复议", OUTCOME_COLUMNS),
        Row("litigation_direct", "未经复议直接起诉", OUTCOME_COLUMNS, group=LITIGATION),
        Row("litigation_after_review", "复议后起诉", OUTCOME_COLUMNS, group=LITIGATION),
    ),
)

# --------------------------------------------------------------------------- the formats

FORMAT_2021 = Format(
    "2021",
    "中华人民共和国政府信息公开工作年度报告格式",
    "国办公开办函〔2021〕30号",
    PARTS,
    (TABLE1_2021, TABLE2_2021, TABLE3),
    markers=("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期不补正"),
)
FORMAT_2019 = Format(
    "2019",
    "中华人民共和国政府信息公开工作年度报告格式（试行）",
    "国办公开办函〔2019〕60号",
    PARTS,
    (TABLE1_2019, TABLE2_2019, TABLE3),
    markers=(
        "第二十条第（九）项",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "政府集中采购",
    ),
)
FORMATS = {"2021": FORMAT_2021, "2019": FORMAT_2019}


def _format(version: str) -> Format:
    return FORMATS[version]


#: the 21 outcome rows (2021) a concluded application is counted in, in table order
OUTCOME_ROWS_2021 = tuple(r for r in TABLE2_2021.rows if r.leaf)


# --------------------------------------------------------------------------- printed variants

#: `Report.layout[OTHER_LAYOUT] == SINGLE_ROW`: the report printed （六）其他处理 as one row
#: instead of its three items (the 2019 layout kept in a 2021 table, §3.2).
SINGLE_ROW = "single_row"
OTHER_LAYOUT = f"{T2}.{OTHER_KEY}"


def in_other(key: str) -> bool:
    """A cell of the （六）其他处理 rows: the subtotal row or one of its items."""
    return key.startswith(f"{OTHER_LAYOUT}.")


# --------------------------------------------------------------------------- 2019 → 2021 (§3.4)

#: table 1 cells of the 2019 layout that carry into a 2021 cell (for sums and time series);
#: every other 2019 table-1 cell has no 2021 equivalent and is left out, and said so.
#: 本年新制作数量 → 本年制发件数 is "roughly" comparable [D]; 对外公开总数量 is not 现行有效件数.
T1_FROM_2019 = {
    "t1.regulations.new_made": "t1.regulations.made",
    "t1.normative_docs.new_made": "t1.normative_docs.made",
    "t1.licensing.decisions": "t1.licensing.decisions",
    "t1.penalty.decisions": "t1.penalty.decisions",
    "t1.coercion.decisions": "t1.coercion.decisions",
}
#: the three items of （六）其他处理 (2021) and the row that is their sum: printed as one leaf
#: row in the 2019 layout, a subtotal row in 2021 (§3.4)
OTHER_ITEMS = _OTHER_ROWS
OTHER_WHOLE = TABLE2_2019.row(OTHER_KEY)
