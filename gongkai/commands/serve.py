"""`gongkai serve [--addr 127.0.0.1:8000]`: the disclosure office on a local threaded WSGI server.

Django's own server (the one runserver uses) without the autoreloader, static files served from
the package; the database is created and migrated first. Behind a real web server in production,
use gongkai.wsgi instead.
"""

from __future__ import annotations

import socket
import sys

from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="启动依申请公开办公系统（本机网页服务）")
    p.add_argument(
        "--addr", default="127.0.0.1:8000", help="监听地址 主机:端口（默认 127.0.0.1:8000）"
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


def run(args) -> int:
    addr = parse_addr(args.addr)
    if addr is None:
        print(
            f"错误：监听地址应为 主机:端口，例如 127.0.0.1:8000（收到 {args.addr!r}）",
            file=sys.stderr,
        )
        return 2
    busy = port_free(*addr)
    if busy:
        return _cannot_listen(*addr, busy)
    if not open_database():
        return 2
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import run as serve_wsgi
    from django.core.wsgi import get_wsgi_application

    host, port = addr
    if host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append(host)
    if not get_user_model().objects.exists():
        print(
            "提示：还没有用户。创建管理员：DJANGO_SETTINGS_MODULE=gongkai.settings django-admin createsuperuser；"
            "或载入演示数据：gongkai demo",
            file=sys.stderr,
        )
    print(
        f"依申请公开办公系统：http://{host}:{port}/  数据库：{settings.DATABASES['default']['NAME']}（Ctrl+C 停止）",
        file=sys.stderr,
    )
    try:
        serve_wsgi(
            host, port, StaticFilesHandler(get_wsgi_application()), ipv6=":" in host, threading=True
        )
    except OSError as exc:
        return _cannot_listen(host, port, exc.strerror or exc)
    except KeyboardInterrupt:
        print("已停止", file=sys.stderr)
    return 0
