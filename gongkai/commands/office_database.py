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


def open_agency(name: str):
    """open_database(), then the agency called `name`; None (after saying why on stderr) when
    the database cannot be opened or there is no such agency."""
    if not open_database():
        return None
    from gongkai.office.agencies.models import Agency

    agency = Agency.objects.filter(name=name).first()
    if agency is None:
        print(f"没有名为“{name}”的机关", file=sys.stderr)
    return agency
