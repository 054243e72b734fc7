"""Corrections: a mistake is undone or corrected with a reason, by the roles allowed, kept in the
history old → new, and the clock and table 2 follow."""

import datetime as dt

import pytest

from gongkai.office.annual.compile import compile_report
from gongkai.office.applications import corrections, services
from gongkai.office.applications.models import Attachment, CaseEvent
from gongkai.office.applications.services import CaseError
from gongkai.report.formats import TABLE2_2021

D = dt.date


def _row(report, row):
    return report.value(TABLE2_2021.cell_key(row, "natural_person"))


def test_reviewer_corrects_a_wrong_reply_type_and_table_two_follows(make_case, clerk, reviewer):
    case = make_case(arrived_on=D(2024, 11, 4))
    services.reply(case, D(2024, 11, 20), clerk, reply_type="not_held")
    before = compile_report(case.agency, 2024)
    assert (_row(before, "unable.not_held"), _row(before, "granted")) == (1, 0)

    corrections.correct_reply(
        case, reviewer, reason="答复书写的是予以公开，登记时选错", reply_type="granted"
    )

    after = compile_report(case.agency, 2024)
    assert (_row(after, "unable.not_held"), _row(after, "granted")) == (0, 1)
    assert (case.status, case.outcome, case.concluded_on) == ("closed", "granted", D(2024, 11, 20))
    entry = case.history.last()
    shown = dict(entry.details())
    assert entry.action == "更正答复"
    assert shown["答复类型"].endswith("→ 予以公开，提供信息或告知获取方式")
    assert shown["答复类型"].startswith("经检索没有所需信息")
    assert shown["更正原因"] == "答复书写的是予以公开，登记时选错"
    # the wrong reply stays on record, voided
    voided = CaseEvent.everything.get(application=case, voided_at__isnull=False)
    assert voided.data["reply_type"] == "not_held" and voided.voided_by == reviewer


def test_a_clerk_may_not_correct_or_void_a_reply(make_case, clerk):
    case = make_case()
    services.reply(case, D(2024, 12, 10), clerk, reply_type="not_held")
    with pytest.raises(CaseError, match="审核人或负责人"):
        corrections.correct_reply(case, clerk, reason="选错", reply_type="granted")
    with pytest.raises(CaseError, match="审核人或负责人"):
        corrections.void_reply(case, clerk, reason="选错")


def test_a_correction_needs_a_reason(make_case, clerk, reviewer):
    case = make_case()
    services.reply(case, D(2024, 12, 10), clerk, reply_type="not_held")
    with pytest.raises(CaseError, match="原因"):
        corrections.correct_reply(case, reviewer, reason="  ", reply_type="granted")
    with pytest.raises(CaseError, match="相同"):
        corrections.correct_reply(case, reviewer, reason="选错", reply_type="not_held")


def test_a_corrected_denial_still_needs_its_reasons(make_case, clerk, reviewer):
    case = make_case()
    services.reply(case, D(2024, 12, 10), clerk, reply_type="granted")
    with pytest.raises(CaseError, match="理由"):
        corrections.correct_reply(case, reviewer, reason="选错", reply_type="partially_granted")
    assert case.outcome == "granted"  # nothing changed
    assert CaseEvent.everything.filter(application=case, voided_at__isnull=False).count() == 0


def test_voiding_a_reply_reopens_the_case_and_its_clock(make_case, clerk, head):
    case = make_case(arrived_on=D(2024, 12, 2))
    services.reply(case, D(2024, 12, 10), clerk, reply_type="granted")
    assert case.due_on is None
    corrections.void_reply(case, head, reason="答复登记在错误的申请上")
    assert (case.status, case.outcome, case.concluded_on) == ("registered", "", None)
    assert case.due_on == services.deadline_for(case).date is not None
    assert (
        compile_report(case.agency, 2024).value(
            TABLE2_2021.cell_key("carried_over_out", "natural_person")
        )
        == 1
    )


def test_undo_the_last_event_restores_the_state_and_the_clock(make_case, clerk):
    case = make_case(arrived_on=D(2024, 11, 25))
    due = case.due_on
    services.request_correction(case, D(2024, 11, 26), clerk, items="请写明地块编号")
    assert case.due_on is None
    corrections.undo_last_event(case, clerk, reason="补正通知记在了别的申请上")
    assert (case.status, case.due_on) == ("registered", due)
    assert not case.events.exists()
    entry = case.history.last()
    assert entry.action == "撤销事件"
    assert dict(entry.details())["事件"] == "补正通知（2024-11-26）"
    # a second correction notice is possible now: the first one never went out
    services.request_correction(case, D(2024, 11, 27), clerk, items="请写明地块编号")


def test_an_event_that_reached_the_applicant_is_not_undone(make_case, clerk, reviewer):
    case = make_case()
    services.fee_notice(
        case, D(2024, 12, 3), clerk, method="per_item", amount=100, served_on=D(2024, 12, 4)
    )
    with pytest.raises(CaseError, match="已告知申请人"):
        corrections.undo_last_event(case, reviewer, reason="记错")
    replied = make_case()
    services.reply(replied, D(2024, 12, 10), clerk, reply_type="granted")
    with pytest.raises(CaseError, match="不能撤销"):
        corrections.undo_last_event(replied, clerk, reason="记错")


