"""Load test of the office on its production server: clients posting intake, extensions and
replies at once, some of them twice (a double click), on SQLite or PostgreSQL.

    .venv/bin/python bench/office_load.py [--clients 20] [--seconds 30] [--workers 4]
    DATABASE_URL=postgres://gongkai:gongkai@127.0.0.1:5432/gk_load .venv/bin/python bench/office_load.py

Starts `gongkai serve` on a fresh GONGKAI_HOME (SQLite) or a database emptied first (the
PostgreSQL database named in DATABASE_URL is dropped and created again: use one of its own),
seeds one agency with a clerk per client, runs the clients, then compares what the server
accepted with what the database holds. Prints the requests, the server errors (must be 0),
p50/p95 latency, and any event stored other than exactly once. tests/office/test_load.py runs
a short version of the same.
"""

from __future__ import annotations

import argparse
import ast
import http.cookiejar
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

GONGKAI = Path(sys.executable).with_name("gongkai")
AGENCY = "压力测试局"
PASSWORD = "load-test-pw-2026"
SEED = f"""
from django.contrib.auth.models import User
from gongkai.office.agencies.models import Agency, Membership
agency, _ = Agency.objects.get_or_create(name={AGENCY!r}, defaults={{"kind": "department"}})
for i in range(int(__import__("os").environ["LOAD_CLIENTS"])):
    user, made = User.objects.get_or_create(username=f"load{{i}}")
    if made:
        user.set_password({PASSWORD!r}); user.save()
        Membership.objects.create(user=user, agency=agency, role="head")
print(agency.pk)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Tally:
    """What the clients saw: every request's latency and status, and each accepted event."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    cases: set[int] = field(default_factory=set)
    extensions: set[int] = field(default_factory=set)
    replies: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)


class Client:
    """One clerk in a browser: a session, its CSRF cookie, forms posted without following."""

    def __init__(self, base: str, username: str, tally: Tally):
        self.base, self.tally = base, tally
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.get("/login/")
        self.post("/login/", {"username": username, "password": PASSWORD})

    def _csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def _send(self, request) -> tuple[int, str, str]:
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as r:
                status, body, location = r.status, r.read().decode(), r.headers.get("Location", "")
        except urllib.error.HTTPError as e:
            status, body, location = (
                e.code,
                e.read().decode(errors="replace"),
                e.headers.get("Location", ""),
            )
        self.tally.count(status, time.perf_counter() - start)
        return status, body, location

    def get(self, path: str):
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict):
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self._csrf()}).encode()
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("Referer", self.base + path)
        return self._send(request)


def intake(client: Client, agency_id: int, today: str) -> int | None:
    status, _, location = client.post(
        "/office/cases/new/",
        {
            "agency": agency_id,
            "channel": "in_person",
            "arrived_on": today,
            "applicant_category": "natural_person",
            "applicant_name": "压力测试",
            "contact": "13800000000",
            "request_text": "压力测试申请",
            "token": os.urandom(16).hex(),
        },
    )
    match = re.search(r"/office/cases/(\d+)/", location) if status == 302 else None
    return int(match.group(1)) if match else None


def event(client: Client, case: int, action: str, fields: dict, token: str) -> bool:
    data = {f"{action}-{k}": v for k, v in {**fields, "token": token}.items()}
    status, _, _ = client.post(f"/office/cases/{case}/{action}/", data)
    return status == 302


def extension_form(today):
    return {"on": today, "days": 10, "reason": "压力测试延期"}


def reply_form(today):
    return {"on": today, "reply_type": "granted"}


def work(client: Client, agency_id: int, today: str, until: float, double_click: bool):
    """Until `until`: register a case, extend it, reply; every other case's steps twice at once."""
    n = 0
    while time.monotonic() < until:
        case = intake(client, agency_id, today)
        if case is None:
            continue
        with client.tally.lock:
            client.tally.cases.add(case)
        for action, fields, accepted in (
            ("extension", extension_form(today), client.tally.extensions),
            ("reply", reply_form(today), client.tally.replies),
        ):
            token = os.urandom(16).hex()
            twice = double_click and n % 2 == 0
            results = (
                together(
                    2, lambda i, c=case, a=action, f=fields, t=token: event(client, c, a, f, t)
                )
                if twice
                else [event(client, case, action, fields, token)]
            )
            if any(results):
                with client.tally.lock:
                    accepted.add(case)
        n += 1


