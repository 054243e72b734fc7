"""Table 1 counted from the catalogue (domain-spec §2.3; issue item 7): revisions, 失效, drafts,
an agency without 规章制定权, and entered versus compiled figures. Each test states the whole
table for the year, as the 2021 format prints it."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db

D = dt.date
KEYS = (
    "regulations.made",
    "regulations.repealed",
    "regulations.valid",
    "normative_docs.made",
    "normative_docs.repealed",
    "normative_docs.valid",
    "licensing.decisions",
    "penalty.decisions",
    "coercion.decisions",
    "admin_fees.amount",
)


def table(**values):
    """The ten cells of table 1: the compiled zeros, the fee blank, and `values` (a__b → a.b)."""
    cells = {f"t1.{k}": "0" for k in KEYS}
    cells["t1.admin_fees.amount"] = ""
    cells.update({f"t1.{k.replace('__', '.')}": str(v) for k, v in values.items()})
    return cells


def item(agency, index_no, doc_type, formed_on, **fields):
    from gongkai.office.catalogue.models import Item

    fields.setdefault("stage", "done")
    fields.setdefault("published_on", formed_on + dt.timedelta(days=3))
    return Item.objects.create(
        agency=agency,
        index_no=index_no,
        title=index_no,
        formed_on=formed_on,
        category="第二十条第（一）项",
        doc_type=doc_type,
        **fields,
    )


def compiled(agency, year):
    from gongkai.office.annual.compile import compile_report

    report = compile_report(agency, year)
    return {k: c.raw for k, c in report.cells.items() if k.startswith("t1.")}, report.notes


def test_a_revision_is_made_in_its_own_year_and_replaces_the_old_one(bureau):
    old = item(bureau, "A-2023", "normative", D(2023, 4, 1))
    item(bureau, "A-2025", "normative", D(2025, 6, 1), revises=old)
    assert compiled(bureau, 2024)[0] == table(normative_docs__valid=1)
    assert compiled(bureau, 2025)[0] == table(normative_docs__made=1, normative_docs__valid=1)


def test_expired_is_no_longer_valid_but_not_repealed(bureau):
    item(bureau, "S", "normative", D(2020, 1, 6), expired_on=D(2025, 4, 1))
    item(bureau, "R", "normative", D(2020, 1, 6), repealed_on=D(2025, 4, 1))
    assert compiled(bureau, 2024)[0] == table(normative_docs__valid=2)
    assert compiled(bureau, 2025)[0] == table(normative_docs__repealed=1)


def test_a_draft_is_not_counted_but_an_item_under_review_or_withheld_is(bureau):
    item(bureau, "draft", "normative", D(2025, 3, 3), stage="draft", published_on=None)
    item(bureau, "review", "normative", D(2025, 3, 3), stage="review", published_on=None)
    item(
        bureau,
        "withheld",
        "normative",
        D(2025, 3, 3),
        disclosure="withheld",
        withheld_reason="国家秘密",
        published_on=None,
    )
    item(bureau, "penalty", "penalty", D(2025, 5, 5))
    item(bureau, "coerce", "coercion", D(2025, 5, 5), stage="draft")
    assert compiled(bureau, 2025)[0] == table(
        normative_docs__made=2, normative_docs__valid=2, penalty__decisions=1
    )


def test_rules_of_an_agency_without_rule_making_power_are_counted_and_warned(town):
    assert not town.can_make_rules
    item(town, "G1", "rule", D(2025, 2, 3))
    cells, notes = compiled(town, 2025)
    assert cells == table(regulations__made=1, regulations__valid=1)
    assert any("没有规章制定权" in n and "1件规章" in n for n in notes)


def test_rules_of_an_agency_with_rule_making_power_raise_no_warning(county):
    county.can_make_rules = True
    county.save()
    item(county, "G1", "rule", D(2025, 2, 3))
    cells, notes = compiled(county, 2025)
    assert cells == table(regulations__made=1, regulations__valid=1)
    assert not any("规章制定权" in n for n in notes)


def test_an_agency_without_a_catalogue_keeps_its_entered_table(bureau):
    from gongkai.office.annual.models import AnnualReport

    AnnualReport.objects.create(
        agency=bureau,
        year=2025,
        table1={"t1.normative_docs.made": "4", "t1.penalty.decisions": "/"},
    )
    cells, _ = compiled(bureau, 2025)
    expected = {f"t1.{k}": "" for k in KEYS}  # nothing compiled: blanks stay blank, no zeros
    expected.update({"t1.normative_docs.made": "4", "t1.penalty.decisions": "/"})
    assert cells == expected


def test_entered_figures_win_and_the_difference_is_shown(bureau, clerk):
    from gongkai.office.annual.models import AnnualReport
    from gongkai.office.catalogue.models import Table1Entry

    for n in range(3):
        item(bureau, f"N{n}", "normative", D(2025, 3, 3 + n))
    AnnualReport.objects.create(
        agency=bureau,
        year=2025,
        table1={"t1.normative_docs.made": "5", "t1.licensing.decisions": "0"},
    )
    Table1Entry.objects.create(
        agency=bureau,
        year=2025,
        key="t1.penalty.decisions",
        value="57",
        source="县行政执法系统",
        by=clerk,
    )
    Table1Entry.objects.create(
        agency=bureau,
        year=2025,
        key="t1.admin_fees.amount",
        value="1.25",
        source="财政非税收入系统",
        by=clerk,
    )
    cells, notes = compiled(bureau, 2025)
    assert cells == table(
        normative_docs__made=5,
        normative_docs__valid=3,
        penalty__decisions=57,
        admin_fees__amount="1.25",
    )
    assert any(
        "行政规范性文件·本年制发件数”录入为5，目录汇总为3（相差2）；未说明理由" in n for n in notes
    )
    assert any(
        "行政处罚·本年处理决定数量”录入为57，目录汇总为0" in n and "县行政执法系统" in n
        for n in notes
    )
    assert not any("行政许可" in n for n in notes)  # entered 0 equals the compiled 0


def test_the_latest_entry_counts_and_the_earlier_is_kept(bureau, clerk):
    from gongkai.office.catalogue.models import Table1Entry

    item(bureau, "P", "penalty", D(2025, 3, 3))
    for value, why in (("9", "初次录入"), ("12", "执法系统补录3件")):
        Table1Entry.objects.create(
            agency=bureau, year=2025, key="t1.penalty.decisions", value=value, source=why, by=clerk
        )
    cells, notes = compiled(bureau, 2025)
    assert cells["t1.penalty.decisions"] == "12"
    assert any("执法系统补录3件" in n for n in notes)
    assert Table1Entry.objects.count() == 2


def test_the_items_behind_a_number_are_the_ones_counted(bureau):
    from gongkai.office.catalogue.table1 import items_behind

    item(bureau, "in", "normative", D(2025, 3, 3))
    item(bureau, "gone", "normative", D(2024, 3, 3), repealed_on=D(2025, 1, 5))
    item(bureau, "draft", "normative", D(2025, 3, 3), stage="draft")
    assert [i.index_no for i in items_behind(bureau, "t1.normative_docs.made", 2025)] == ["in"]
    assert [i.index_no for i in items_behind(bureau, "t1.normative_docs.repealed", 2025)] == [
        "gone"
    ]


def test_the_table1_page_links_each_number_to_its_items_and_records_entries(client, bureau, clerk):
    from gongkai.office.catalogue.models import Table1Entry

    item(bureau, "N-IN", "normative", D(2025, 3, 3))
    client.force_login(clerk)
    page = client.get(f"/office/catalogue/{bureau.pk}/table1/2025/").content.decode()
    link = f"/office/catalogue/{bureau.pk}/table1/2025/t1.normative_docs.made/"
    assert link in page
    assert "N-IN" in client.get(link).content.decode()
    url = f"/office/catalogue/{bureau.pk}/table1/2025/"
    refused = client.post(
        url, {"key": "t1.penalty.decisions", "value": "十二", "source": "执法系统"}
    )
    assert refused.status_code == 200 and not Table1Entry.objects.exists()
    client.post(url, {"key": "t1.penalty.decisions", "value": "12", "source": ""})
    assert not Table1Entry.objects.exists()  # a figure without its source or reason is refused
    client.post(url, {"key": "t1.penalty.decisions", "value": "12", "source": "县行政执法监督平台"})
    assert Table1Entry.objects.get().by == clerk
    assert "县行政执法监督平台" in client.get(url).content.decode()
