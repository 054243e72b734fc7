"""The supervision board for 2,000 agencies: a page of 50 under 10 concurrent clients.

    DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/gongkai_bench_board .venv/bin/python bench/supervision_board.py

Seeds (once; bulk_create) an office with 2,000 agencies below it and a read report for 1,800
of them (counts and risk flags as the worker stores them, and the board's rows derived from
them), then prints the latency of /office/supervision/board/ (sorted by errors, page 2) for
one client alone, with the CPU a page costs the server and PostgreSQL (a figure a busy
machine disturbs less), and for 10 concurrent clients against `gongkai serve` started by
`office_compile.py` with its deployed settings (its own number of gunicorn workers unless
--workers says otherwise; target p95 under 200 ms). Numbers, not a pass/fail test. Use a
database of its own: the seed stays.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import signal
import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from office_compile import (
    CLIENTS,
    _free_port,
    _threads,
    _wrk,
    first_page,
    setup,
    start_server,
)

OFFICE, N_AGENCIES, N_READ, YEAR = "基准监督办", 2000, 1800, 2025


def seed() -> None:
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Agency, Membership
    from gongkai.office.supervision.models import Submission
    from gongkai.office.supervision.standing import rebuild

    if Agency.objects.filter(name=OFFICE).exists():
        return
    rng = random.Random(7)
    office = Agency.objects.create(name=OFFICE, kind="government")
    Agency.objects.bulk_create(
        [
            Agency(
                name=f"基准单位{i:04d}", kind=rng.choice(["department", "township"]), parent=office
            )
            for i in range(N_AGENCIES)
        ]
    )
    user = User.objects.create_user("bench_supervisor", password="x")
    Membership.objects.create(user=user, agency=office, role="supervisor")
    flags = [{"flag": "late", "label": "逾期发布", "evidence": "落款日期晚于期限", "cells": []}]
    agencies = list(Agency.objects.filter(parent=office).order_by("id")[:N_READ])
    Submission.objects.bulk_create(
        [
            Submission(
                office=office,
                agency=a,
                year=YEAR,
                name=f"{a.name}.pdf",
                file=f"supervision/{a.pk}.pdf",
                state="done",
                matched="title",
                errors=rng.randrange(4),
                warnings=rng.randrange(8),
                unreadable=rng.randrange(3),
                flags=flags if rng.random() < 0.2 else [],
                dated_on=dt.date(YEAR + 1, 1, rng.randrange(10, 31))
                + dt.timedelta(days=rng.randrange(0, 9)),
                date_used="落款日期",
                read_at=dt.datetime(YEAR + 1, 2, 1, tzinfo=dt.UTC),
            )
            for a in agencies
        ],
        batch_size=500,
    )
    rebuild()  # bulk_create sends no signal: the board's rows are derived once here


ALONE = 50  # requests of the one client
WARM = 20  # requests first, not counted: a worker's first page opens its connection
_TICK = os.sysconf("SC_CLK_TCK")


def _cpu(pids: list[int]) -> float:
    """User and system CPU seconds of `pids` so far (Linux /proc); a process gone counts 0."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / _TICK


def _group(pgid: int) -> list[int]:
    """The server's processes: its master and workers share its process group."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def _backends() -> list[int]:
    """The PostgreSQL backends serving the bench's database, except this process's own (the
    server's workers keep theirs open between requests)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--workers",
        type=int,
        default=None,
        help="server processes (default: `gongkai serve`'s own, as deployed)",
    )
    args = ap.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("set DATABASE_URL to a PostgreSQL database of its own", file=sys.stderr)
        return 2
    setup()
    seed()
    from django.contrib.auth.models import User
    from django.test import Client

    from gongkai.office.agencies.models import Agency

    client = Client()
    client.force_login(User.objects.get(username="bench_supervisor"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    office = Agency.objects.get(name=OFFICE)
    port = _free_port()
    server = start_server(port, args.workers)
    url = (
        f"http://127.0.0.1:{port}/office/supervision/board/"
        f"?office={office.pk}&year={YEAR}&sort=-errors&page=2"
    )
    try:
        page = first_page(url, cookie)
        if page is None:
            print("the WSGI server did not start", file=sys.stderr)
            return 2
        if page.count('<tr id="agency-') != 50:
            print("the board did not come back as a page of 50 agencies", file=sys.stderr)
            return 2
        for _ in range(WARM):  # every worker has its connection and compiled templates
            urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie})).read()
        alone = []
        server_cpu, db_cpu = _cpu(_group(server.pid)), _cpu(_backends())
        for _ in range(ALONE):
            t = time.perf_counter()
            urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie})).read()
            alone.append(time.perf_counter() - t)
        server_cpu = (_cpu(_group(server.pid)) - server_cpu) / ALONE * 1000
        db_cpu = (_cpu(_backends()) - db_cpu) / ALONE * 1000
        print(
            f"board, {N_AGENCIES + 1} agencies, one client alone: median "
            f"{statistics.median(alone) * 1000:.0f} ms; CPU per page: server {server_cpu:.1f} ms "
            f"+ PostgreSQL {db_cpu:.1f} ms (load {os.getloadavg()[0]:.1f})"
        )
        workers = _group(server.pid)
        what = (
            f"board page of 50 ({CLIENTS} concurrent clients, {len(workers) - 1} server processes)"
        )
        if shutil.which("wrk"):
            print(f"{what}, wrk: {_wrk(url, cookie)} (target p95 < 200 ms)")
        print(f"{what}, Python threads as clients: {_threads(url, cookie)} (target p95 < 200 ms)")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
