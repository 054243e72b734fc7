"""Catalogue speed on PostgreSQL: table 1 compiled from the catalogue, and the portal search.

    DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/gongkai_bench .venv/bin/python bench/catalogue_speed.py

Seeds (once; bulk_create) 100,000 catalogue items over 50 agencies, 2019–2026, with their
two-character search pieces, then prints:
- compile_table1(agency, 2025), one grouped COUNT query (target < 0.2 s), cold and warm;
- the p50/p95 latency and requests/s of a search of one agency's portal catalogue
  (/catalogue/N/?q=复议) on the office as deployed (`gongkai serve`: gunicorn with its default
  workers and threads) on 127.0.0.1, with wrk: one client, 10 concurrent clients, and 10 clients
  cycling through varied searches (target p95 < 100 ms), each with the CPU per request of the
  server and of PostgreSQL (a figure other load on the machine disturbs less than latency);
  then 10 Python threads as clients.
Numbers, not a pass/fail test. Use a database of its own: the seed stays for the next run.
On a busy machine latency is noisy: read the CPU per request and the load printed beside it,
or run longer (--seconds).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import office_compile  # the servers and the load clients, shared (after the path set-up)

N_AGENCIES, N_ITEMS = 50, 100_000
PREFIX = "目录基准机关"
WORDS = (
    "行政复议",
    "征收补偿",
    "低保资金",
    "安全生产",
    "预算决算",
    "规划许可",
    "防汛应急",
    "宅基地审批",
    "招聘公告",
    "环境监测",
)
DOC_TYPES = ("other",) * 14 + ("normative", "licensing", "penalty", "interpretation", "rule")
QUERY = "复议"
WARM_UP = 5  # seconds of wrk before measuring


def seed() -> None:
    from django.db import transaction

    from gongkai.office.agencies.models import Agency
    from gongkai.office.catalogue.models import Item
    from gongkai.office.catalogue.search import index_items
    from gongkai.office.catalogue.vocab import LAW_CATEGORIES

    if Item.objects.filter(agency__name__startswith=PREFIX).count() >= N_ITEMS:
        return
    rng = random.Random(5)
    t = time.perf_counter()
    with transaction.atomic():
        agencies = [
            Agency.objects.get_or_create(name=f"{PREFIX}{i:02d}", defaults={"kind": "department"})[
                0
            ]
            for i in range(1, N_AGENCIES + 1)
        ]
        Item.objects.filter(agency__in=agencies).delete()
        for start in range(0, N_ITEMS, 5000):
            batch = []
            for i in range(start, min(start + 5000, N_ITEMS)):
                agency = agencies[i % N_AGENCIES]
                formed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2900))
                doc_type = rng.choice(DOC_TYPES)
                batch.append(
                    Item(
                        agency=agency,
                        index_no=f"{agency.pk:03d}-{formed.year}-{i:06d}",
                        title=f"{agency.name}关于{rng.choice(WORDS)}的{rng.choice(('通知', '公告', '决定', '情况'))}（第{i}号）",
                        formed_on=formed,
                        published_on=formed + dt.timedelta(days=rng.randrange(1, 30)),
                        category=rng.choice(LAW_CATEGORIES),
                        doc_type=doc_type,
                        doc_number=f"基准发〔{formed.year}〕{i % 300}号"
                        if doc_type != "other"
                        else "",
                        repealed_on=formed + dt.timedelta(days=900) if rng.random() < 0.1 else None,
                        stage="done",
                        imported=True,
                    )
                )
            index_items(Item.objects.bulk_create(batch))
    from django.db import connection

    with connection.cursor() as c:
        c.execute("ANALYZE")
    print(f"seeded {N_ITEMS} items over {N_AGENCIES} agencies in {time.perf_counter() - t:.1f} s")


def bench_table1() -> None:
    from gongkai.office.agencies.models import Agency
    from gongkai.office.catalogue.table1 import compile_table1

    agency = Agency.objects.get(name=f"{PREFIX}01")
    times = []
    for _ in range(8):
        t = time.perf_counter()
        result = compile_table1(agency, 2025)
        times.append(time.perf_counter() - t)
    print(
        f"compile_table1({agency.name}, 2025): cold {times[0] * 1000:.1f} ms, warm median "
        f"{statistics.median(times[1:]) * 1000:.1f} ms, max {max(times[1:]) * 1000:.1f} ms "
        f"(normative made {result.counts['t1.normative_docs.made']}, of "
        f"{agency.items.count()} items; target < 200 ms)"
    )


def _cpu_of(wanted) -> float:
    """CPU seconds (user + system) used so far by the processes `wanted(pid, stat fields)`
    picks, from /proc (Linux); 0 elsewhere."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if wanted(stat.parent, fields):
                total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def cpu_meter(server: subprocess.Popen):
    """A function giving (server CPU s, database CPU s) so far: the server's process group and
    the PostgreSQL backends serving this database, so that CPU per request can be read beside
    wall-clock figures that other work on the machine makes noisy."""
    from django.db import connection

    backend = f" {connection.settings_dict['USER']} {connection.settings_dict['NAME']} ".encode()

    def is_backend(proc, _):
        return backend in (proc / "cmdline").read_bytes().replace(b"\0", b" ")

    return lambda: (
        _cpu_of(lambda _, f: int(f[2]) == server.pid),
        _cpu_of(is_backend),
    )


