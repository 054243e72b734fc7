"""The public catalogue: search by 名称, 索引号 and 文号 (two-character words such as 复议 found
through the index), filters by category and year, each item's page; nothing unsigned shows."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def item(agency, index_no, title, formed_on, **fields):
    from gongkai.office.catalogue.models import Item
    from gongkai.office.catalogue.search import index_items

    fields.setdefault("stage", "done")
    fields.setdefault("published_on", formed_on + dt.timedelta(days=2))
    made = Item.objects.create(
        agency=agency,
        index_no=index_no,
        title=title,
        formed_on=formed_on,
        category=fields.pop("category", "第二十条第（一）项"),
        doc_type=fields.pop("doc_type", "other"),
        **fields,
    )
    index_items([made])
    return made


@pytest.fixture
def catalogue(bureau, town):
    d = dt.date
    return {
        "review": item(bureau, "ZR-2025-001", "行政复议决定书送达公告", d(2025, 3, 1)),
        "fee": item(
            bureau,
            "ZR-2025-002",
            "土地复垦费收费标准",
            d(2025, 5, 1),
            category="第二十条第（八）项",
            doc_number="某资发〔2025〕12号",
        ),
        "old": item(bureau, "ZR-2024-009", "关于复议听证的说明", d(2024, 6, 1)),
        "draft": item(
            bureau, "ZR-2025-003", "复议工作草稿", d(2025, 6, 1), stage="review", published_on=None
        ),
        "withheld": item(
            bureau,
            "ZR-2025-004",
            "复议内部研究",
            d(2025, 6, 1),
            disclosure="withheld",
            withheld_reason="内部事务",
            published_on=None,
        ),
        "elsewhere": item(town, "ZH-2025-001", "复议告知书", d(2025, 6, 1)),
    }


def _titles(client, bureau, **query):
    response = client.get(f"/catalogue/{bureau.pk}/", query)
    assert response.status_code == 200
    return {i.title for i in response.context["page"]}


def test_a_two_character_word_is_found_in_published_items_of_this_agency_only(
    client, bureau, catalogue
):
    assert _titles(client, bureau, q="复议") == {"行政复议决定书送达公告", "关于复议听证的说明"}


def test_search_by_index_number_and_document_number(client, bureau, catalogue):
    assert _titles(client, bureau, q="ZR-2025-002") == {"土地复垦费收费标准"}
    assert _titles(client, bureau, q="zr-2025-002") == {"土地复垦费收费标准"}
    assert _titles(client, bureau, q="〔2025〕12号") == {"土地复垦费收费标准"}
    assert _titles(client, bureau, q="复") == {
        "行政复议决定书送达公告",
        "关于复议听证的说明",
        "土地复垦费收费标准",
    }
    assert _titles(client, bureau, q="议复") == set()  # both pieces' characters, not adjacent


def test_filters_by_category_and_year(client, bureau, catalogue):
    assert _titles(client, bureau, category="第二十条第（八）项") == {"土地复垦费收费标准"}
    assert _titles(client, bureau, year="2024") == {"关于复议听证的说明"}
    assert _titles(client, bureau, q="复议", year="2025") == {"行政复议决定书送达公告"}
    assert _titles(client, bureau, year="not-a-year") == _titles(client, bureau)


def test_item_pages_show_published_items_and_404_the_rest(client, bureau, catalogue):
    ok = client.get(f"/catalogue/{bureau.pk}/item/{catalogue['review'].pk}/")
    assert ok.status_code == 200 and "ZR-2025-001" in ok.content.decode()
    for name in ("draft", "withheld"):
        assert client.get(f"/catalogue/{bureau.pk}/item/{catalogue[name].pk}/").status_code == 404
    other = catalogue["elsewhere"]
    assert client.get(f"/catalogue/{bureau.pk}/item/{other.pk}/").status_code == 404


def test_the_interpretation_shows_on_its_document_page(client, bureau, catalogue):
    doc = catalogue["review"]
    item(
        bureau,
        "ZR-2025-J01",
        "图解：行政复议决定书送达",
        doc.formed_on,
        doc_type="interpretation",
        interprets=doc,
    )
    page = client.get(f"/catalogue/{bureau.pk}/item/{doc.pk}/").content.decode()
    assert "图解：行政复议决定书送达" in page


def test_the_agency_page_links_to_the_catalogue(client, bureau):
    page = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert f"/catalogue/{bureau.pk}/" in page


def test_the_guide_shows_the_contact_fields_the_office_entered(client, town):
    town.address = "管头镇人民路1号"
    town.office_hours = "工作日 8:30-12:00，14:30-17:30"
    town.telephone = "0710-1234567"
    town.save()
    page = client.get(f"/agency/{town.pk}/").content.decode()
    for text in (
        "办公地址",
        "管头镇人民路1号",
        "办公时间",
        "0710-1234567",
        "传真",
        "电子邮箱",
        "通信地址",
    ):
        assert text in page
    assert "宅基地使用情况审核" in page  # 第二十一条's township topics in the basic catalogue
