"""The database for the office commands: opened and migrated, or a clear message and exit code 2."""

from __future__ import annotations

import sys


def open_database() -> bool:
    """ensure_database(); False (after saying why on stderr) when it cannot be opened."""
    from gongkai.office.bootstrap import DatabaseUnavailable, ensure_database

    try:
        ensure_database()
    except DatabaseUnavailable as e:
        print(e, file=sys.stderr)
        return False
    return True
