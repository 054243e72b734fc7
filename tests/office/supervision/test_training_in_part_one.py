"""Training records feed part 一's draft (（五）监督保障) and the assessment the same way: the
trainings of the report's year, counted, their topics named once each."""

import datetime as dt

import pytest

from gongkai.office.annual.narrative_draft import TOPICS_NAMED, Training, training_sentence
from gongkai.office.supervision.models import TrainingRecord

pytestmark = pytest.mark.django_db


def _train(agency, day, topic):
    TrainingRecord.objects.create(agency=agency, held_on=day, topic=topic, attendees="全体工作人员")


def test_the_years_trainings_appear_in_part_one_of_the_draft(client, bureau, clerk):
    _train(bureau, dt.date(2025, 6, 3), "依申请公开答复规范")
    _train(bureau, dt.date(2025, 3, 12), "条例解读")
    _train(bureau, dt.date(2025, 9, 1), "条例解读")
    _train(bureau, dt.date(2024, 12, 30), "上年的培训")
    client.force_login(clerk)
    page = client.get(f"/office/annual/{bureau.pk}/2025/").content.decode()
    assert (
        "（五）监督保障。本年度开展政府信息公开培训3次，内容包括条例解读、依申请公开答复规范。"
        in page
    )
    assert "上年的培训" not in page


def test_no_training_leaves_the_heading_alone_and_many_topics_end_in_deng():
    assert training_sentence([]) == ""
    many = [Training(dt.date(2025, 1, 1 + i), f"专题{i}") for i in range(TOPICS_NAMED + 2)]
    sentence = training_sentence(many)
    assert sentence.startswith(f"本年度开展政府信息公开培训{TOPICS_NAMED + 2}次，内容包括专题0、")
    assert f"专题{TOPICS_NAMED - 1}等。" in sentence and f"专题{TOPICS_NAMED}" not in sentence
