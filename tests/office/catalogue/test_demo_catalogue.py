"""The demo's catalogues: 管头镇 with a realistic year (150+ items across categories, a few late,
a few withheld, interpretations, channels, a consultation with comments), the county offices
with theirs; every date before the demo's last day; table 1 compiled from them."""

import datetime as dt
import io

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_catalogue():
    from django.apps import apps
    from django.db import models

    from gongkai.office.agencies.models import Agency
    from gongkai.office.catalogue.late import late_items
    from gongkai.office.catalogue.models import Consultation, Item, Publication
    from gongkai.office.catalogue.practice import missing_interpretations
    from gongkai.office.demo import BUREAU, COUNTY, TODAY, TOWN, load_demo

    load_demo(io.StringIO())
    town = Agency.objects.get(name=TOWN)
    year = Item.objects.filter(agency=town, formed_on__year=2025)
    assert year.count() >= 150
    assert year.values("category").distinct().count() >= 12
    assert (
        year.filter(disclosure="withheld").exists()
        or Item.objects.filter(agency=town, disclosure="withheld").exists()
    )
    assert 0 < len(late_items(town, 2025, TODAY)) < year.count() // 5
    assert year.filter(doc_type="interpretation", interprets__isnull=False).exists()
    assert missing_interpretations(town, 2025).exists()  # one published without it, flagged
    channels = set(Publication.objects.filter(item__agency=town).values_list("channel", "account"))
    assert {c for c, _ in channels} >= {"website", "notice_board", "broadcast", "new_media"}
    assert ("new_media", "微信号“鄂水源头 和美管头”") in channels
    assert Consultation.objects.filter(agency=town, comments__isnull=False).exists()
    running = Consultation.objects.filter(
        agency=town, opens_on__lte=dt.date.today(), closes_on__gte=dt.date.today()
    )
    assert running.filter(comments__isnull=False).exists()  # 意见征集 still open, with comments
    for name in (COUNTY, BUREAU):
        assert Item.objects.filter(agency__name=name, stage="done").count() > 20
    for model in apps.get_app_config("catalogue").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
                if (model, field.name) == (Consultation, "closes_on"):
                    continue  # the running consultation closes after today: a plan, not a record
                assert not model.objects.filter(**{f"{field.name}__gt": TODAY}).exists(), (
                    model.__name__,
                    field.name,
                )
    assert TODAY < dt.date.today()
