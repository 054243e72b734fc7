"""Start Django from a command: settings, the database file and its migrations.

Every `gongkai` command that touches the database calls ensure_database() first, so that a fresh
checkout works without a separate `migrate` step.
"""

from __future__ import annotations

import os


class DatabaseUnavailable(Exception):
    """The database cannot be opened or migrated; the message says why, in Chinese."""


def ensure_database() -> None:
    """django.setup(), create var/ for SQLite, and apply pending migrations quietly."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django
    from django.conf import settings

    django.setup()
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor == "sqlite":
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    try:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            call_command("migrate", verbosity=0, interactive=False)
    except DatabaseError as exc:
        raise DatabaseUnavailable(
            f"无法打开或迁移数据库（{connection.settings_dict.get('NAME')}）：{exc}"
        ) from exc
