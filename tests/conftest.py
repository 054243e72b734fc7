"""Shared fixtures for the office tests: a small agency tree and users with roles.

county (government)
├── bureau (department)   clerk, reviewer, head
└── town (township)       other_clerk
supervisor: 监督人 of county (sees figures below it, never applicants' personal data)
"""

import os

import pytest
from hypothesis import settings as hypothesis_settings

# CI runs every property on the same examples each time, so a red run can be repeated and a
# green one is not luck; the campaigns that search widely live in bench/ (fuzz_read.py,
# office_fuzz.py) and in a plain `make test`, which keeps drawing new examples.
# No per-example deadline anywhere: a property's verdict must not depend on how busy the
# machine is (a PDF-table property once took 628 ms against the default 200 under load).
hypothesis_settings.register_profile("local", deadline=None)
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "local")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users are created in most office tests; the production hasher costs ~0.3 s per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def county(db):
    from gongkai.office.agencies.models import Agency

    return Agency.objects.create(name="某县人民政府", kind="government")


@pytest.fixture
def bureau(county):
    from gongkai.office.agencies.models import Agency

    return Agency.objects.create(name="某县自然资源局", kind="department", parent=county)


@pytest.fixture
def town(county):
    from gongkai.office.agencies.models import Agency

    return Agency.objects.create(name="某镇人民政府", kind="township", parent=county)


def _member(username, agency, *roles):
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Membership

    user = User.objects.create_user(username, password="pw-" + username)
    for role in roles:
        Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def clerk(bureau):
    return _member("clerk", bureau, "clerk")


@pytest.fixture
def reviewer(bureau):
    return _member("reviewer", bureau, "reviewer")


@pytest.fixture
def head(bureau):
    return _member("head", bureau, "head")


@pytest.fixture
def other_clerk(town):
    return _member("other_clerk", town, "clerk")


@pytest.fixture
def supervisor(county):
    return _member("supervisor", county, "supervisor")


@pytest.fixture
def make_case(bureau, clerk):
    """Register an application (at the bureau, in person, by the clerk unless told otherwise)."""
    import datetime as dt

    from gongkai.office.applications import services

    def make(
        arrived_on=dt.date(2024, 12, 2), channel="in_person", by=clerk, agency=bureau, **fields
    ):
        values = {
            "applicant_category": "natural_person",
            "applicant_name": "张三",
            "id_number": "110101199001011234",
            "contact": "13800000000",
            "request_text": "2024年某村征地补偿标准",
            "delivery_form": "电子邮件",
        }
        values.update(fields)
        return services.register(agency, by, channel=channel, arrived_on=arrived_on, **values)

    return make


@pytest.fixture(scope="session")
def office_load():
    """bench/office_load.py as a module: the load test's clients, for the short runs."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "office_load.py"
    spec = importlib.util.spec_from_file_location("office_load", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- the run as a whole

_DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_configure(config):
    """Under CI the shared corpus must be there: without it 40-odd tests would skip and the run
    would look green."""
    from .corpus import missing, under_ci

    if under_ci() and not hasattr(config, "workerinput") and missing():
        raise pytest.UsageError(
            "CI=true but the shared corpus is missing: "
            + ", ".join(str(p) for p in missing())
            + " (../shared/corpus with dev/ and reference/ must be laid beside the repository)"
        )


def pytest_collection_modifyitems(config, items):
    """Mark every test that touches the database `database`, from the django_db marker or a
    database fixture anywhere in its fixture closure: `make test-db` (the PostgreSQL pass) runs
    them all and no new one is left out."""
    for item in items:
        uses = _DB_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if uses or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)


def pytest_terminal_summary(terminalreporter):
    from .corpus import missing

    gone = missing()
    skipped = terminalreporter.stats.get("skipped", [])
    if gone and skipped:
        terminalreporter.write_line(
            f"{len(skipped)} tests skipped; the shared corpus is missing: "
            + ", ".join(str(p) for p in gone)
            + " (the SKIPPED lines above name each test; under CI=true this fails the run)",
            yellow=True,
        )
