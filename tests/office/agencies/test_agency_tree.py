"""Agencies form a tree; a supervisor's view covers the subtree, staff only their own agency."""

from gongkai.office.agencies import access
from gongkai.office.agencies.models import Agency


def test_ancestors_and_descendants(county, bureau, town):
    office = Agency.objects.create(name="某镇党政办", kind="township", parent=town)
    assert office.ancestors() == [town, county]
    assert set(county.descendants()) == {bureau, town, office}
    assert bureau.descendants() == []


def test_roles(clerk, reviewer, supervisor, bureau, county, town):
    assert list(access.agencies_for(clerk)) == [bureau]
    assert not access.agencies_for(clerk, "reviewer").exists()
    assert list(access.agencies_for(reviewer, "reviewer")) == [bureau]
    assert access.visible_agency_ids(supervisor) == {county.pk, bureau.pk, town.pk}
    assert access.visible_agency_ids(clerk) == {bureau.pk}
    assert access.can_see_personal_data(clerk, bureau)
    assert not access.can_see_personal_data(supervisor, bureau)
    assert not access.can_see_personal_data(
        supervisor, county
    )  # a 监督人 is not the office's staff


def test_descendants_nearest_level_first_in_one_query(
    county, bureau, town, django_assert_num_queries
):
    office = Agency.objects.create(name="某镇党政办", kind="township", parent=town)
    clerkship = Agency.objects.create(name="某镇党政办档案室", kind="township", parent=office)
    with django_assert_num_queries(1):
        below = county.descendants()
    assert set(below[:2]) == {bureau, town} and below[2:] == [office, clerkship]
    assert office.descendants() == [clerkship]


def test_descendants_of_a_cycle_entered_by_hand_end(county, bureau):
    county.parent = bureau
    county.save()
    assert county.descendants() == [bureau]
