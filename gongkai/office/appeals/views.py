"""行政复议 / 行政诉讼 cases: a list for everyone who may see the agency, forms for its staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.office import listing
from gongkai.office.agencies import access
from gongkai.office.applications import corrections
from gongkai.office.applications.forms import ReasonForm
from gongkai.office.applications.services import CaseError
from gongkai.office.audit import trail
from gongkai.office.audit.edits import save_edit
from gongkai.office.concurrency import StaleEdit

from .forms import AppealForm, case_label, matching_cases
from .models import KIND_CHOICES, Appeal

OPEN, CLOSED = "open", "closed"
STATES = [(OPEN, "尚未审结"), (CLOSED, "已审结")]


@login_required
def appeal_list(request):
    visible = access.visible_agency_ids(request.user)
    appeals = Appeal.objects.filter(agency_id__in=visible).select_related("agency", "application")
    agency, agencies = listing.agency_filter(request, visible)
    kind, state, q = (
        request.GET.get("kind", ""),
        request.GET.get("state", ""),
        request.GET.get("q", "").strip(),
    )
    if agency:
        appeals = appeals.filter(agency_id=agency)
    if kind in dict(KIND_CHOICES):
        appeals = appeals.filter(kind=kind)
    if state == OPEN:
        appeals = appeals.filter(closed_on=None)
    elif state == CLOSED:
        appeals = appeals.exclude(closed_on=None)
    if q:
        appeals = appeals.filter(
            Q(number__icontains=q)
            | Q(application__number__icontains=q)
            | Q(application__request_text__icontains=q)
            | Q(note__icontains=q)
        )
    return render(
        request,
        "appeals/appeal_list.html",
        {
            **listing.paged(
                request, appeals, {"agency": agency, "kind": kind, "state": state, "q": q}
            ),
            "agencies": agencies,
            "kinds": KIND_CHOICES,
            "states": STATES,
            "can_add": access.staff_agencies(request.user).exists(),
        },
    )


@login_required
def appeal_edit(request, pk=None):
    appeal = None
    if pk is not None:
        appeal = get_object_or_404(Appeal, pk=pk)
        if appeal.agency_id not in access.visible_agency_ids(request.user):
            raise Http404("没有这个案件")
    staff = access.staff_agencies(request.user)
    if not (staff.exists() if appeal is None else staff.filter(pk=appeal.agency_id).exists()):
        raise PermissionDenied("只有本机关的工作人员可以登记或修改复议诉讼案件。")
    initial = {}
    if appeal is None and request.GET.get("application"):
        initial["application"] = request.GET["application"]
    form = AppealForm(request.user, request.POST or None, instance=appeal, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = "登记复议诉讼案件" if appeal is None else "修改复议诉讼案件"
        try:
            saved = save_edit(form, request.user, action, agency=form.cleaned_data["agency"])
        except StaleEdit as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, f"已保存：{saved}。")
            return redirect("appeal_list")
    return render(
        request,
        "appeals/appeal_form.html",
        {
            "form": form,
            "appeal": appeal,
            "changes": trail.of(appeal) if appeal else [],
            "void_form": ReasonForm(prefix="void")
            if appeal and _may_void(request.user, appeal)
            else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
def case_options(request):
    """The 所涉申请 picker's options for what was typed (an htmx fragment of <option>s)."""
    if not access.staff_agencies(request.user).exists():
        raise PermissionDenied("只有本机关的工作人员可以登记或修改复议诉讼案件。")
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "appeals/_case_options.html",
        {"cases": [(c.pk, case_label(c)) for c in matching_cases(request.user, q)], "q": q},
    )


def _may_void(user, appeal) -> bool:
    return access.agencies_for(user, access.APPROVER_ROLES).filter(pk=appeal.agency_id).exists()


@login_required
@require_POST
def appeal_void(request, pk):
    """An appeal entered by mistake leaves table 3; its row and trail stay (corrections.py)."""
    appeal = get_object_or_404(Appeal, pk=pk)
    if appeal.agency_id not in access.visible_agency_ids(request.user):
        raise Http404("没有这个案件")
    form = ReasonForm(request.POST, prefix="void")
    if form.is_valid():
        try:
            corrections.void_appeal(appeal, request.user, reason=form.cleaned_data["reason"])
        except CaseError as exc:
            for message in exc.messages:
                messages.error(request, f"未作废：{message}")
            return redirect("appeal_edit", pk=appeal.pk)
        messages.success(request, f"已作废：{appeal}。")
        return redirect("appeal_list")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, f"未作废：{error}")
    return redirect("appeal_edit", pk=appeal.pk)
