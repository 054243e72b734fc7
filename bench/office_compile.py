"""Office speed on PostgreSQL: compiling one agency's year, and the case list under load.

    DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/gongkai_bench .venv/bin/python bench/office_compile.py

Seeds (once; bulk_create) 100,000 applications over 50 agencies and 2023–2026, then prints:
- the time of compile_report(agency, 2025) (target < 0.5 s: grouped COUNT queries, no loops
  over cases), cold and warm;
- the p50/p95 latency of the case list page (/office/) for 10 concurrent clients against
  `gongkai serve` (gunicorn, one process per core) on 127.0.0.1 (target p95 < 150 ms): measured
  with wrk when it is installed (`apt-get install wrk`), and with urllib clients in threads of
  this process, which compete with the server for the two cores.
Numbers, not a pass/fail test. Use a database of its own: the seed stays for the next run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

N_AGENCIES, N_APPLICATIONS, N_APPEALS = 50, 100_000, 5_000
PREFIX = "基准机关"
CLIENTS, REQUESTS_EACH = 10, 40
WORKERS = os.cpu_count() or 1  # server processes for the case-list load


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from gongkai.office.bootstrap import ensure_database

    ensure_database()


def seed() -> None:
    """100,000 applications with categories, outcomes and dates over 2023–2026; appeals; one clerk."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from gongkai.office.agencies.models import Agency, Membership
    from gongkai.office.appeals.models import Appeal
    from gongkai.office.applications.models import Application
    from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_ROWS_2021, TABLE3

    if Application.objects.filter(agency__name__startswith=PREFIX).count() >= N_APPLICATIONS:
        return
    rng = random.Random(1)
    categories = [c.key for c in APPLICANT_COLUMNS]
    outcomes = [r.key for r in OUTCOME_ROWS_2021]
    t = time.perf_counter()
    with transaction.atomic():
        Application.objects.filter(agency__name__startswith=PREFIX).delete()
        Appeal.objects.filter(agency__name__startswith=PREFIX).delete()
        agencies = [
            Agency.objects.get_or_create(name=f"{PREFIX}{i:02d}", defaults={"kind": "department"})[
                0
            ]
            for i in range(1, N_AGENCIES + 1)
        ]
        batch = []
        for i in range(N_APPLICATIONS):
            agency = agencies[i % N_AGENCIES]
            received = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1400))
            done = rng.random() < 0.97
            concluded = received + dt.timedelta(days=rng.randrange(1, 45)) if done else None
            batch.append(
                Application(
                    agency=agency,
                    number=f"B{i:06d}",
                    channel="online",
                    arrived_on=received,
                    received_on=received,
                    applicant_category=rng.choice(categories),
                    applicant_name=f"申请人{i}",
                    contact="13800000000",
                    request_text="某项政府信息",
                    status="closed" if done else "registered",
                    outcome=rng.choice(outcomes) if done else "",
                    concluded_on=concluded,
                    due_on=None if done else received + dt.timedelta(days=28),
                )
            )
            if len(batch) == 5000:
                Application.objects.bulk_create(batch)
                batch = []
        Application.objects.bulk_create(batch)
        kinds = [r.key for r in TABLE3.rows]
        Appeal.objects.bulk_create(
            [
                Appeal(
                    agency=agencies[i % N_AGENCIES],
                    number=f"BA{i:05d}",
                    kind=rng.choice(kinds),
                    filed_on=(f := dt.date(2023, 3, 1) + dt.timedelta(days=rng.randrange(1300))),
                    result=(r := rng.choice(["maintained", "corrected", "other", ""])),
                    closed_on=f + dt.timedelta(days=90) if r else None,
                )
                for i in range(N_APPEALS)
            ]
        )
        user, _ = User.objects.get_or_create(username="bench_clerk")
        Membership.objects.get_or_create(user=user, agency=agencies[0], role="clerk")
    print(
        f"seeded {N_APPLICATIONS} applications, {N_APPEALS} appeals in {time.perf_counter() - t:.1f} s"
    )


