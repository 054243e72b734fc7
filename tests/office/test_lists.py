"""Filters and pages on every office list; the agency filter for whoever sees several agencies;
the appeal form's 所涉申请 picker searched by number and subject; the portal's larger type."""

import datetime as dt

import pytest

from gongkai.office.listing import PAGE_SIZE

pytestmark = pytest.mark.django_db
D = dt.date


def appeal(agency, number, application=None, **fields):
    from gongkai.office.appeals.models import Appeal

    values = {"kind": "review", "filed_on": D(2025, 1, 10)} | fields
    return Appeal.objects.create(agency=agency, number=number, application=application, **values)


def test_appeals_are_filtered_by_kind_state_and_search(client, clerk, bureau, make_case):
    case = make_case(request_text="某村征地补偿标准")
    appeal(bureau, "复1", case)
    appeal(bureau, "诉1", kind="litigation_direct")
    appeal(bureau, "复2", result="maintained", closed_on=D(2025, 3, 1))
    client.force_login(clerk)

    def listed(query):
        page = client.get("/office/appeals/" + query).content.decode()
        return {n for n in ("复1", "诉1", "复2") if f">{n}</a>" in page}

    assert listed("") == {"复1", "诉1", "复2"}
    assert listed("?kind=review") == {"复1", "复2"}
    assert listed("?state=open") == {"复1", "诉1"} and listed("?state=closed") == {"复2"}
    assert listed("?q=征地") == {"复1"} and listed(f"?q={case.number}") == {"复1"}
    assert listed("?kind=bogus&state=bogus") == {"复1", "诉1", "复2"}
    assert "没有符合条件的案件" in client.get("/office/appeals/?q=无此案").content.decode()


def test_a_long_appeal_list_is_paged_with_its_filters(client, clerk, bureau):
    for i in range(PAGE_SIZE + 2):
        appeal(bureau, f"复{i:03}")
    client.force_login(clerk)
    first = client.get("/office/appeals/?kind=review").content.decode()
    assert first.count('<tr id="appeal-') == PAGE_SIZE
    assert "第 1 / 2 页" in first and 'href="?kind=review&amp;page=2"' in first
    second = client.get("/office/appeals/?kind=review&page=2").content.decode()
    assert second.count('<tr id="appeal-') == 2


def test_a_supervisor_filters_cases_and_appeals_by_agency(
    client, supervisor, clerk, other_clerk, bureau, town, make_case
):
    ours = make_case(request_text="局的申请")
    theirs = make_case(by=other_clerk, agency=town, request_text="镇的申请")
    appeal(bureau, "局复1")
    appeal(town, "镇复1")
    client.force_login(supervisor)
    page = client.get("/office/").content.decode()
    assert 'id="filter-agency"' in page and "<th>机关</th>" in page
    only_town = client.get(f"/office/?agency={town.pk}").content.decode()
    assert f'id="case-{theirs.pk}"' in only_town and f'id="case-{ours.pk}"' not in only_town
    appeals = client.get(f"/office/appeals/?agency={bureau.pk}").content.decode()
    assert ">局复1</a>" in appeals and ">镇复1</a>" not in appeals
    # an agency the supervisor does not see is ignored, not shown
    other = client.get("/office/?agency=999999").content.decode()
    assert f'id="case-{theirs.pk}"' in other and f'id="case-{ours.pk}"' in other
    client.force_login(clerk)  # one agency: no agency filter to offer
    assert 'id="filter-agency"' not in client.get("/office/").content.decode()


def test_the_annual_list_is_filtered_and_paged_by_agency(client, supervisor, bureau, town, head):
    from gongkai.office.annual.publish import publish

    publish(bureau, 2024, head, D(2025, 1, 20), "")
    client.force_login(supervisor)
    page = client.get(f"/office/annual/?agency={town.pk}").content.decode()
    assert "某镇人民政府" in page and "<h2>某县自然资源局" not in page
    published = client.get(f"/office/annual/?agency={bureau.pk}&state=published").content.decode()
    assert "2024年" in published and "已发布第1版" in published and "未发布</span>" not in published
    unpublished = client.get(f"/office/annual/?agency={bureau.pk}&state=unpublished")
    assert "已发布第1版" not in unpublished.content.decode()


def test_the_appeal_picker_finds_cases_by_number_and_subject(
    client, clerk, other_clerk, town, make_case
):
    land = make_case(request_text="某村征地补偿标准")
    make_case(request_text="2024年财政预算")
    make_case(by=other_clerk, agency=town, request_text="镇里的征地文件")
    client.force_login(clerk)
    form = client.get("/office/appeals/new/").content.decode()
    assert f"{land.number} · 某村征地补偿标准（某县自然资源局）" in form
    assert 'id="application-search"' in form and "查找所涉申请：" in form
    found = client.get("/office/appeals/cases/?q=征地").content.decode()
    assert f'value="{land.pk}"' in found and "财政预算" not in found
    assert "镇里的征地文件" not in found  # another agency's case is never offered
    by_number = client.get(f"/office/appeals/cases/?q={land.number}").content.decode()
    assert f'value="{land.pk}"' in by_number
    assert (
        "没有与“无此申请”相符的申请"
        in client.get("/office/appeals/cases/?q=无此申请").content.decode()
    )


def test_the_picker_is_for_staff_only(client, supervisor):
    client.force_login(supervisor)
    assert client.get("/office/appeals/cases/?q=1").status_code == 403


def test_larger_type_is_kept_in_a_cookie_and_switched_back(client, bureau):
    normal = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert 'class="large-text"' not in normal and ">大字模式</a>" in normal
    response = client.get(f"/text-size/?size=large&next=/agency/{bureau.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/agency/{bureau.pk}/"
    page = client.get("/track/").content.decode()
    assert '<html lang="zh-Hans" class="large-text">' in page and ">标准字号</a>" in page
    client.get("/text-size/?size=normal&next=/track/")
    assert 'class="large-text"' not in client.get("/track/").content.decode()


def test_the_text_size_link_never_sends_a_visitor_elsewhere(client):
    response = client.get("/text-size/?size=large&next=https://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/"


def test_portal_pages_have_landmarks_and_a_skip_link(client, bureau):
    page = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert '<a class="skip" href="#content">跳到正文</a>' in page
    assert '<nav aria-label="网站导航">' in page and '<main id="content"' in page
    assert "<footer>" in page
