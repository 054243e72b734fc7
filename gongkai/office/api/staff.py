"""The staff API: the cases a person may open on the office pages, with the same scope
(agencies/access.py) — the only API that carries applicants' personal data, and only to the
staff of the agency holding the case."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from ninja import Router
from ninja.security import HttpBearer

from gongkai.office.agencies import access
from gongkai.office.applications.models import Application, Status

from . import schemas
from .models import ApiToken

PAGE_SIZE = 50


class TokenAuth(HttpBearer):
    """Authorization: Bearer <令牌>, a token made on the office's 接口令牌 page."""

    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


router = Router(tags=["办理台账（需令牌）"], auth=TokenAuth())


def _case(c: Application, personal: set[int]) -> dict:
    return {
        "id": c.pk,
        "agency_id": c.agency_id,
        "agency": c.agency.name,
        "number": c.number,
        "channel": c.channel,
        "channel_label": c.get_channel_display(),
        "arrived_on": c.arrived_on,
        "received_on": c.received_on,
        "applicant_category": c.applicant_category,
        "applicant_category_label": c.get_applicant_category_display(),
        "applicant": (
            {"name": c.applicant_name, "id_number": c.id_number, "contact": c.contact}
            if c.agency_id in personal
            else None
        ),
        "request_text": c.request_text,
        "status": c.status,
        "status_label": c.get_status_display(),
        "due_on": c.due_on,
        "outcome": c.outcome,
        "outcome_label": c.get_outcome_display(),
        "concluded_on": c.concluded_on,
    }


def _scope(user) -> tuple[set[int], set[int]]:
    """(agencies whose cases the user may open, agencies whose applicants' data they may see)."""
    staff = set(access.staff_agencies(user).values_list("pk", flat=True))
    return access.visible_agency_ids(user, staff), staff


@router.get("/cases/", response=schemas.CasePage, summary="申请列表（按机关、状态筛选，每页50件）")
def cases(request, status: str = "", agency: int | None = None, page: int = 1):
    visible, staff = _scope(request.user)
    rows = Application.objects.filter(agency_id__in=visible).select_related("agency")
    if status in Status.values:
        rows = rows.filter(status=status)
    if agency is not None:
        rows = rows.filter(agency_id=agency)
    found = Paginator(rows.order_by("-arrived_on", "-id"), PAGE_SIZE).get_page(page)
    return {
        "count": found.paginator.count,
        "page": found.number,
        "pages": found.paginator.num_pages,
        "items": [_case(c, staff) for c in found],
    }


@router.get(
    "/cases/{case_id}/",
    response={200: schemas.CaseDetail, 404: schemas.Message},
    summary="申请详情与办理事件",
)
def case(request, case_id: int):
    visible, staff = _scope(request.user)
    found = Application.objects.select_related("agency").filter(pk=case_id).first()
    if found is None or found.agency_id not in visible:
        raise Http404("没有这个申请。")
    events = [
        {"on": e.on, "kind": e.kind, "kind_label": e.get_kind_display(), "data": e.data}
        for e in found.events.all()
    ]
    return {**_case(found, staff), "events": events}
