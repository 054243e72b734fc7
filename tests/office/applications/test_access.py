"""Access on the server: a clerk of another agency gets 404 on the case and never sees the
applicant's name; a supervisor sees the counts but no personal data; nobody unauthenticated."""

import datetime as dt

import pytest

D = dt.date


def table(client, query=""):
    """The rows of the case list (the search box echoes the query, so look at the table only)."""
    page = client.get("/office/" + query).content.decode()
    return page[page.index('<table id="case-table">') :]


@pytest.fixture
def case(make_case):
    return make_case(applicant_name="王秘密", id_number="110101199001019999", contact="13912345678")


def test_anonymous_is_sent_to_login(client, case):
    response = client.get(f"/office/cases/{case.pk}/")
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_clerk_of_another_agency_gets_404_and_no_name(client, case, other_clerk):
    client.force_login(other_clerk)
    assert client.get(f"/office/cases/{case.pk}/").status_code == 404
    assert (
        client.post(
            f"/office/cases/{case.pk}/reply/",
            {"reply-on": "2024-12-20", "reply-reply_type": "granted"},
        ).status_code
        == 404
    )
    listing = table(client, "?q=王秘密")
    assert "王秘密" not in listing and case.number not in listing
    case.refresh_from_db()
    assert case.status == "registered"


def test_own_clerk_sees_the_personal_data(client, case, clerk):
    client.force_login(clerk)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "王秘密" in page and "110101199001019999" in page and "13912345678" in page
    assert "王秘密" in table(client, "?q=王秘密")


def test_supervisor_sees_counts_but_no_personal_data(client, case, supervisor):
    client.force_login(supervisor)
    listing = client.get("/office/").content.decode()
    assert case.number in listing and "共 <b>1</b> 件" in listing
    assert "王秘密" not in listing
    assert case.number not in table(
        client, "?q=王秘密"
    )  # no search by a name the supervisor may not see
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert (
        page
        and "王秘密" not in page
        and "13912345678" not in page
        and "110101199001019999" not in page
    )
    assert 'id="form-reply"' not in page
    assert (
        client.post(f"/office/cases/{case.pk}/withdraw/", {"withdraw-on": "2024-12-03"}).status_code
        == 403
    )


def test_supervisor_of_a_sibling_sees_nothing(client, case, town):
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Membership

    user = User.objects.create_user("town_supervisor")
    Membership.objects.create(user=user, agency=town, role="supervisor")
    client.force_login(user)
    assert client.get(f"/office/cases/{case.pk}/").status_code == 404
    assert case.number not in client.get("/office/").content.decode()


def test_attachments_only_for_the_holding_agency(client, case, clerk, supervisor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(clerk)
    upload = SimpleUploadedFile("答复书.pdf", b"%PDF-1.4 reply", content_type="application/pdf")
    assert (
        client.post(
            f"/office/cases/{case.pk}/attachments/", {"name": "答复书", "file": upload}
        ).status_code
        == 302
    )
    attachment = case.attachments.get()
    assert (
        b"".join(client.get(f"/office/attachments/{attachment.pk}/").streaming_content)
        == b"%PDF-1.4 reply"
    )
    client.force_login(supervisor)
    assert client.get(f"/office/attachments/{attachment.pk}/").status_code == 404


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
