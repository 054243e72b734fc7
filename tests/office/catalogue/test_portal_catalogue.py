"""The public catalogue: search by 名称, 索引号 and 文号 (two-character words such as 复议 found
through the index), filters by category and year, each item's page; nothing unsigned shows."""

import datetime as dt
from urllib.parse import urljoin

import lxml.html
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


def _listed(client, bureau, **query):
    """The catalogue page as a visitor reads it: (total shown, {title: link}) of its rows."""
    response = client.get(f"/catalogue/{bureau.pk}/", query)
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    links = page.xpath('//table[@id="catalogue"]//td/a')
    url = response.wsgi_request.get_full_path()
    return page.get_element_by_id("result-count").text, {
        a.text: urljoin(url, a.get("href")) for a in links
    }


def _titles(client, bureau, **query):
    return set(_listed(client, bureau, **query)[1])


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


def test_each_row_links_to_its_item_page_and_shows_iso_dates(client, bureau, catalogue):
    _, links = _listed(client, bureau, q="复议")
    page = client.get(links["行政复议决定书送达公告"])
    assert page.status_code == 200 and "ZR-2025-001" in page.content.decode()
    listing = client.get(f"/catalogue/{bureau.pk}/", {"q": "复议"}).content.decode()
    assert "<td>2025-03-01</td><td>2025-03-03</td>" in listing


@pytest.fixture
def many(bureau, town):
    """45 published items holding 征收 (one a day from 1 March 2025), 5 others, a draft and an
    item of another agency holding it too."""
    d = dt.date(2025, 3, 1)
    for n in range(45):
        item(bureau, f"ZS-{n:03d}", f"房屋征收公告第{n}号", d + dt.timedelta(days=n))
    for n in range(5):
        item(bureau, f"QT-{n:03d}", f"防汛通知第{n}号", d)
    item(bureau, "ZS-DRAFT", "征收草稿", d, stage="review", published_on=None)
    item(town, "ZS-T", "镇征收公告", d)


@pytest.mark.parametrize(
    "query, total",
    [
        ({"q": "征收"}, "共45条"),
        ({}, "共50条"),
        ({"q": "房屋征收"}, "共45条"),
        ({"q": "征"}, "共45条"),
    ],
)
def test_pages_of_a_search_and_of_the_whole_catalogue_count_what_is_public(
    client, bureau, many, query, total
):
    shown, first = _listed(client, bureau, **query)
    assert shown == total
    assert len(first) == 20
    _, third = _listed(client, bureau, page="3", **query)
    assert len(third) == (5 if "q" in query else 10)
    seen = set(first) | set(_listed(client, bureau, page="2", **query)[1]) | set(third)
    assert len(seen) == int(total[1:-1])  # every item once, across the pages
    assert "征收草稿" not in seen and "镇征收公告" not in seen


def test_a_page_number_past_the_end_or_not_a_number_gives_a_page_not_an_error(client, bureau, many):
    last = _listed(client, bureau, q="征收", page="3")
    assert _listed(client, bureau, q="征收", page="99") == last
    assert _listed(client, bureau, q="征收", page="二") == _listed(client, bureau, q="征收")
    assert _listed(client, bureau, q="征收", page="-1") == _listed(client, bureau, q="征收")
    assert (
        "第3/3页"
        in client.get(f"/catalogue/{bureau.pk}/", {"q": "征收", "page": "99"}).content.decode()
    )
    assert _listed(client, bureau, q="没有的词") == ("共0条", {})
    assert _listed(client, bureau, q="没有的词", page="4") == ("共0条", {})


def test_the_newest_come_first(client, bureau, many):
    _, first = _listed(client, bureau, q="征收")
    assert list(first)[:2] == ["房屋征收公告第44号", "房屋征收公告第43号"]


def test_a_visitor_s_search_costs_three_queries(client, bureau, many, django_assert_num_queries):
    """the agency with its own categories, the span of its years, the page with its total: no
    session, no user, no separate COUNT (bench/catalogue_speed.py measures what this buys)"""
    with django_assert_num_queries(3):
        assert client.get(f"/catalogue/{bureau.pk}/", {"q": "征收", "page": "2"}).status_code == 200


