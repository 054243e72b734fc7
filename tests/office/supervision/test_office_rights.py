"""Each supervising office's rights come with the office picker's one query: a 管理员 opens
the board and keeps the roster but does not upload; a 监督人 uploads but does not keep the
roster; a role at one office gives nothing at another."""

from django.contrib.auth.models import User

from gongkai.office.agencies.models import Agency, Membership
from gongkai.office.supervision import access


def test_rights_follow_the_role_held_at_each_office(client, county, upload):
    city = Agency.objects.create(name="某市人民政府", kind="government")
    person = User.objects.create_user("both", password="x")
    Membership.objects.create(user=person, agency=county, role="admin")
    Membership.objects.create(user=person, agency=city, role="supervisor")
    rights = {o.pk: (o.supervised, o.keeper) for o in access.offices(person)}
    assert rights == {county.pk: (False, True), city.pk: (True, False)}
    assert not access.can_supervise(person, county) and access.can_supervise(person, city)
    assert access.can_keep_roster(person, county) and not access.can_keep_roster(person, city)

    client.force_login(person)
    board = client.get(f"/office/supervision/board/?office={county.pk}").content.decode()
    assert 'id="upload-link"' not in board
    assert upload(county, {"a.txt": b"x"}).status_code == 403
    board = client.get(f"/office/supervision/board/?office={city.pk}").content.decode()
    assert 'id="upload-link"' in board
    roster = f"/office/supervision/roster/?office={city.pk}"
    assert client.post(roster, {"office": city.pk, "agency_name": county.name}).status_code == 403


def test_a_superuser_supervises_and_keeps_every_root(county):
    root = User.objects.create_superuser("root", password="x")
    assert [(o.pk, o.supervised, o.keeper) for o in access.offices(root)] == [
        (county.pk, True, True)
    ]