def test_only_the_recorder_or_an_approver_undoes_an_event(make_case, clerk, reviewer, bureau):
    from tests.conftest import _member

    second_clerk = _member("second_clerk", bureau, "clerk")
    case = make_case()
    services.start_consultation(case, D(2024, 12, 3), clerk, party="third_party", name="某公司")
    with pytest.raises(CaseError, match="记录该事件的经办人"):
        corrections.undo_last_event(case, second_clerk, reason="记错")
    corrections.undo_last_event(case, reviewer, reason="记错")
    assert case.status == "registered"


def test_undoing_a_withdrawal_reopens_the_case(make_case, clerk):
    case = make_case()
    services.withdraw(case, D(2024, 12, 5), clerk)
    corrections.undo_last_event(case, clerk, reason="撤回的是另一件申请")
    assert (case.status, case.outcome, case.reply_type) == ("registered", "", "")


def test_edit_intake_recomputes_the_clock_and_keeps_old_and_new(make_case, clerk, supervisor):
    case = make_case(arrived_on=D(2024, 12, 2))
    corrections.edit_intake(
        case,
        clerk,
        reason="到达日期登记错误",
        arrived_on=D(2024, 11, 4),
        applicant_name="李四",
    )
    assert case.received_on == D(2024, 11, 4)  # in person: received on arrival
    assert case.due_on == services.deadline_for(case).date == D(2024, 12, 2)
    entry = case.history.last()
    shown = dict(entry.details())
    assert shown["到达日期"] == "2024-12-02 → 2024-11-04"
    assert shown["申请人姓名或名称"] == "张三 → 李四"
    # a supervisor reads the history without the applicant's name
    assert "张三" not in str(entry.details(personal=False))


def test_edit_intake_refuses_bad_dates_and_taken_numbers(make_case, clerk):
    case = make_case(arrived_on=D(2024, 12, 2))
    make_case(number="2024-0099")
    with pytest.raises(CaseError, match="2019"):
        corrections.edit_intake(case, clerk, reason="改", arrived_on=D(1999, 3, 1))
    with pytest.raises(CaseError, match="已被本机关使用"):
        corrections.edit_intake(case, clerk, reason="改", number="2024-0099")
    services.request_correction(case, D(2024, 12, 3), clerk, items="请写明地块编号")
    with pytest.raises(CaseError, match="第一个办理事件"):
        corrections.edit_intake(case, clerk, reason="改", arrived_on=D(2024, 12, 4))
    with pytest.raises(CaseError, match="没有修改"):
        corrections.edit_intake(case, clerk, reason="改", applicant_name="张三")
    answered = make_case()
    services.reply(answered, D(2024, 12, 10), clerk, reply_type="granted")
    with pytest.raises(CaseError, match="申请类型须与答复类型一致"):
        corrections.edit_intake(answered, clerk, reason="改", request_kind="correction")


def test_a_voided_application_is_counted_nowhere(make_case, clerk, reviewer):
    case = make_case(arrived_on=D(2024, 12, 2))
    make_case(arrived_on=D(2024, 12, 2))
    corrections.void_application(case, reviewer, reason="同一申请重复登记")
    assert (case.status, case.due_on) == ("voided", None)
    report = compile_report(case.agency, 2024)
    assert report.value(TABLE2_2021.cell_key("new_received", "natural_person")) == 1
    with pytest.raises(CaseError, match="已作废"):
        services.withdraw(case, D(2024, 12, 5), clerk)
    with pytest.raises(CaseError, match="审核人或负责人"):
        corrections.void_application(make_case(), clerk, reason="重复")


def test_removing_an_attachment_keeps_the_row_and_drops_the_file(
    make_case, clerk, reviewer, django_capture_on_commit_callbacks, settings, tmp_path
):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    case = make_case()
    attachment = Attachment.objects.create(
        application=case, file=ContentFile(b"x", name="id.pdf"), name="身份证", uploaded_by=clerk
    )
    with django_capture_on_commit_callbacks(execute=True):
        corrections.remove_attachment(attachment, reviewer, reason="他人的证件，误传")
    kept = Attachment.everything.get(pk=attachment.pk)
    assert not case.attachments.exists()
    assert kept.removed_by == reviewer and kept.remove_reason == "他人的证件，误传"
    assert not kept.file.storage.exists(kept.file.name)
    assert dict(case.history.last().details())["附件"] == "身份证 → （空）"


def test_the_edit_page_corrects_intake_and_refuses_bad_input(client, make_case, clerk, other_clerk):
    case = make_case(arrived_on=D(2024, 12, 2))
    url = f"/office/cases/{case.pk}/edit/"
    client.force_login(clerk)
    form = {
        "number": case.number,
        "request_kind": "disclosure",
        "channel": "in_person",
        "arrived_on": "1999-03-01",
        "applicant_category": "natural_person",
        "applicant_name": "张三",
        "contact": "13800000000",
        "request_text": "2024年某村征地补偿标准",
        "reason": "到达日期登记错误",
    }
    response = client.post(url, form)
    assert response.status_code == 400 and "不能早于2019年5月15日" in response.content.decode()
    assert client.post(url, {**form, "arrived_on": "2024-11-29"}).status_code == 302
    case.refresh_from_db()
    assert case.arrived_on == case.received_on == D(2024, 11, 29)
    assert "更正登记信息" in client.get(f"/office/cases/{case.pk}/").content.decode()
    client.force_login(other_clerk)
    assert client.get(url).status_code == 404
