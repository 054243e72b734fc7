"""Catalogue speed on PostgreSQL: table 1 compiled from the catalogue, and the portal search.

    DATABASE_URL=postgres://USER:PASS@127.0.0.1:5432/gongkai_bench .venv/bin/python bench/catalogue_speed.py

Seeds (once; bulk_create) 100,000 catalogue items over 50 agencies, 2019–2026, with their
two-character search pieces, then prints:
- compile_table1(agency, 2025), one grouped COUNT query (target < 0.2 s), cold and warm;
- the p50/p95 latency of a search of one agency's portal catalogue (/catalogue/N/?q=复议) for
  10 concurrent clients against the office's WSGI servers (bench/office_compile.py's) on
  127.0.0.1 (target p95 < 100 ms), with wrk when installed and with Python threads.
Numbers, not a pass/fail test. Use a database of its own: the seed stays for the next run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import statistics
import sys
import time
import urllib.parse
import urllib.request
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


def bench_search() -> None:
    from gongkai.office.agencies.models import Agency

    agency = Agency.objects.get(name=f"{PREFIX}01")
    port = office_compile._free_port()
    server = office_compile.start_server(port)
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
        alone = []
        for _ in range(20):
            t = time.perf_counter()
            urllib.request.urlopen(url, timeout=30).read()
            alone.append(time.perf_counter() - t)
        print(
            f"portal search “{QUERY}” ({found}), one client alone: median {statistics.median(alone) * 1000:.0f} ms"
        )
        what = (
            f"portal search “{QUERY}” ({office_compile.CLIENTS} concurrent clients, "
            f"{office_compile.WORKERS} server processes, {N_ITEMS // N_AGENCIES} items in the agency)"
        )
        if shutil.which("wrk"):
            print(f"{what}, wrk: {office_compile._wrk(url, '')} (target p95 < 100 ms)")
        print(
            f"{what}, Python threads as clients: {office_compile._threads(url, '')} (target p95 < 100 ms)"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def main() -> int:
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
    bench_search()
    return 0


if __name__ == "__main__":
    sys.exit(main())