def bench_compile() -> None:
    from gongkai.office.agencies.models import Agency
    from gongkai.office.annual.compile import compile_report
    from gongkai.report.formats import TABLE2_2021

    agency = Agency.objects.get(name=f"{PREFIX}01")
    times = []
    for _ in range(6):
        t = time.perf_counter()
        report = compile_report(agency, 2025)
        times.append(time.perf_counter() - t)
    print(
        f"compile_report({agency.name}, 2025): cold {times[0] * 1000:.0f} ms, "
        f"warm median {statistics.median(times[1:]) * 1000:.0f} ms, max {max(times[1:]) * 1000:.0f} ms "
        f"(new_received {report.value(TABLE2_2021.cell_key('new_received', 'total'))}, of "
        f"{agency.applications.count()} cases of this agency; target < 500 ms)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int | None = WORKERS) -> subprocess.Popen:
    """The production server, `gongkai serve` (gunicorn, `workers` processes of threads that
    keep their database connections; None: serve's own default, as deployed), on `port`, in a
    process group of its own so that one signal stops the master and its workers. A server that
    opened a PostgreSQL connection per request would measure the connection, not the page."""
    count = [] if workers is None else ["--workers", str(workers)]
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("gongkai")), "serve", "--addr", f"127.0.0.1:{port}"]
        + count,
        env=os.environ.copy(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def first_page(url: str, cookie: str = "", timeout: float = 5) -> str | None:
    """The page at `url` once the server answers (10 s at most), or None if it never does."""
    headers = {"Cookie": cookie} if cookie else {}
    for _ in range(100):
        try:
            request = urllib.request.Request(url, headers=headers)
            return urllib.request.urlopen(request, timeout=timeout).read().decode()
        except OSError:
            time.sleep(0.1)
    return None


def bench_case_list() -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username="bench_clerk"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    port = _free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/office/"
    try:
        page = first_page(url, cookie)
        if page is None:
            print("the WSGI server did not start", file=sys.stderr)
            return
        if 'id="case-table"' not in page or page.count('<tr id="case-') != 50:
            print(
                "the case list did not come back as a logged-in page of 50 cases", file=sys.stderr
            )
            return
        alone = []
        for _ in range(20):
            t = time.perf_counter()
            urllib.request.urlopen(
                urllib.request.Request(url, headers={"Cookie": cookie}), timeout=30
            ).read()
            alone.append(time.perf_counter() - t)
        print(
            f"case list /office/, one client alone: median {statistics.median(alone) * 1000:.0f} ms"
        )
        what = (
            f"case list /office/ ({CLIENTS} concurrent clients, {WORKERS} server processes, agency with "
            f"{N_APPLICATIONS // N_AGENCIES} cases)"
        )
        if shutil.which("wrk"):
            print(f"{what}, wrk: {_wrk(url, cookie)} (target p95 < 150 ms)")
        print(f"{what}, Python threads as clients: {_threads(url, cookie)} (target p95 < 150 ms)")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def _threads(url: str, cookie: str) -> str:
    """10 urllib clients in threads of this process (they share the machine's two cores with
    the server, so this figure is pessimistic; wrk's is the fairer one)."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def worker():
        for _ in range(REQUESTS_EACH):
            t = time.perf_counter()
            with urllib.request.urlopen(
                urllib.request.Request(url, headers={"Cookie": cookie}), timeout=30
            ) as r:
                r.read()
                ok = r.status == 200
            with lock:
                failures[0] += not ok
                latencies.append(time.perf_counter() - t)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(CLIENTS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    return (
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms, {len(latencies) / wall:.0f} req/s, {failures[0]} not 200"
    )


WRK_REPORT = """done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p50 %.0f ms, p95 %.0f ms, max %.0f ms, %.0f req/s, %d errors or not 200\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6),
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def _wrk(url: str, cookie: str, clients: int = CLIENTS, script: str = "", seconds: int = 10) -> str:
    """wrk (Debian package `wrk`) as the load: a C client that leaves the cores to the server.
    `script`: more Lua, e.g. a `request` function that varies the requests."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script + WRK_REPORT)
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{clients}",
                f"-d{seconds}s",
                "-s",
                f.name,
                "-H",
                f"Cookie: {cookie}",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    finally:
        os.unlink(f.name)
    return out.strip().splitlines()[-1] if out.strip() else "wrk printed nothing"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print(
            "set DATABASE_URL to a PostgreSQL database of its own, e.g. "
            "postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_bench",
            file=sys.stderr,
        )
        return 2
    setup()
    from django.db import connection

    print(
        f"PostgreSQL {connection.cursor().connection.info.server_version}, database {connection.settings_dict['NAME']}"
    )
    seed()
    bench_compile()
    bench_case_list()
    return 0


if __name__ == "__main__":
    sys.exit(main())
