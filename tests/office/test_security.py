"""Security basics of the office: login throttling, password rules, the HTTPS mode's deploy
checks, CSP, no-store on personal pages, the secret key's mode, upload limits, one PDF at a
time, exceptions in the log, odd URL parameters answered without a 500."""

import io
import logging
import os
import subprocess
import sys
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import path

pytestmark = pytest.mark.django_db


def _login(client, username, password, addr="10.0.0.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=addr)


def test_an_account_is_locked_after_repeated_wrong_passwords(client, clerk, settings):
    statuses = [
        _login(client, "clerk", "wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    r = _login(client, "clerk", "pw-clerk")
    assert r.status_code == 429 and "登录失败次数过多" in r.content.decode()
    assert "_auth_user_id" not in client.session
    # from another address the account stays locked: the count is per account too
    assert _login(client, "clerk", "pw-clerk", addr="10.0.0.2").status_code == 429


def test_an_address_is_locked_after_guessing_many_accounts(client, clerk, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"nobody{i}", "wrong", addr="10.9.9.9")
    assert _login(client, "clerk", "pw-clerk", addr="10.9.9.9").status_code == 429
    assert _login(client, "clerk", "pw-clerk", addr="10.0.0.3").status_code == 302


def test_a_right_password_resets_the_count(client, clerk, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "clerk", "wrong")
    assert _login(client, "clerk", "pw-clerk").status_code == 302


@pytest.mark.parametrize("password", ["1", "12345678901", "password123", "qwertyuiop"])
def test_weak_passwords_are_refused(clerk, password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password, clerk)


def _django(args, tmp_path, **env):
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env={
            # as a server would run: no GONGKAI_ settings of this test run, and not the browser
            # tests' DJANGO_ALLOW_ASYNC_UNSAFE
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith("GONGKAI_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
            },
            "DJANGO_SETTINGS_MODULE": "gongkai.settings",
            "GONGKAI_HOME": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_https_mode_passes_djangos_deploy_checks(tmp_path):
    r = _django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        GONGKAI_HTTPS="1",
        GONGKAI_ALLOWED_HOSTS="gongkai.example.gov.cn",
    )
    assert r.returncode == 0, r.stderr[-3000:] + r.stdout
    plain = _django(["check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert plain.returncode != 0  # without it the same checks say what is missing


def test_the_generated_secret_key_is_readable_by_its_owner_only(tmp_path):
    r = _django(["shell", "-c", "from django.conf import settings; settings.SECRET_KEY"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert oct((tmp_path / "var" / "secret_key").stat().st_mode & 0o777) == "0o600"
    (tmp_path / "var" / "secret_key").chmod(0o644)
    _django(["shell", "-c", "from django.conf import settings; settings.SECRET_KEY"], tmp_path)
    assert oct((tmp_path / "var" / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_pages_carry_a_csp_allowing_only_the_sites_own_scripts(client, clerk):
    client.force_login(clerk)
    policy = client.get("/office/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["object-src"] == "'none'"


def test_personal_pages_are_not_stored_public_ones_may_be(client, clerk, make_case):
    case = make_case()
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    client.force_login(clerk)
    for url in ("/office/", f"/office/cases/{case.pk}/", "/office/cases/new/"):
        assert "no-store" in client.get(url)["Cache-Control"], url


def _upload(client, case, name, data):
    return client.post(
        f"/office/cases/{case.pk}/attachments/",
        {"name": "", "file": SimpleUploadedFile(name, data)},
        follow=True,
    )


def test_uploads_are_limited_in_size_and_kind(client, clerk, make_case):
    from gongkai.office.uploads import MAX_UPLOAD_BYTES

    case = make_case()
    client.force_login(clerk)
    assert "不接受这种文件" in _upload(client, case, "tool.exe", b"MZ\x90\x00").content.decode()
    renamed = _upload(client, case, "答复书.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    assert "与扩展名 .pdf 不符" in renamed.content.decode()
    big = _upload(client, case, "scan.pdf", b"%PDF-1.7\n" + b"0" * MAX_UPLOAD_BYTES)
    assert "文件过大" in big.content.decode()
    assert not case.attachments.exists()
    ok = _upload(client, case, "答复书.pdf", b"%PDF-1.7\n%%EOF\n")
    assert "已上传附件" in ok.content.decode() and case.attachments.count() == 1


def test_one_pdf_at_a_time_per_process(monkeypatch):
    from gongkai.office.annual import export

    monkeypatch.setattr(export, "PDF_WAIT_SECONDS", 0.1)
    assert export.PDF_AT_ONCE.acquire()
    try:
        with pytest.raises(export.PdfUnavailable, match="正在生成其他 PDF"):
            export._run(["true"], export.Path("/nonexistent"))
    finally:
        export.PDF_AT_ONCE.release()


def _boom(request):
    raise ZeroDivisionError("故意的错误")


urlpatterns = [path("boom/", _boom)]


@pytest.mark.urls(__name__)
def test_an_exception_is_logged_with_its_traceback_when_debug_is_off(client, settings):
    settings.DEBUG = False
    handler = next(h for h in logging.getLogger("django.request").handlers)
    buffer = io.StringIO()
    old, handler.stream = handler.stream, buffer
    client.raise_request_exception = False
    try:
        assert client.get("/boom/").status_code == 500
    finally:
        handler.stream = old
    assert "Traceback" in buffer.getvalue() and "ZeroDivisionError: 故意的错误" in buffer.getvalue()


def test_odd_url_parameters_are_not_server_errors(client, head, bureau):
    client.force_login(head)
    assert client.get(f"/office/annual/{bureau.pk}/0/").status_code == 404
    assert client.get(f"/office/annual/{bureau.pk}/2024/export.html?version=abc").status_code == 404
    assert client.get("/office/?q=%00").status_code == 400


def test_a_supervisor_does_not_see_attachment_names(client, clerk, supervisor, make_case):
    case = make_case()
    client.force_login(clerk)
    _upload(client, case, "张三13800000000答复书.pdf", b"%PDF-1.7\n%%EOF\n")
    client.force_login(supervisor)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "13800000000答复书" not in page and "仅受理机关可见" in page


def test_concurrent_pdf_requests_wait_for_each_other(monkeypatch):
    """Two threads converting at once: the second starts only after the first ended."""
    from gongkai.office.annual import export

    spans, lock = [], threading.Lock()

    def fake_run(cmd, check, capture_output, timeout):
        import time

        start = time.monotonic()
        time.sleep(0.2)
        with lock:
            spans.append((start, time.monotonic()))

    monkeypatch.setattr(export.subprocess, "run", fake_run)
    refused = []

    def convert():
        with pytest.raises(export.PdfUnavailable):  # the fake tool writes no file
            export._run(["fake-pdf-tool"], export.Path("/nonexistent"))
        refused.append(True)

    threads = [threading.Thread(target=convert) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (a0, a1), (b0, b1) = sorted(spans)
    assert b0 >= a1
    assert refused == [True, True]
