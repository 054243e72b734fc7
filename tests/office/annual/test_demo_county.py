"""The demo county: three years that use every outcome row and appeal result, users for every
role, published reports that pass the checks, and a second run that changes nothing."""

import io

import pytest

from gongkai.report.formats import OUTCOME_ROWS_2021

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_county(django_user_model):
    from gongkai.office.agencies.models import Agency, Membership, Role
    from gongkai.office.annual.models import ReportVersion
    from gongkai.office.annual.publish import compiled_with_checks
    from gongkai.office.appeals.models import Appeal
    from gongkai.office.applications.models import Application
    from gongkai.office.demo import COUNTY, load_demo

    out = io.StringIO()
    load_demo(out)
    assert "xian_clerk" in out.getvalue() and "gongkai-demo" in out.getvalue()
    county = Agency.objects.get(name=COUNTY)
    assert county.kind == "government" and len(county.descendants()) == 2
    for year in (2024, 2025, 2026):
        used = set(
            Application.objects.filter(agency=county, concluded_on__year=year).values_list(
                "outcome", flat=True
            )
        )
        assert {r.key for r in OUTCOME_ROWS_2021} <= used, year
    assert Application.objects.filter(concluded_on__isnull=True).exists()  # some still pending
    kinds = set(Appeal.objects.values_list("kind", "result"))
    for kind in ("review", "litigation_direct", "litigation_after_review"):
        assert {(kind, r) for r in ("maintained", "corrected", "other")} <= kinds
    assert Appeal.objects.filter(result="").exists()
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert ReportVersion.objects.filter(report__agency=county, report__year=2024).count() == 2
    for agency in Agency.objects.all():
        for year in (2024, 2025):
            report, found = compiled_with_checks(agency, year)
            assert [f.message for f in found if f.failed and f.severity.value == "ERROR"] == []
    n = Application.objects.count()
    again = io.StringIO()
    load_demo(again)
    assert "已存在" in again.getvalue() and Application.objects.count() == n


def test_demo_dates_are_all_in_the_past():
    """Every date the demo records is on or before its last day, itself before today (a due
    date the clock computes may of course lie ahead)."""
    import datetime as dt

    from django.apps import apps
    from django.db import models

    from gongkai.office.demo import TODAY, load_demo

    load_demo(io.StringIO())
    assert TODAY <= dt.date.today()
    for app in ("applications", "appeals", "annual"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if (
                    isinstance(field, models.DateField)
                    and not isinstance(field, models.DateTimeField)
                    and field.name != "due_on"
                ):
                    late = model.objects.filter(**{f"{field.name}__gt": TODAY})
                    assert not late.exists(), (model.__name__, field.name, late.first())
