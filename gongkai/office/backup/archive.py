"""Writing and reading the backup archive (see the package docstring for its layout)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
MEDIA_MEMBER = "media"
#: tables whose rows mean the database is in use: restore refuses to write over them
IN_USE_TABLES = ("auth_user", "applications_application")


class BackupError(Exception):
    """The copy or the restore cannot be done; the message says why, in Chinese."""


def _pg_env() -> dict:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db.get("USER") or ""}
    env.update({"PGHOST": str(db.get("HOST") or ""), "PGPORT": str(db.get("PORT") or "")})
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _run(cmd: list[str], what: str) -> None:
    try:
        subprocess.run(cmd, env=_pg_env(), check=True, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(f"{what}失败：未找到 {cmd[0]}（请安装 postgresql-client）") from exc
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{what}失败：{exc.stderr.strip()[-500:]}") from exc


def _copy_database(into: Path) -> str:
    """The database as of now, into the folder `into`; returns the member's name."""
    if connection.vendor == "sqlite":
        target = into / SQLITE_MEMBER
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # the online backup API: consistent while others write
        finally:
            copy.close()
            source.close()
        return SQLITE_MEMBER
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={into / PG_MEMBER}"], "备份数据库"
        )
        return PG_MEMBER
    raise BackupError(f"不支持备份这种数据库：{connection.vendor}")


def backup(out: Path) -> dict:
    """Write the archive to `out` (via a temporary file beside it); returns its manifest."""
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="gongkai-backup-") as tmp:
        member = _copy_database(Path(tmp))
        manifest = {
            "format": FORMAT,
            "engine": connection.vendor,
            "database": member,
            "created": timezone.now().isoformat(),
        }
        part = out.with_name(out.name + ".part")
        with tarfile.open(part, "w:gz") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(Path(tmp) / member, arcname=member)
            if media.is_dir():
                tar.add(media, arcname=MEDIA_MEMBER)
        part.replace(out)
    return manifest


def _in_use() -> bool:
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in IN_USE_TABLES:
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
                if cursor.fetchone():
                    return True
    return False


def _manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError, AttributeError) as exc:
        raise BackupError("这不是 gongkai 的备份文件（缺少 manifest.json）。") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"备份文件格式 {manifest.get('format')} 不受支持。")
    return manifest


def restore(archive: Path) -> dict:
    """Bring the archive back into the configured database (which must not be in use) and
    MEDIA_ROOT; returns its manifest."""
    try:
        tar = tarfile.open(archive, "r:*")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"无法读取备份文件：{archive}（{exc}）") from exc
    with tar, tempfile.TemporaryDirectory(prefix="gongkai-restore-") as tmp:
        manifest = _manifest(tar)
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"备份来自 {manifest['engine']} 数据库，当前配置的是 {connection.vendor}；"
                "请在同类数据库上恢复。"
            )
        if _in_use():
            raise BackupError("目标数据库已有数据；请恢复到新建的空数据库。")
        tar.extractall(tmp, filter="data")
        copy = Path(tmp) / manifest["database"]
        if connection.vendor == "sqlite":
            connection.close()
            source = sqlite3.connect(copy)
            target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            connection.close()
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--clean",
                    "--if-exists",
                    f"--dbname={_pg_env()['PGDATABASE']}",
                    str(copy),
                ],
                "恢复数据库",
            )
        media = Path(tmp) / MEDIA_MEMBER
        if media.is_dir():
            for path in media.rglob("*"):
                target = Path(settings.MEDIA_ROOT) / path.relative_to(media)
                if path.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                elif not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(path.read_bytes())
    return manifest
