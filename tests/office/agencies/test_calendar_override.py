"""Calendar overrides entered by an administrator (放假办法第四条 local holidays, a new 调休 notice)
reach the clock: national entries for everyone, an agency's for it and the agencies below."""

import datetime as dt

from gongkai.office.agencies.models import CalendarOverride

D = dt.date


def test_mapping_layers_national_then_ancestors_then_own(county, bureau, town):
    CalendarOverride.objects.create(date=D(2024, 12, 30), is_workday=False, note="全国")
    CalendarOverride.objects.create(
        date=D(2024, 12, 27), is_workday=False, note="本县", agency=county
    )
    CalendarOverride.objects.create(
        date=D(2024, 12, 27), is_workday=True, note="本局照常上班", agency=bureau
    )
    assert CalendarOverride.mapping_for(town) == {D(2024, 12, 30): False, D(2024, 12, 27): False}
    assert CalendarOverride.mapping_for(bureau) == {D(2024, 12, 30): False, D(2024, 12, 27): True}


def test_a_local_holiday_moves_the_due_date(make_case, county):
    CalendarOverride.objects.create(
        date=D(2024, 12, 30), is_workday=False, note="地方节日", agency=county
    )
    assert make_case(arrived_on=D(2024, 12, 2)).due_on == D(2024, 12, 31)


def test_admin_page_for_overrides(admin_client):
    response = admin_client.post(
        "/admin/agencies/calendaroverride/add/",
        {"date": "2027-02-06", "is_workday": "", "note": "春节", "agency": ""},
    )
    assert response.status_code == 302
    assert CalendarOverride.objects.get().date == D(2027, 2, 6)
    assert admin_client.get("/admin/agencies/calendaroverride/").status_code == 200
