"""Hostile values in every field of every web form (the ledger, appeals, the annual report,
the catalogue, supervision, API tokens, the portal's online application and tracking), posted
as each role and anonymously: never a server error, and a refused form (any 4xx, or a sign-in
redirect) writes nothing.

Short here (GONGKAI_FUZZ_EXAMPLES, default 10 per form); bench/office_fuzz.py runs it longer.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.office.annual.forms import PublishForm, ReportForm
from gongkai.office.api.views import TokenForm
from gongkai.office.appeals.forms import AppealForm
from gongkai.office.applications.forms import IntakeForm
from gongkai.office.applications.views import ACTIONS
from gongkai.office.catalogue.forms import ConcernForm, ConsultationForm, ItemForm
from gongkai.office.catalogue.table1_views import EntryForm
from gongkai.office.portal.online import TrackForm
from gongkai.office.portal.online_forms import OnlineApplicationForm
from gongkai.office.supervision.forms import AssignForm, TrainingForm

EXAMPLES = int(os.environ.get("GONGKAI_FUZZ_EXAMPLES", "10"))
HOSTILE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(
        [
            "",
            "\x00",
            "'; DROP TABLE applications_application;--",
            "<script>alert(1)</script>",
            '=HYPERLINK("x","y")',
            "9" * 400,
            "-1",
            "0",
            "1e309",
            "NaN",
            "2024-02-30",
            "9999-12-31",
            "0001-01-01",
            "2025-01-10",
            "/",
            "../../etc/passwd",
            "{{ 7|add:7 }}",
            "ｆｕｌｌ　ｗｉｄｔｈ",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def _fields(form_class, *args, prefix=None, **kwargs):
    form = form_class(*args, prefix=prefix, **kwargs)
    return [form.add_prefix(name) for name in form.fields]


#: counters of refusals (a wrong tracking code counts towards the lock-out), not records
NOT_RECORDS = {"portal.TrackMiss"}


def _counts():
    from django.apps import apps

    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m.__module__.startswith("gongkai.") and m._meta.label not in NOT_RECORDS
    }


@pytest.fixture
def office(clerk, reviewer, head, other_clerk, supervisor, make_case, bureau):
    from django.contrib.auth.models import User

    from gongkai.office.appeals.models import Appeal

    case = make_case()
    appeal = Appeal.objects.create(
        agency=bureau, number="（2025）复1号", kind="review", filed_on="2025-01-10"
    )
    users = [clerk, reviewer, head, other_clerk, supervisor, None]
    targets = [("/office/cases/new/", _fields(IntakeForm, clerk))]
    targets += [
        (f"/office/cases/{case.pk}/{name}/", _fields(a.form, prefix=name))
        for name, a in ACTIONS.items()
    ]
    targets += [
        ("/office/appeals/new/", _fields(AppealForm, clerk) + ["version"]),
        (f"/office/appeals/{appeal.pk}/", _fields(AppealForm, clerk) + ["version"]),
        (f"/office/annual/{bureau.pk}/2025/", _fields(ReportForm)),
        (f"/office/annual/{bureau.pk}/2025/publish/", _fields(PublishForm)),
        (f"/office/catalogue/{bureau.pk}/new/", _fields(ItemForm, agency=bureau)),
        (f"/office/catalogue/{bureau.pk}/consultations/", _fields(ConsultationForm)),
        (f"/office/catalogue/{bureau.pk}/concerns/", _fields(ConcernForm)),
        (f"/office/catalogue/{bureau.pk}/table1/2025/", _fields(EntryForm)),
        ("/office/supervision/assign/", _fields(AssignForm, [])),
        ("/office/supervision/training/", _fields(TrainingForm, [])),
        ("/office/api/", _fields(TokenForm)),
        (f"/agency/{bureau.pk}/apply/", _fields(OnlineApplicationForm)),
        ("/track/", _fields(TrackForm)),
    ]
    assert User.objects.count() == 5
    return users, targets


@settings(
    max_examples=EXAMPLES * 20,  # twenty forms and more
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_form_gives_a_server_error_and_a_refused_one_writes_nothing(client, office, data):
    users, targets = office
    url, fields = data.draw(st.sampled_from(targets), label="form")
    user = data.draw(st.sampled_from(users), label="role")
    values = data.draw(
        st.fixed_dictionaries({}, optional={f: HOSTILE for f in fields}), label="fields"
    )
    client.logout()
    if user is not None:
        client.force_login(user)
    client.raise_request_exception = False
    before = _counts()
    response = client.post(url, values)
    assert response.status_code < 500, (url, values)
    if response.status_code >= 400 or (user is None and response.status_code == 302):
        assert _counts() == before, (url, values, response.status_code)
