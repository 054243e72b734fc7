"""domain-spec §5.10 and 条例第四十四条: consultation periods, comments kept private, time limits
for public concerns, interpretations published in step, and the prompt for repeated requests."""

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db
D = dt.date


def consultation(agency, kind, opens, closes, **more):
    from gongkai.office.catalogue.models import Consultation

    return Consultation.objects.create(
        agency=agency, title="草案", kind=kind, opens_on=opens, closes_on=closes, **more
    )


@pytest.mark.parametrize(
    "kind, opens, closes, business, ok",
    [
        ("major_decision", D(2026, 3, 1), D(2026, 3, 31), False, True),  # 30 days after the 1st
        ("major_decision", D(2026, 3, 1), D(2026, 3, 30), False, False),
        ("rule_draft", D(2026, 3, 1), D(2026, 3, 30), False, False),
        # 国庆 2026: after 09-30 the working days are 10-08, 10-09, 10-10 (调休), 10-12 …
        ("normative_draft", D(2026, 9, 30), D(2026, 10, 14), False, False),  # 6 working days
        ("normative_draft", D(2026, 9, 30), D(2026, 10, 15), False, True),  # 7 working days
        ("normative_draft", D(2026, 9, 30), D(2026, 10, 15), True, False),  # business: 30 days
    ],
)
def test_consultation_minimum_periods(bureau, kind, opens, closes, business, ok):
    from gongkai.office.catalogue.practice import period_problem

    c = consultation(bureau, kind, opens, closes, concerns_business=business)
    assert (period_problem(c) == "") is ok


def test_a_shorter_period_is_accepted_only_with_its_reason(client, bureau, clerk):
    from gongkai.office.catalogue.models import Consultation

    client.force_login(clerk)
    data = {
        "title": "某镇垃圾处理站选址方案",
        "kind": "major_decision",
        "opens_on": "2026-03-01",
        "closes_on": "2026-03-16",
    }
    page = client.post(f"/office/catalogue/{bureau.pk}/consultations/", data).content.decode()
    assert "重大行政决策征求意见期限应不少于30日，实际15日，且未说明缩短理由" in page
    assert not Consultation.objects.exists()
    data["shortened_reason"] = "汛期临近，须尽快决策"
    assert client.post(f"/office/catalogue/{bureau.pk}/consultations/", data).status_code == 302
    c = Consultation.objects.get()
    assert (
        "已说明缩短理由：汛期临近"
        in client.get(f"/office/catalogue/consultation/{c.pk}/").content.decode()
    )


def test_comments_from_the_portal_keep_the_contact_private(client, bureau, clerk, other_clerk):
    today = timezone.localdate()
    c = consultation(
        bureau, "normative_draft", today - dt.timedelta(days=2), today + dt.timedelta(days=20)
    )
    url = f"/catalogue/{bureau.pk}/consultation/{c.pk}/"
    response = client.post(
        url, {"text": "建议延长公示期", "name": "李四", "contact": "13912345678"}
    )
    assert response.status_code == 302
    assert "13912345678" not in client.get(url).content.decode()
    assert "13912345678" not in client.get(f"/agency/{bureau.pk}/").content.decode()
    client.force_login(clerk)
    staff = client.get(f"/office/catalogue/consultation/{c.pk}/").content.decode()
    assert "13912345678" in staff and "建议延长公示期" in staff
    client.force_login(other_clerk)
    assert client.get(f"/office/catalogue/consultation/{c.pk}/").status_code == 404


def test_a_closed_consultation_takes_no_comment_and_shows_its_feedback(client, bureau):
    today = timezone.localdate()
    c = consultation(
        bureau,
        "rule_draft",
        today - dt.timedelta(days=60),
        today - dt.timedelta(days=20),
        feedback="采纳意见3条，未采纳1条并说明理由。",
        feedback_on=today - dt.timedelta(days=5),
    )
    url = f"/catalogue/{bureau.pk}/consultation/{c.pk}/"
    page = client.post(url, {"text": "迟到的意见"}).content.decode()
    assert "征求意见已截止" in page and not c.comments.exists()
    assert "采纳意见3条" in page


@pytest.mark.parametrize(
    "emergency, hours, label",
    [
        (True, 4, "按时回应"),
        (True, 6, "超时回应"),
        (False, 47, "按时回应"),
        (False, 49, "超时回应"),
    ],
)
def test_concern_time_limits(bureau, emergency, hours, label):
    from gongkai.office.catalogue.models import Concern
    from gongkai.office.catalogue.practice import concern_standing

    raised = timezone.now() - dt.timedelta(days=3)
    concern = Concern(
        agency=bureau,
        topic="自来水异味",
        source="网络",
        raised_at=raised,
        major_emergency=emergency,
        responded_at=raised + dt.timedelta(hours=hours),
    )
    assert concern_standing(concern).label == label


