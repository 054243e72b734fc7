"""Who may see and do what. Every view asks these functions; nothing is enforced by hiding links.

- Staff (经办人, 审核人, 负责人, 管理员) work on the cases of their own agency and see the applicants'
  personal data of those cases only (个人信息保护: a person's identity is needed to handle the
  application and for nothing else).
- A 监督人 of an agency sees the cases of that agency and of every agency below it, as figures:
  never the applicants' names, identity numbers or contacts.
- Extensions of the reply period are approved by a 审核人 or 负责人 (条例第三十三条第二款).
"""

from __future__ import annotations

from .models import Agency, Membership, Role

STAFF_ROLES = (Role.CLERK, Role.REVIEWER, Role.HEAD, Role.ADMIN)
APPROVER_ROLES = (Role.REVIEWER, Role.HEAD)


def agencies_for(user, role=None):
    """The agencies where `user` holds `role` (any role when None; a tuple means any of them)."""
    if not getattr(user, "is_authenticated", False):
        return Agency.objects.none()
    memberships = Membership.objects.filter(user=user)
    if role is not None:
        memberships = memberships.filter(
            role__in=role if isinstance(role, (tuple, list)) else [role]
        )
    return Agency.objects.filter(pk__in=memberships.values("agency_id"))


def is_admin(user) -> bool:
    """Whether `user` is a 管理员 of some agency. The navigation asks it for two links on every
    page (人员管理, 文书模板), so it is remembered on the user instance, as Django remembers
    permissions (`_perm_cache`): the instance lives one request."""
    if not hasattr(user, "_gongkai_is_admin"):
        user._gongkai_is_admin = agencies_for(user, Role.ADMIN).exists()
    return user._gongkai_is_admin


def staff_agencies(user):
    """The agencies whose cases `user` handles."""
    return agencies_for(user, STAFF_ROLES)


def visible_agency_ids(user, staff_ids: set[int] | None = None) -> set[int]:
    """Agencies whose cases `user` may open: staff of their own, supervisors also the subtree.
    `staff_ids` saves the query when the caller already has the user's own agencies."""
    if getattr(user, "is_superuser", False):
        return set(Agency.objects.values_list("pk", flat=True))
    ids = (
        set(staff_agencies(user).values_list("pk", flat=True))
        if staff_ids is None
        else set(staff_ids)
    )
    for agency in agencies_for(user, Role.SUPERVISOR).only("pk"):
        ids.update(subtree(agency))
    return ids


def subtree(agency) -> list[int]:
    """The ids of `agency` and of every agency below it, in one query, no instance built."""
    return list(Agency.objects.filter(pk__in=agency.subtree_ids()).values_list("pk", flat=True))


def can_view_case(user, application) -> bool:
    return application.agency_id in visible_agency_ids(user)


def can_handle_case(user, application) -> bool:
    """Record events, replies and attachments: the holding agency's staff only."""
    return staff_agencies(user).filter(pk=application.agency_id).exists()


def can_approve_extension(user, application) -> bool:
    """条例第三十三条第二款: the extension needs the approval of the OGI unit's responsible person."""
    return agencies_for(user, APPROVER_ROLES).filter(pk=application.agency_id).exists()


def can_see_personal_data(user, agency) -> bool:
    """Only the staff of the agency holding the application; not supervisors, not superusers."""
    agency_id = getattr(agency, "pk", agency)
    return staff_agencies(user).filter(pk=agency_id).exists()