def varied_paths(agency_id: int) -> list[str]:
    """Searches a visitor of the portal makes: words of two to four characters, a 索引号 and a
    文号 fragment, one character, a word with a year or a category, a second page, nothing found."""
    from gongkai.office.catalogue.vocab import LAW_CATEGORIES

    asks = [{"q": w[:n]} for w in WORDS for n in (2, len(w))]
    asks += [
        {"q": f"{agency_id:03d}-2024"},
        {"q": "基准发〔2025〕"},
        {"q": "报"},
        {"q": "复议", "year": "2025"},
        {"q": "征收", "category": LAW_CATEGORIES[0]},
        {"q": "通知", "page": "2"},
        {"q": "没有这个词"},
    ]
    return [f"/catalogue/{agency_id}/?{urllib.parse.urlencode(a)}" for a in asks]


def _lua_cycle(paths: list[str]) -> str:
    quoted = ", ".join(f'"{p}"' for p in paths)  # URL-encoded: no quote or backslash inside
    return (
        f"local paths = {{{quoted}}}\nlocal n = 0\n"
        "request = function()\n  n = n + 1\n  return wrk.format(nil, paths[n % #paths + 1])\nend\n"
    )


def bench_search(seconds: int) -> None:
    from django.db import connections

    from gongkai.office.agencies.models import Agency

    agency = Agency.objects.get(name=f"{PREFIX}01")
    connections.close_all()
    port = office_compile._free_port()
    server = office_compile.start_server(port, workers=None)  # as deployed: serve's defaults
    url = f"http://127.0.0.1:{port}/catalogue/{agency.pk}/?q={urllib.parse.quote(QUERY)}"
    try:
        page = office_compile.first_page(url)
        if page is None:
            print("the WSGI server did not start", file=sys.stderr)
            return
        if 'id="result-count"' not in page or "行政复议" not in page:
            print("the search page did not list items holding 复议", file=sys.stderr)
            return
        found = page.split('id="result-count">', 1)[1].split("<", 1)[0]
        # each worker thread starts its Django and its database connection on its first request
        office_compile._wrk(url, "", office_compile.CLIENTS, seconds=WARM_UP)
        cpu = cpu_meter(server)
        what = f"portal search “{QUERY}” ({found} of {N_ITEMS // N_AGENCIES} items in the agency)"
        if not shutil.which("wrk"):
            print(
                "wrk is not installed (apt-get install wrk): one client and 10 clients with Python threads only"
            )
        else:
            runs = [
                (f"{what}, one client", 1, ""),
                (f"{what}, {office_compile.CLIENTS} clients", office_compile.CLIENTS, ""),
                (
                    f"{len(varied_paths(agency.pk))} varied portal searches in turn, "
                    f"{office_compile.CLIENTS} clients",
                    office_compile.CLIENTS,
                    _lua_cycle(varied_paths(agency.pk)),
                ),
            ]
            for label, clients, script in runs:
                before = cpu()
                figures = office_compile._wrk(url, "", clients, script, seconds)
                served = _served(figures, seconds)
                after = cpu()
                per = (
                    f"; CPU per request: server {(after[0] - before[0]) / served * 1000:.1f} ms, "
                    f"PostgreSQL {(after[1] - before[1]) / served * 1000:.1f} ms"
                    if served
                    else ""
                )
                print(f"{label}, wrk: {figures}{per} (target p95 < 100 ms)")
        print(
            f"{what}, {office_compile.CLIENTS} Python threads as clients: "
            f"{office_compile._threads(url, '')} (target p95 < 100 ms)"
        )
        print(f"server: gongkai serve (gunicorn, its defaults); load average {_load()}")
    finally:
        server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown, by its arbiter
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def _served(figures: str, seconds: int) -> int:
    """Requests served in wrk's run, from its printed req/s (0 if it printed none)."""
    found = re.search(r"([\d.]+) req/s", figures)
    return round(float(found.group(1)) * seconds) if found else 0


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--seconds", type=int, default=10, help="length of each measured wrk run (default 10)"
    )
    args = ap.parse_args()
    if not 1 <= args.seconds <= 50:
        print("--seconds: between 1 and 50 (wrk's runs are cut at 60 s)", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print(
            "set DATABASE_URL to a PostgreSQL database of its own, e.g. "
            "postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_bench",
            file=sys.stderr,
        )
        return 2
    office_compile.setup()
    from django.db import connection

    print(
        f"PostgreSQL {connection.cursor().connection.info.server_version}, database {connection.settings_dict['NAME']}"
    )
    seed()
    bench_table1()
    bench_search(args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
