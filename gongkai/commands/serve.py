"""`gongkai serve [--addr 127.0.0.1:8000] [--workers N]`: the disclosure office on gunicorn.

Several worker processes (default: two per core), each with a few threads, so that a slow page
(a PDF export) does not hold up the others; WhiteNoise serves the static files from the
package. The database is created and migrated first. Behind nginx with HTTPS, set
GONGKAI_HTTPS=1 (README「部署」).
"""

from __future__ import annotations

import os
import socket
import sys

from .office_database import open_database

THREADS = 4
#: a PDF export may take up to export.TIMEOUT (120 s) plus its wait for its turn
WORKER_TIMEOUT = 180


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="启动依申请公开办公系统（gunicorn 多进程网页服务）")
    p.add_argument(
        "--addr", default="127.0.0.1:8000", help="监听地址 主机:端口（默认 127.0.0.1:8000）"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="工作进程数（默认为 CPU 核数的两倍）",
    )
    p.set_defaults(run=run)


def parse_addr(text: str) -> tuple[str, int] | None:
    host, sep, port = text.rpartition(":")
    if not sep:
        host, port = "127.0.0.1", text
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host, int(port)


def port_free(host: str, port: int) -> str | None:
    """None if (host, port) can be bound, else why not (checked before saying where we listen)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def _cannot_listen(host, port, why) -> int:
    print(
        f"错误：无法在 {host}:{port} 上监听（{why}）；端口可能已被占用，请用 --addr 换一个。",
        file=sys.stderr,
    )
    return 2


def _gunicorn(bind: str, workers: int):
    from gunicorn.app.base import BaseApplication

    class Office(BaseApplication):
        def load_config(self):
            for key, value in {
                "bind": bind,
                "workers": workers,
                "worker_class": "gthread",
                "threads": THREADS,
                # each worker listens on its own socket (SO_REUSEPORT) and the kernel spreads
                # new connections over them; on one shared socket the first worker awake took
                # them all (10 kept-alive clients: 10 on one worker in 1 of 3 runs, 9 in
                # another), leaving one process and its one lock to serve what two cores could
                "reuse_port": True,
                "timeout": WORKER_TIMEOUT,
                "graceful_timeout": 30,
                "accesslog": "-",
                "errorlog": "-",
                "forwarded_allow_ips": "127.0.0.1,::1",
            }.items():
                self.cfg.set(key, value)

        def load(self):
            from gongkai.wsgi import application

            return application

    return Office()


def run(args) -> int:
    addr = parse_addr(args.addr)
    if addr is None:
        print(
            f"错误：监听地址应为 主机:端口，例如 127.0.0.1:8000（收到 {args.addr!r}）",
            file=sys.stderr,
        )
        return 2
    workers = args.workers or 2 * (os.cpu_count() or 1)
    if not 1 <= workers <= 64:
        print(f"错误：工作进程数应在 1 到 64 之间（收到 {workers}）", file=sys.stderr)
        return 2
    busy = port_free(*addr)
    if busy:
        return _cannot_listen(*addr, busy)
    if not open_database():
        return 2
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connections

    host, port = addr
    if host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append(host)  # the workers are forked from this process
    if not get_user_model().objects.exists():
        print(
            "提示：还没有用户。创建管理员：DJANGO_SETTINGS_MODULE=gongkai.settings django-admin createsuperuser；"
            "或载入演示数据：gongkai demo",
            file=sys.stderr,
        )
    connections.close_all()  # the workers open their own
    print(
        f"依申请公开办公系统：http://{host}:{port}/  {workers} 个工作进程  "
        f"数据库：{settings.DATABASES['default']['NAME']}（Ctrl+C 停止）",
        file=sys.stderr,
    )
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    _gunicorn(bind, workers).run()
    return 0
