"""A double click (the same form posted twice) records once; two forms filled in alike are two
applications (table 2 counts 重复申请); steps are checked on the locked case."""

import datetime as dt
import threading

import pytest
from django.db import connection

from gongkai.office.applications import services
from gongkai.office.applications.models import Application, CaseEvent, EventKind
from gongkai.office.concurrency import AlreadyRecorded, new_token

D = dt.date


def _extension_form(token):
    return {
        "extension-on": "2024-12-20",
        "extension-days": "20",
        "extension-reason": "涉及档案调取",
        "extension-token": token,
    }


def test_the_same_event_form_posted_twice_records_one_event(client, clerk, make_case):
    case = make_case()
    client.force_login(clerk)
    token = new_token()
    first = client.post(f"/office/cases/{case.pk}/extension/", _extension_form(token))
    second = client.post(f"/office/cases/{case.pk}/extension/", _extension_form(token), follow=True)
    assert first.status_code == 302 and second.status_code == 200
    assert "本次未重复记录" in second.content.decode()
    assert case.events.filter(kind=EventKind.EXTENSION).count() == 1
    assert case.history.filter(action="申请延长答复期限").count() == 1


def test_a_second_extension_from_a_fresh_form_is_refused_by_the_law(client, clerk, make_case):
    case = make_case()
    client.force_login(clerk)
    client.post(f"/office/cases/{case.pk}/extension/", _extension_form(new_token()))
    with pytest.raises(services.CaseError, match="只能延长一次"):
        services.request_extension(case, D(2024, 12, 21), clerk, days=5, reason="再延")
    assert case.events.filter(kind=EventKind.EXTENSION).count() == 1


def test_a_forged_token_is_a_form_error(client, clerk, make_case):
    case = make_case()
    client.force_login(clerk)
    r = client.post(f"/office/cases/{case.pk}/extension/", _extension_form("'; DROP TABLE x"))
    assert r.status_code == 400 and "表单已失效" in r.content.decode()
    assert not case.events.exists()


def _intake(bureau, token):
    return {
        "agency": bureau.pk,
        "channel": "in_person",
        "arrived_on": "2024-12-02",
        "applicant_category": "natural_person",
        "applicant_name": "张三",
        "contact": "13800000000",
        "request_text": "某村征地补偿标准",
        "token": token,
    }


def test_intake_twice_alike_is_two_cases_but_one_form_twice_is_one(client, clerk, bureau):
    client.force_login(clerk)
    token = new_token()
    assert client.post("/office/cases/new/", _intake(bureau, token)).status_code == 302
    again = client.post("/office/cases/new/", _intake(bureau, token))
    assert again.status_code == 302 and Application.objects.count() == 1
    assert again["Location"] == f"/office/cases/{Application.objects.get().pk}/"
    assert client.post("/office/cases/new/", _intake(bureau, new_token())).status_code == 302
    assert sorted(Application.objects.values_list("number", flat=True)) == [
        "2024-0001",
        "2024-0002",
    ]


def test_a_used_token_raises_already_recorded(make_case, clerk):
    case = make_case()
    token = new_token()
    services.request_extension(case, D(2024, 12, 20), clerk, days=5, reason="需会商", token=token)
    with pytest.raises(AlreadyRecorded):
        services.request_extension(
            case, D(2024, 12, 20), clerk, days=5, reason="需会商", token=token
        )


def _together(n, work):
    """Run `work(i)` in n threads released at once by a barrier; returns what each raised."""
    barrier, outcomes = threading.Barrier(n), [None] * n

    def run(i):
        try:
            barrier.wait()
            work(i)
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test looks at
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


needs_server_database = pytest.mark.skipif(
    "sqlite" in __import__("django.conf").conf.settings.DATABASES["default"]["ENGINE"],
    reason="threads need a database server (the SQLite runs are covered by tests/office/test_load.py)",
)


@needs_server_database
@pytest.mark.django_db(transaction=True)
def test_concurrent_identical_extension_requests_record_one(make_case, clerk):
    case = make_case()
    token = new_token()
    outcomes = _together(
        4,
        lambda i: services.request_extension(
            Application.objects.get(pk=case.pk),
            D(2024, 12, 20),
            clerk,
            days=5,
            reason="需会商",
            token=token,
        ),
    )
    assert CaseEvent.objects.filter(application=case, kind=EventKind.EXTENSION).count() == 1
    assert sorted(type(o).__name__ for o in outcomes) == ["AlreadyRecorded"] * 3 + ["NoneType"]


@needs_server_database
@pytest.mark.django_db(transaction=True)
def test_concurrent_replies_from_different_forms_close_the_case_once(make_case, clerk):
    case = make_case()
    outcomes = _together(
        4,
        lambda i: services.reply(
            Application.objects.get(pk=case.pk), D(2024, 12, 10), clerk, reply_type="granted"
        ),
    )
    assert CaseEvent.objects.filter(application=case, kind=EventKind.REPLY).count() == 1
    assert sum(isinstance(o, services.CaseError) for o in outcomes) == 3


@needs_server_database
@pytest.mark.django_db(transaction=True)
def test_concurrent_intake_numbers_never_collide(make_case):
    outcomes = _together(6, lambda i: make_case())
    assert outcomes == [None] * 6
    numbers = list(Application.objects.values_list("number", flat=True))
    assert sorted(numbers) == [f"2024-{i:04d}" for i in range(1, 7)]
