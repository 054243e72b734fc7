"""A short run of bench/office_load.py against the production server: clients posting intake,
extensions and replies at once, half of them double-clicking (two identical POSTs released by
a barrier): no server error, and every accepted event stored exactly once."""

import os
import urllib.parse

import pytest


@pytest.fixture
def own_database(monkeypatch):
    """On PostgreSQL, a database of the load test's own beside the test database."""
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urllib.parse.urlparse(url)
        monkeypatch.setenv(
            "DATABASE_URL", parts._replace(path=parts.path.rstrip("/") + "_load").geturl()
        )


@pytest.mark.slow  # a fresh database is migrated first (about 15 s)
def test_concurrent_clients_get_no_server_error_and_every_event_is_stored_once(
    tmp_path, own_database, office_load
):
    figures = office_load.run_load(tmp_path, clients=6, seconds=4, workers=2)
    assert figures["server_errors"] == 0, figures["statuses"]
    assert figures["problems"] == []
    assert figures["cases"] >= 6 and figures["replies"] == figures["cases"]
