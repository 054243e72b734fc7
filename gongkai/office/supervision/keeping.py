"""The supervising office's 管理员 pages: the roster (应报单位) of a year and the assessment
indicators' weights. Every one of the office's board users may read them; only its 管理员
changes them, each change validated and written to the audit trail. An agency added by hand
is withdrawn with a reason, never deleted."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.office.audit import trail

from . import assessment
from .forms import AdditionForm, IndicatorsForm, WithdrawForm
from .models import Indicator, RosterAddition
from .roster import entries
from .views import _office, _year

KEEPER_ONLY = "只有监督机关的管理员可以修改应报单位和考核指标。"


def _kept(request):
    office, offices = _office(request)
    keeper = office.keeper
    if request.method == "POST" and not keeper:
        raise PermissionDenied(KEEPER_ONLY)
    return office, offices, keeper


@login_required
def roster_page(request):
    office, offices, keeper = _kept(request)
    year = _year(request)
    here = f"{reverse('supervision:roster')}?office={office.pk}&year={year}"
    form, withdraw = AdditionForm(office, year), WithdrawForm()
    if request.method == "POST" and "withdraw" in request.POST:
        addition = get_object_or_404(
            RosterAddition.objects.select_related("agency"),
            pk=request.POST.get("withdraw"),
            office=office,
            withdrawn_at=None,
        )
        withdraw = WithdrawForm(request.POST)
        if withdraw.is_valid():
            _withdraw(addition, request.user, withdraw.cleaned_data["reason"], office)
            messages.success(request, f"已将{addition.agency.name}移出{year}年度应报单位。")
            return redirect(here)
    elif request.method == "POST":
        form = AdditionForm(office, year, request.POST)
        if form.is_valid():
            added = RosterAddition.objects.create(
                office=office, agency=form.cleaned_data["agency"], year=year, added_by=request.user
            )
            fields = ["agency", "year"]
            trail.record(
                added, request.user, "添加应报单位", {}, trail.values(added, fields), agency=office
            )
            messages.success(request, f"已将{added.agency.name}加入{year}年度应报单位。")
            return redirect(here)
    additions = {
        a.agency_id: a
        for a in RosterAddition.objects.filter(office=office, year=year, withdrawn_at=None)
    }
    withdrawn = RosterAddition.objects.filter(office=office, year=year).exclude(withdrawn_at=None)
    return render(
        request,
        "supervision/roster.html",
        {
            "office": office,
            "offices": offices,
            "year": year,
            "entries": [(e, additions.get(e.pk)) for e in entries(office, year)],
            "withdrawn": withdrawn.select_related("agency", "withdrawn_by"),
            "form": form,
            "withdraw": withdraw,
            "keeper": keeper,
            "can_supervise": office.supervised,
        },
    )


@transaction.atomic
def _withdraw(addition: RosterAddition, by, reason: str, office) -> None:
    locked = RosterAddition.objects.select_for_update().get(pk=addition.pk)
    fields = ["withdrawn_at", "withdraw_reason"]
    before = trail.values(locked, fields)
    locked.withdrawn_at, locked.withdrawn_by, locked.withdraw_reason = timezone.now(), by, reason
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdraw_reason"])
    trail.record(locked, by, "移出应报单位", before, trail.values(locked, fields), agency=office)


@login_required
def indicators_page(request):
    office, offices, keeper = _kept(request)
    current = assessment.weights(office)
    form = IndicatorsForm(current, request.POST or None)
    if request.method == "POST" and form.is_valid():
        changed = _save_weights(office, form.cleaned_data, request.user)
        messages.success(
            request, f"已修改{changed}项考核权重。" if changed else "考核权重没有变化。"
        )
        return redirect(f"{reverse('supervision:indicators')}?office={office.pk}")
    return render(
        request,
        "supervision/indicators.html",
        {
            "office": office,
            "offices": offices,
            "form": form,
            "keeper": keeper,
            "defaults": not Indicator.objects.filter(office=office).exists(),
            "can_supervise": office.supervised,
        },
    )


@transaction.atomic
def _save_weights(office, wanted: dict[str, int], by) -> int:
    """Every indicator stored with its weight (0: not counted), one audit entry per indicator
    whose weight in effect changed; how many changed."""
    current = assessment.weights(office)
    changed = 0
    for code, label in assessment.LABELS.items():
        indicator, created = Indicator.objects.select_for_update().get_or_create(
            office=office, code=code, defaults={"weight": wanted[code]}
        )
        was = current.get(code, 0)
        if not created:
            if indicator.weight == wanted[code]:
                continue
            indicator.weight = wanted[code]
            indicator.save(update_fields=["weight"])
        if was == wanted[code]:
            continue
        before = {"code": label, "weight": was}
        after = {"code": label, "weight": wanted[code]}
        trail.record(indicator, by, "修改考核权重", before, after, agency=office)
        changed += 1
    return changed
