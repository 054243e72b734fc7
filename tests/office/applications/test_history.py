"""条例第四十五条: every change to a case leaves who, when and what changed."""

import datetime as dt

from gongkai.office.applications import services

D = dt.date


def test_each_step_is_in_the_history(make_case, clerk, reviewer):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.request_extension(case, D(2024, 12, 20), clerk, days=10, reason="会商")
    services.approve_extension(case, D(2024, 12, 23), reviewer, notified_on=D(2024, 12, 23))
    services.reply(case, D(2025, 1, 3), clerk, reply_type="granted")
    entries = list(case.history.all())
    assert [h.action for h in entries] == [
        "登记申请",
        "申请延长答复期限",
        "批准延长答复期限",
        "答复办结",
    ]
    assert [h.by.username for h in entries] == ["clerk", "clerk", "reviewer", "clerk"]
    assert entries[-1].changes["status"] == ["registered", "closed"]
    assert entries[-1].changes["outcome"] == ["", "granted"]
    assert all(h.at is not None for h in entries)


def test_refused_step_leaves_no_trace(make_case, clerk):
    case = make_case()
    try:
        services.reply(case, D(2024, 12, 20), clerk, reply_type="denied.state_secret")
    except services.CaseError:
        pass
    assert list(case.history.values_list("action", flat=True)) == ["登记申请"]
    assert not case.events.exists()


def test_history_is_on_the_case_page(client, make_case, clerk):
    case = make_case()
    services.withdraw(case, D(2024, 12, 3), clerk, note="来电撤回")
    client.force_login(clerk)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "申请人撤回申请" in page and "来电撤回" in page


def test_a_field_blank_before_and_after_is_not_listed_as_a_change():
    from gongkai.office.applications.models import labelled

    shown = dict(labelled({"number": [None, "2026-0014"], "received_on": [None, None]}))
    assert shown == {"编号": "（空） → 2026-0014"}