def test_an_unanswered_concern_is_overdue_after_its_limit(bureau):
    from gongkai.office.catalogue.models import Concern
    from gongkai.office.catalogue.practice import concern_standing

    now = timezone.now()
    concern = Concern(
        agency=bureau,
        topic="桥梁裂缝",
        source="来电",
        raised_at=now - dt.timedelta(hours=6),
        major_emergency=True,
    )
    assert concern_standing(concern, now).label == "已超时未回应"
    concern.major_emergency = False
    assert concern_standing(concern, now).label == "待回应"


def test_normative_documents_without_a_same_day_interpretation_are_flagged(bureau):
    from gongkai.office.catalogue.models import Item
    from gongkai.office.catalogue.practice import missing_interpretations

    def make(index_no, doc_type, published_on, interprets=None):
        return Item.objects.create(
            agency=bureau,
            index_no=index_no,
            title=index_no,
            formed_on=D(2026, 3, 2),
            published_on=published_on,
            category="第二十条第（一）项",
            doc_type=doc_type,
            stage="done",
            interprets=interprets,
        )

    in_step = make("N1", "normative", D(2026, 3, 2))
    make("J1", "interpretation", D(2026, 3, 2), in_step)
    late = make("N2", "normative", D(2026, 3, 2))
    make("J2", "interpretation", D(2026, 3, 3), late)
    make("N3", "normative", D(2026, 3, 2))
    assert [i.index_no for i in missing_interpretations(bureau, 2026)] == ["N2", "N3"]


def test_repeated_requests_prompt_proactive_disclosure(client, bureau, clerk, make_case):
    from gongkai.office.catalogue.practice import repeated_requests

    for text in ("2025年某村征地补偿标准", "2025年某村征地补偿标准 ", "2025年 某村征地补偿标准"):
        make_case(arrived_on=timezone.localdate() - dt.timedelta(days=10), request_text=text)
    make_case(arrived_on=timezone.localdate() - dt.timedelta(days=10), request_text="其他信息")
    since = timezone.localdate() - dt.timedelta(days=365)
    assert [n for _, n in repeated_requests(bureau, since)] == [3]
    client.force_login(clerk)
    page = client.get(f"/office/catalogue/{bureau.pk}/").content.decode()
    assert "条例第四十四条" in page and "3件申请" in page


def test_a_concern_is_recorded_and_answered_through_the_office_page(client, bureau, clerk):
    from gongkai.office.catalogue.models import Concern, Item

    answer = Item.objects.create(
        agency=bureau,
        index_no="R1",
        title="关于自来水异味的情况通报",
        formed_on=D(2026, 5, 1),
        category="第二十条第（十二）项",
        doc_type="other",
        stage="done",
        published_on=D(2026, 5, 1),
    )
    client.force_login(clerk)
    url = f"/office/catalogue/{bureau.pk}/concerns/"
    client.post(
        url,
        {
            "concern-topic": "自来水异味",
            "concern-source": "网络舆情",
            "concern-raised_at": "2026-05-01T08:00",
        },
    )
    concern = Concern.objects.get()
    client.post(
        f"/office/catalogue/concern/{concern.pk}/respond/",
        {"response-response": answer.pk, "response-responded_at": "2026-05-02T10:00"},
    )
    page = client.get(url).content.decode()
    assert "关于自来水异味的情况通报" in page and "按时回应" in page and "用时26.0小时" in page


def test_the_comment_form_is_throttled_per_address(client, bureau):
    from gongkai.office.catalogue.participation import COMMENT_LIMITS, TOO_MANY

    today = timezone.localdate()
    open_ = [
        consultation(
            bureau, "normative_draft", today - dt.timedelta(days=1), today + dt.timedelta(days=9)
        )
        for _ in range(2)
    ]
    urls = [f"/catalogue/{bureau.pk}/consultation/{c.pk}/" for c in open_]
    hourly = COMMENT_LIMITS[0][1]
    for n in range(hourly):  # spread over both consultations: the limit is the address's
        response = client.post(urls[n % 2], {"text": f"意见{n}"}, REMOTE_ADDR="10.0.0.7")
        assert response.status_code == 302
    refused = client.post(urls[0], {"text": "再一条"}, REMOTE_ADDR="10.0.0.7")
    assert refused.status_code == 429 and TOO_MANY in refused.content.decode()
    assert sum(c.comments.count() for c in open_) == hourly
    other = client.post(urls[0], {"text": "另一位"}, REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 302
    blank = client.post(urls[1], {"text": ""}, REMOTE_ADDR="10.0.0.9")
    assert blank.status_code == 400
