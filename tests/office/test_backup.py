"""`gongkai backup` / `gongkai restore`: the database and the attachments come back exactly,
into a new database; a backup taken while clients write holds everything accepted before it."""

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

GONGKAI = Path(sys.executable).with_name("gongkai")
SEED = """
import datetime as dt
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from gongkai.office.agencies.models import Agency, Membership
from gongkai.office.applications import services
from gongkai.office.applications.models import Attachment
agency = Agency.objects.create(name="备份测试局", kind="department")
clerk = User.objects.create_user("bk", password="backup-test-pw")
Membership.objects.create(user=clerk, agency=agency, role="clerk")
case = services.register(agency, clerk, channel="in_person", arrived_on=dt.date(2025, 3, 3),
    applicant_category="natural_person", applicant_name="李四", contact="139", request_text="某文件")
services.reply(case, dt.date(2025, 3, 10), clerk, reply_type="granted")
Attachment.objects.create(application=case, name="答复书", file=ContentFile(b"%PDF-1.7 reply", name="答复书.pdf"))
"""
#: what the two databases are compared on (sessions and login attempts are not the office's)
DUMP = [
    "dumpdata",
    "--exclude=sessions",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=admin",
    "--exclude=axes",
    "--indent=1",
]


def _env(home, url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    env.update(GONGKAI_HOME=str(home), DJANGO_SETTINGS_MODULE="gongkai.settings")
    env.pop("DATABASE_URL", None)
    if url:
        env["DATABASE_URL"] = url
    return env


def _run(cmd, home, url, **kw):
    return subprocess.run(
        cmd, env=_env(home, url), capture_output=True, text=True, timeout=600, **kw
    )


def _fresh_pg(suffix):
    url = os.environ.get("DATABASE_URL")
    if not url:
        return None
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/") + suffix
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl()


@pytest.fixture
def homes(tmp_path):
    """Two offices: (home, database URL or None for SQLite) for the source and the target."""
    src, dst = tmp_path / "src", tmp_path / "dst"
    src.mkdir(), dst.mkdir()
    return (src, _fresh_pg("_bksrc")), (dst, _fresh_pg("_bkdst"))


def _migrate(home, url):
    code = "import django; django.setup(); from gongkai.office.bootstrap import ensure_database; ensure_database()"
    assert _run([sys.executable, "-c", code], home, url).returncode == 0


def _round_trip(src, dst, tmp_path):
    archive = tmp_path / "office.tar.gz"
    made = _run([str(GONGKAI), "backup", str(archive)], *src)
    assert made.returncode == 0, made.stderr
    back = _run([str(GONGKAI), "restore", str(archive)], *dst)
    assert back.returncode == 0, back.stderr
    before = _run([sys.executable, "-m", "django", *DUMP], *src)
    after = _run([sys.executable, "-m", "django", *DUMP], *dst)
    assert before.returncode == 0 and before.stdout == after.stdout
    return archive, before.stdout


def test_a_backup_restores_database_and_attachments_exactly(homes, tmp_path):
    src, dst = homes
    _migrate(*src)
    seeded = _run(
        [sys.executable, "-c", "import django; django.setup(); exec(open(0).read())"],
        *src,
        input=SEED,
    )
    assert seeded.returncode == 0, seeded.stderr
    archive, dump = _round_trip(src, dst, tmp_path)
    assert "备份测试局" in dump and "李四" in dump
    files = list((dst[0] / "var" / "media").rglob("*.pdf"))
    assert [f.read_bytes() for f in files] == [b"%PDF-1.7 reply"]
    again = _run([str(GONGKAI), "restore", str(archive)], *dst)
    assert again.returncode == 2 and "已有数据" in again.stderr


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not a tar")
    r = _run([str(GONGKAI), "restore", str(bogus)], tmp_path, None)
    assert r.returncode == 2 and "无法读取备份文件" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.slow
def test_the_demo_round_trips(homes, tmp_path):
    src, dst = homes
    assert _run([str(GONGKAI), "demo"], *src).returncode == 0
    _, dump = _round_trip(src, dst, tmp_path)
    assert '"model": "annual.reportversion"' in dump


@pytest.mark.slow
def test_a_backup_during_load_holds_every_record_accepted_before_it(
    tmp_path, monkeypatch, office_load
):
    url = _fresh_pg("_bkload")
    if url:
        monkeypatch.setenv("DATABASE_URL", url)
    archive = tmp_path / "during.tar.gz"
    seen = {}

    def take_backup(home, tally):
        with tally.lock:
            seen.update(cases=set(tally.cases), replies=set(tally.replies))
        r = _run([str(GONGKAI), "backup", str(archive)], home, url)
        assert r.returncode == 0, r.stderr

    (tmp_path / "live").mkdir()
    figures = office_load.run_load(tmp_path / "live", 6, 6, 2, during=take_backup)
    assert figures["server_errors"] == 0 and seen["cases"]
    target = (tmp_path / "restored", _fresh_pg("_bkrestored"))
    target[0].mkdir()
    assert _run([str(GONGKAI), "restore", str(archive)], *target).returncode == 0
    code = (
        "import django; django.setup(); from gongkai.office.applications.models import "
        "Application as A; print(repr((set(A.objects.values_list('pk', flat=True)), "
        "set(A.objects.filter(events__kind='reply').values_list('pk', flat=True)))))"
    )
    restored, replied = eval(_run([sys.executable, "-c", code], *target).stdout)
    assert seen["cases"] <= restored and seen["replies"] <= replied
