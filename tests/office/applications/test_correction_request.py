"""条例第四十一条: a request to correct records is a request type of its own, answered with its own
replies, and never counted in table 2."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def test_a_correction_request_is_answered_and_not_counted(bureau, clerk, make_case):
    from gongkai.office.annual.compile import compile_report
    from gongkai.office.applications import services

    disclosure = make_case(arrived_on=dt.date(2024, 3, 4))
    services.reply(disclosure, dt.date(2024, 3, 8), clerk, reply_type="granted")
    fix = make_case(arrived_on=dt.date(2024, 3, 5), request_kind="correction")
    with pytest.raises(services.CaseError, match="不适用于更正申请"):
        services.reply(fix, dt.date(2024, 3, 9), clerk, reply_type="granted")
    services.reply(fix, dt.date(2024, 3, 9), clerk, reply_type="corrected")
    fix.refresh_from_db()
    assert fix.status == "closed" and fix.outcome == ""
    with pytest.raises(services.CaseError, match="不适用于政府信息公开申请"):
        later = make_case(arrived_on=dt.date(2025, 1, 2))
        services.reply(later, dt.date(2025, 1, 6), clerk, reply_type="corrected")
    report = compile_report(bureau, 2024)
    assert report.value("t2.new_received.total") == 1
    assert report.value("t2.granted.total") == 1 and report.value("t2.processed_total.total") == 1


def test_intake_offers_the_kind_and_the_reply_letter_names_it(client, clerk, make_case):
    import io

    from docx import Document

    from gongkai.office.applications import services

    client.force_login(clerk)
    page = client.get("/office/cases/new/").content.decode()
    assert "更正申请" in page and "第四十一条" in page
    fix = make_case(request_kind="correction")
    services.reply(fix, dt.date(2024, 12, 9), clerk, reply_type="correction_forwarded")
    client.post(f"/office/notices/events/{fix.events.get(kind='reply').pk}/letter/")
    with fix.attachments.get().file.open("rb") as f:
        text = "\n".join(p.text for p in Document(io.BytesIO(f.read())).paragraphs)
    assert "政府信息更正申请答复书" in text and "提出的更正申请" in text and "第四十一条" in text
    assert "转送有权更正的行政机关" in text
