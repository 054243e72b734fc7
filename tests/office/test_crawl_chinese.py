"""Chinese throughout (issue #11 item 5): every page a person reaches in the demo, as each role
and anonymously, error pages and htmx fragments included, carries no raw stored code (in_person,
registered → correction_requested), no English word of the implementation, no True/False, and
no username where a person's name belongs. The allowlist is short and named below."""

from __future__ import annotations

import io
import re
from collections import Counter, deque
from urllib.parse import urldefrag, urlsplit

import lxml.html
import pytest
from django.apps import apps

pytestmark = pytest.mark.django_db

#: words a Chinese UI writes in Latin letters: file formats and standard abbreviations
ALLOWED = {"PDF", "DOCX", "XLSX", "CSV", "JSON", "API", "HTML", "OCR", "DOC", "XLS", "WPS"}
ALLOWED |= {"JPG", "PNG", "MB", "Word", "Excel", "OFD"}  # OFD: the national 版式文档 format
#: the one page where a username is what is shown: the 管理员's staff list (登录名)
ACCOUNT_PAGES = ("/office/staff/",)
SKIP = ("/logout/", "/static/", "/media/", "/admin/", "/api/")
DOWNLOAD = re.compile(r"\.(docx|xlsx|pdf|csv|json|zip)$|/export|/file/|/attachments/\d+/")
PER_SHAPE = 3  # pages of one shape (/office/cases/N/) visited per role
#: one person per role (the demo's county office has all five), and anonymously
ROLES = ("xian_clerk", "xian_reviewer", "xian_head", "xian_admin", "xian_supervisor", "ziran_clerk")
#: what the records hold, not the software's words: e-mail addresses, the site's own paths, and
#: the placeholders a 管理员 types into the 索引号 pattern ({year}-{seq:05d}, catalogue setup)
DATA = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|(?<![\w])/[\w/.-]+|\{[a-z]+(:[^}]*)?\}")
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}(?:[._][a-z]+)*")


def stored_codes() -> set[str]:
    """Every code a model stores for a choice (in_person, correction_requested, …)."""
    codes = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_.]+", value):
                    codes.add(value)
    return codes


def shown_text(html: str) -> str:
    """What a person reads or hears: the text and the attributes a screen reader speaks."""
    doc = lxml.html.fromstring(html or "<p></p>")
    for hidden in doc.xpath("//script|//style|//noscript|//code"):
        hidden.drop_tree()  # <code>: what a person copies (a token, a request header)
    spoken = doc.xpath("//@placeholder|//@title|//@aria-label|//@alt")
    buttons = doc.xpath("//input[@type='submit' or @type='button']/@value")
    return " ".join([doc.text_content(), *spoken, *buttons])


def links(html: str) -> list[str]:
    doc = lxml.html.fromstring(html or "<p></p>")
    found = doc.xpath("//a/@href|//*/@hx-get")
    return [urldefrag(h)[0] for h in found if h.startswith("/") or h.startswith("?")]


def problems(path: str, text: str, codes: set[str], usernames: set[str]) -> list[str]:
    found = []
    text = DATA.sub(" ", text)
    for word in set(WORD.findall(text)):
        if word in ALLOWED:
            continue
        if word in usernames:
            if not path.startswith(ACCOUNT_PAGES):
                found.append(f"{path}: username {word!r} where a name belongs")
            continue
        kind = "raw code" if word in codes else "English"
        found.append(f"{path}: {kind} {word!r}")
    return found


def crawl(client, start: list[str], codes, usernames, limit=400) -> tuple[list[str], int]:
    seen, shapes, queue, found = set(), Counter(), deque(start), []
    while queue and len(seen) < limit:
        url = queue.popleft()
        parts = urlsplit(url)
        if url in seen or parts.path.startswith(SKIP) or DOWNLOAD.search(parts.path):
            continue
        shape = re.sub(r"\d+", "N", parts.path)
        if shapes[shape] >= PER_SHAPE and url not in start:
            continue
        seen.add(url)
        shapes[shape] += 1
        response = client.get(url, HTTP_HX_REQUEST="true" if "hx" in url else None)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        found += problems(url, shown_text(html), codes, usernames)
        for link in links(html):
            queue.append(parts.path + link if link.startswith("?") else link)
    return found, len(seen)


@pytest.fixture
def demo(settings):
    from gongkai.office.demo import load_demo

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(out=io.StringIO())


def test_every_page_of_the_demo_speaks_chinese(client, demo):
    from django.contrib.auth.models import User
    from django.template.loader import render_to_string

    from gongkai.office.agencies.models import Agency

    codes = stored_codes()
    usernames = set(User.objects.values_list("username", flat=True))
    agency = Agency.objects.order_by("pk").first()
    public = ["/", f"/agency/{agency.pk}/", "/track/", "/login/", "/catalogue/1/", "/no-such-page/"]
    found, pages = crawl(client, public, codes, usernames)
    for user in User.objects.filter(username__in=ROLES).order_by("pk"):
        client.force_login(user)
        more, n = crawl(
            client, ["/office/today/", "/office/", "/office/no-such-page/"], codes, usernames
        )
        found += [f"[{user.username}] {p}" for p in more]
        pages += n
    for name in ("500.html", "403_csrf.html", "403.html", "404.html", "400.html"):
        found += problems(name, shown_text(render_to_string(name)), codes, usernames)
    assert pages > 100  # the crawl reached the office, not only the login page
    first: dict[str, str] = {}
    for problem in found:  # each word once, with the first page it was seen on
        first.setdefault(problem.rsplit(": ", 1)[-1], problem)
    assert not first, "\n".join(sorted(first.values()))


def test_the_checker_finds_what_it_is_for():
    codes = stored_codes()
    assert {"in_person", "correction_requested", "granted"} <= codes
    page = "<p>提交方式：in_person；registered → correction_requested；已批准：False</p>"
    found = problems("/office/cases/1/", shown_text(page), codes, {"xian_clerk"})
    assert "/office/cases/1/: raw code 'in_person'" in found
    assert "/office/cases/1/: raw code 'correction_requested'" in found
    assert "/office/cases/1/: English 'False'" in found
    named = problems("/office/", shown_text("<td>经办人：xian_clerk</td>"), codes, {"xian_clerk"})
    assert named == ["/office/: username 'xian_clerk' where a name belongs"]
    assert problems("/office/staff/", "登录名 xian_clerk", codes, {"xian_clerk"}) == []
    fine = "<p>导出 PDF、DOCX；邮箱 gk@example.gov.cn；<code>Authorization: Bearer</code></p>"
    assert problems("/office/", shown_text(fine), codes, set()) == []
    spoken = shown_text('<input placeholder="Search"><img alt="logo">')
    assert {w for w in ("Search", "logo") if w in spoken} == {"Search", "logo"}