def together(n: int, job) -> list:
    """`job(i)` in n threads released at once by a barrier, so that the requests collide."""
    barrier, results = threading.Barrier(n), [None] * n

    def run(i):
        barrier.wait()
        results[i] = job(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _env(home: Path) -> dict:
    return {**os.environ, "GONGKAI_HOME": str(home), "DJANGO_SETTINGS_MODULE": "gongkai.settings"}


def fresh_database(env: dict) -> None:
    """An empty PostgreSQL database of the DATABASE_URL's name (SQLite: the new home is empty)."""
    url = env.get("DATABASE_URL")
    if not url:
        return
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def start_server(home: Path, clients: int, workers: int) -> tuple[subprocess.Popen, str, int]:
    env = {**_env(home), "LOAD_CLIENTS": str(clients)}
    fresh_database(env)
    seeded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from gongkai.office.bootstrap import ensure_database; ensure_database(); exec(open(0).read())",
        ],
        input=SEED,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    agency_id = int(seeded.stdout.split()[-1])
    port = free_port()
    server = subprocess.Popen(
        [str(GONGKAI), "serve", "--addr", f"127.0.0.1:{port}", "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(home / "server.log", "w"),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError("服务器未能启动：" + (home / "server.log").read_text()[-2000:])
    return server, base, agency_id


def stored(home: Path) -> dict:
    """What the database holds: {case id: (extensions, replies)} of the agency's cases."""
    code = f"""
import django; django.setup()
from django.db.models import Count, Q
from gongkai.office.applications.models import Application
rows = Application.objects.filter(agency__name={AGENCY!r}).annotate(
    e=Count("events", filter=Q(events__kind="extension")),
    r=Count("events", filter=Q(events__kind="reply")))
print(repr({{a.pk: (a.e, a.r) for a in rows}}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, check=True
    )
    return ast.literal_eval(out.stdout)  # our own repr of a dict of ints


def run_load(home: Path, clients: int, seconds: float, workers: int, during=None) -> dict:
    """Run the load; `during(home)` (optional) runs in the middle, e.g. a backup. Returns the
    figures and the discrepancies between what was accepted and what is stored."""
    server, base, agency_id = start_server(home, clients, workers)
    try:
        tally = Tally()
        today = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from django.utils import timezone; print(timezone.localdate())",
            ],
            env=_env(home),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        sessions = [Client(base, f"load{i}", tally) for i in range(clients)]
        tally.latencies.clear()
        tally.statuses.clear()
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(target=work, args=(c, agency_id, today, until, i % 2 == 0))
            for i, c in enumerate(sessions)
        ]
        for t in threads:
            t.start()
        extra = None
        if during is not None:
            time.sleep(seconds / 2)
            extra = during(home, tally)
        for t in threads:
            t.join()
    finally:
        server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        server.wait(timeout=60)
    db = stored(home)
    problems = [f"申请 {c} 已受理但未存储" for c in tally.cases if c not in db]
    for case, (extensions, replies) in db.items():
        if extensions != (case in tally.extensions):
            problems.append(
                f"申请 {case}：延期记录 {extensions} 次，受理 {int(case in tally.extensions)} 次"
            )
        if replies != (case in tally.replies):
            problems.append(
                f"申请 {case}：答复记录 {replies} 次，受理 {int(case in tally.replies)} 次"
            )
    lat = sorted(tally.latencies)
    return {
        "requests": len(lat),
        "statuses": dict(sorted(tally.statuses.items())),
        "server_errors": tally.server_errors,
        "cases": len(tally.cases),
        "extensions": len(tally.extensions),
        "replies": len(tally.replies),
        "p50_ms": round(statistics.median(lat) * 1000, 1) if lat else None,
        "p95_ms": round(lat[int(len(lat) * 0.95) - 1] * 1000, 1) if lat else None,
        "problems": problems,
        "during": extra,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongkai-load-") as tmp:
        figures = run_load(Path(tmp), args.clients, args.seconds, args.workers)
    db = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"{db}，{args.clients} 个客户端，{args.seconds:g} 秒，{args.workers} 个工作进程")
    for key, value in figures.items():
        if key != "problems":
            print(f"  {key}: {value}")
    print(f"  events not stored exactly once: {len(figures['problems'])}")
    for p in figures["problems"][:20]:
        print("   ", p)
    return 0 if not figures["problems"] and not figures["server_errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
