"""人员管理: the pages of staff management (staff.py holds the rules)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.office import listing
from gongkai.office.audit import trail

from . import staff
from .models import Agency, Membership, Role
from .staff_forms import NewPersonForm, PasswordForm, PersonForm

ACTIVE, INACTIVE = "active", "inactive"
STATES = [(ACTIVE, "在职"), (INACTIVE, "已停用")]


def _managed(request):
    agencies = staff.managed_agencies(request.user)
    if not agencies.exists():
        raise PermissionDenied("只有本机关的管理员可以管理人员。")
    return agencies


def _agency(request, agency_id) -> Agency:
    agency = _managed(request).filter(pk=agency_id).first()
    if agency is None:
        raise Http404("没有这个机关")
    return agency


def _person(agency, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    if not Membership.objects.filter(user=person, agency=agency).exists():
        raise Http404("本机关没有这个人员")
    return person


@login_required
def staff_list(request):
    managed = _managed(request)
    ids = set(managed.values_list("pk", flat=True))
    agency, agencies = listing.agency_filter(request, ids)
    state, q = request.GET.get("state", ""), request.GET.get("q", "").strip()
    rows = Membership.objects.filter(agency_id__in=[int(agency)] if agency else ids)
    rows = rows.exclude(role=Role.SUPERVISOR).select_related("user", "agency")
    if state == ACTIVE:
        rows = rows.filter(user__is_active=True)
    elif state == INACTIVE:
        rows = rows.filter(user__is_active=False)
    if q:
        rows = rows.filter(Q(user__first_name__icontains=q) | Q(user__username__icontains=q))
    people: dict[tuple, dict] = {}
    for m in rows.order_by("agency__name", "user__first_name", "user__username"):
        entry = people.setdefault((m.agency_id, m.user_id), {"m": m, "roles": []})
        entry["roles"].append(m.get_role_display())
    listed = listing.paged(
        request, list(people.values()), {"agency": agency, "state": state, "q": q}
    )
    return render(
        request,
        "agencies/staff_list.html",
        {**listed, "agencies": agencies, "managed": managed, "states": STATES},
    )


@login_required
def staff_new(request, agency_id):
    agency = _agency(request, agency_id)
    form = NewPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = staff.add(
            agency,
            request.user,
            username=data["username"],
            first_name=data["first_name"],
            email=data["email"],
            password=data["password"],
            roles=data["roles"],
        )
        messages.success(request, f"已添加人员：{person.first_name}。")
        return redirect("staff_edit", agency_id=agency.pk, user_id=person.pk)
    return render(
        request,
        "agencies/staff_form.html",
        {"agency": agency, "form": form},
        status=400 if form.errors else 200,
    )


def _edit_page(request, agency, person, form=None, password_form=None, status=200):
    initial = {
        "first_name": person.first_name,
        "email": person.email,
        "roles": staff.roles_of(person, agency),
    }
    return render(
        request,
        "agencies/staff_edit.html",
        {
            "agency": agency,
            "person": person,
            "form": form or PersonForm(initial=initial),
            "password_form": password_form or PasswordForm(person),
            "changes": trail.of(person).filter(agency=agency),
            "is_self": person.pk == request.user.pk,
        },
        status=status,
    )


@login_required
def staff_edit(request, agency_id, user_id):
    agency = _agency(request, agency_id)
    person = _person(agency, user_id)
    if request.method != "POST":
        return _edit_page(request, agency, person)
    form = PersonForm(request.POST)
    if form.is_valid():
        try:
            staff.change(person, agency, request.user, **form.cleaned_data)
        except staff.StaffError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已保存：{person.first_name}。")
            return redirect("staff_edit", agency_id=agency.pk, user_id=person.pk)
    return _edit_page(request, agency, person, form=form, status=400)


@login_required
@require_POST
def staff_password(request, agency_id, user_id):
    agency = _agency(request, agency_id)
    person = _person(agency, user_id)
    form = PasswordForm(person, request.POST)
    if not form.is_valid():
        return _edit_page(request, agency, person, password_form=form, status=400)
    staff.reset_password(person, agency, request.user, form.cleaned_data["password"])
    messages.success(
        request, f"已重置 {person.first_name or person.username} 的密码，请当面或电话告知本人。"
    )
    return redirect("staff_edit", agency_id=agency.pk, user_id=person.pk)


@login_required
@require_POST
def staff_active(request, agency_id, user_id):
    agency = _agency(request, agency_id)
    person = _person(agency, user_id)
    active = request.POST.get("active") == "1"
    try:
        staff.set_active(person, agency, request.user, active)
    except staff.StaffError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"已{'启用' if active else '停用'}：{person.first_name or person.username}。"
        )
    return redirect("staff_edit", agency_id=agency.pk, user_id=person.pk)
