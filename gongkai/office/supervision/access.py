"""Who may do what in supervision. A 监督人 of an agency supervises it and its subtree: the
board, uploads, assignment and 整改 tasks; its 管理员 keeps the roster. An agency's own staff
see and answer the tasks raised on it. No supervision page shows applicants' personal data."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Value

from gongkai.office.agencies.access import STAFF_ROLES, agencies_for
from gongkai.office.agencies.models import Agency, Membership, Role

BOARD_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def offices(user):
    """The supervising offices whose board `user` may open, each with the user's rights there
    (`supervised`: its 监督人 uploads, assigns and raises 整改; `keeper`: its 管理员 keeps the
    roster and indicators), in the one query the office picker needs anyway."""
    if getattr(user, "is_superuser", False):
        return Agency.objects.filter(parent=None).annotate(
            supervised=Value(True), keeper=Value(True)
        )
    held = Membership.objects.filter(user=user, agency=OuterRef("pk"))
    return agencies_for(user, BOARD_ROLES).annotate(
        supervised=Exists(held.filter(role=Role.SUPERVISOR)),
        keeper=Exists(held.filter(role=Role.ADMIN)),
    )


def can_supervise(user, office: Agency) -> bool:
    """Upload, assign and raise 整改 for `office`'s roster."""
    return bool(getattr(user, "is_superuser", False)) or (
        offices(user).filter(pk=office.pk, supervised=True).exists()
    )


def can_keep_roster(user, office: Agency) -> bool:
    return bool(getattr(user, "is_superuser", False)) or (
        offices(user).filter(pk=office.pk, keeper=True).exists()
    )


def answering_agencies(user):
    """The agencies whose tasks `user` answers: their own (staff, including the 负责人)."""
    return agencies_for(user, STAFF_ROLES)


def can_see_task(user, task) -> bool:
    return (
        offices(user).filter(pk=task.office_id).exists()
        or answering_agencies(user).filter(pk=task.agency_id).exists()
    )


def can_answer(user, task) -> bool:
    return answering_agencies(user).filter(pk=task.agency_id).exists()