def test_the_year_filter_offers_the_years_of_public_items_only(client, bureau, county, catalogue):
    item(bureau, "ZR-2021-001", "旧草稿", dt.date(2021, 1, 5), stage="review", published_on=None)
    page = lxml.html.fromstring(client.get(f"/catalogue/{bureau.pk}/").content.decode())
    assert page.xpath('//select[@id="year"]/option/text()') == ["全部年度", "2025年", "2024年"]
    none = lxml.html.fromstring(client.get(f"/catalogue/{county.pk}/").content.decode())
    assert none.xpath('//select[@id="year"]/option/text()') == ["全部年度"]


def test_rows_and_filters_show_text_as_text_and_keep_the_visitor_s_choice(client, bureau):
    item(
        bureau,
        "ZR-<b>1",
        '关于"复议"<script>alert(1)</script>的通知',
        dt.date(2025, 3, 1),
        doc_number="某发〔2025〕1号&2",
    )
    response = client.get(
        f"/catalogue/{bureau.pk}/", {"q": "复议", "year": "2025", "category": "第二十条第（一）项"}
    )
    html = response.content.decode()
    assert "<script>alert" not in html and "ZR-<b>" not in html and "1号&2" not in html
    page = lxml.html.fromstring(html)
    (row,) = page.xpath('//table[@id="catalogue"]/tbody/tr')
    assert [td.text_content() for td in row] == [
        "ZR-<b>1",
        '关于"复议"<script>alert(1)</script>的通知',
        "某发〔2025〕1号&2",
        "2025-03-01",
        "2025-03-03",
    ]
    assert page.xpath('//select[@id="year"]/option[@selected]/@value') == ["2025"]
    assert page.xpath('//select[@id="category"]/option[@selected]/text()') == ["第二十条第（一）项"]
    nothing = lxml.html.fromstring(client.get(f"/catalogue/{bureau.pk}/", {"q": "无此词"}).content)
    assert nothing.xpath('//*[@id="no-results"]/text()') == ["没有符合条件的信息。"]
    assert nothing.xpath('//select[@id="year"]/option[@selected]') == []


@pytest.mark.parametrize("change", [{"disclosure": "withheld"}, {"stage": "review"}])
def test_an_item_taken_off_the_portal_leaves_its_search_and_its_page_at_once(
    client, bureau, catalogue, change
):
    """nothing of the portal's answer is kept between requests (the filter built once per
    process is cloned, never evaluated): the next request no longer finds the item"""
    shown = catalogue["review"]
    page = f"/catalogue/{bureau.pk}/item/{shown.pk}/"
    assert "行政复议决定书送达公告" in _titles(client, bureau, q="复议")
    assert client.get(page).status_code == 200
    for field, value in change.items():
        setattr(shown, field, value)
    shown.save()
    assert _titles(client, bureau, q="复议") == {"关于复议听证的说明"}
    assert "行政复议决定书送达公告" not in _titles(client, bureau)
    assert client.get(page).status_code == 404


def test_the_category_filter_ends_with_the_agency_s_own_categories_in_the_order_added(
    client, bureau, town, catalogue
):
    from gongkai.office.catalogue.models import OwnCategory
    from gongkai.office.catalogue.vocab import LAW_CATEGORIES

    for name in ("乡村振兴", "河长制"):
        OwnCategory.objects.create(agency=bureau, name=name)
    OwnCategory.objects.create(agency=town, name="镇里的类别")

    def offered(agency):
        page = lxml.html.fromstring(client.get(f"/catalogue/{agency.pk}/").content.decode())
        return page.xpath('//select[@id="category"]/option/@value')[1:]

    assert offered(bureau) == [*LAW_CATEGORIES, "乡村振兴", "河长制"]
    assert offered(town) == [*LAW_CATEGORIES, "镇里的类别"]
    assert "共3条" in client.get(f"/catalogue/{bureau.pk}/").content.decode()  # not one a category


def test_an_agency_that_is_not_active_or_does_not_exist_has_no_catalogue(client, bureau):
    bureau.is_active = False
    bureau.save()
    assert client.get(f"/catalogue/{bureau.pk}/").status_code == 404
    assert client.get("/catalogue/999999/").status_code == 404
