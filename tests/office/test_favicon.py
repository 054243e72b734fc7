"""Every page has the site's icon: a browser's tab shows 公, and /favicon.ico is not a 404."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert finders.find("favicon.svg")


@pytest.mark.parametrize("path", ["/login/", "/"])
def test_pages_name_the_icon(client, path):
    page = client.get(path).content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in page
