"""意见征集 and 回应关切 (domain-spec §5.10): the office's pages to open a consultation, read
its comments (with the commenters' contacts, staff only) and publish what was adopted, and to
record public concerns and the item that answered them; the public consultation page."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.office.agencies.models import Agency, CalendarOverride
from gongkai.office.portal import throttle

from .forms import CommentForm, ConcernForm, ConsultationForm, FeedbackForm, ResponseForm
from .models import Comment, Concern, Consultation
from .practice import concern_standing, feedback_missing, period_problem
from .views import _agency

#: (window, most allowed in it) for comments from one address, on all consultations
COMMENT_LIMITS = ((dt.timedelta(hours=1), 5), (dt.timedelta(days=1), 20))
TOO_MANY = "提交过于频繁，请稍后再试。"


@login_required
def consultations(request, agency_id):
    agency = _agency(request, agency_id)
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        c = form.save(commit=False)
        c.agency, c.created_by = agency, request.user
        problem = period_problem(c, CalendarOverride.mapping_for(agency))
        if problem and not c.shortened_reason.strip():
            form.add_error("closes_on", problem)
        else:
            c.save()
            messages.success(request, f"已发布意见征集：{c.title}")
            return redirect("catalogue:consultation", c.pk)
    today = timezone.localdate()
    overrides = CalendarOverride.mapping_for(agency)
    rows = [
        (c, period_problem(c, overrides), feedback_missing(c, today), c.comments.count())
        for c in Consultation.objects.filter(agency=agency)
    ]
    return render(
        request,
        "catalogue/consultations.html",
        {"agency": agency, "rows": rows, "form": form, "today": today},
    )


@login_required
def consultation(request, pk):
    c = get_object_or_404(Consultation, pk=pk)
    agency = _agency(request, c.agency_id)
    form = FeedbackForm(
        request.POST or None, initial={"feedback": c.feedback, "feedback_on": c.feedback_on}
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            c = Consultation.objects.select_for_update().get(pk=pk)
            c.feedback, c.feedback_on = (
                form.cleaned_data["feedback"],
                form.cleaned_data["feedback_on"],
            )
            c.save(update_fields=["feedback", "feedback_on"])
        messages.success(request, "已公布意见采纳情况")
        return redirect("catalogue:consultation", c.pk)
    return render(
        request,
        "catalogue/consultation.html",
        {
            "c": c,
            "agency": agency,
            "comments": c.comments.all(),
            "problem": period_problem(c, CalendarOverride.mapping_for(agency)),
            "form": form,
        },
    )


@login_required
def concerns(request, agency_id):
    agency = _agency(request, agency_id)
    form = ConcernForm(request.POST or None, prefix="concern")
    if request.method == "POST" and "concern-topic" in request.POST and form.is_valid():
        concern = form.save(commit=False)
        concern.agency = agency
        concern.save()
        return redirect("catalogue:concerns", agency.pk)
    now = timezone.now()
    rows = [(c, concern_standing(c, now)) for c in Concern.objects.filter(agency=agency)]
    return render(
        request,
        "catalogue/concerns.html",
        {
            "agency": agency,
            "rows": rows,
            "form": form,
            "response_form": ResponseForm(agency=agency, prefix="response"),
        },
    )


@login_required
def concern_respond(request, pk):
    concern = get_object_or_404(Concern, pk=pk)
    agency = _agency(request, concern.agency_id)
    form = ResponseForm(request.POST or None, agency=agency, prefix="response")
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            concern = Concern.objects.select_for_update().get(pk=pk)
            if concern.response_id is None:
                concern.response = form.cleaned_data["response"]
                concern.responded_at = form.cleaned_data["responded_at"]
                concern.save(update_fields=["response", "responded_at"])
    else:
        messages.error(request, "请选择回应条目并填写回应时间。")
    return redirect("catalogue:concerns", agency.pk)


# ------------------------------------------------------------------ public


def public_consultation(request, agency_id, pk):
    """The draft, its period, the comment form while open, and the published feedback."""
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    today = timezone.localdate()
    c = get_object_or_404(Consultation, pk=pk, agency=agency, opens_on__lte=today)
    is_open = c.is_open(today)
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        sender = throttle.sender_of(request)
        if not is_open:
            form.add_error(None, "征求意见已截止，不再接收意见。")
        elif not throttle.within(Comment.objects.filter(sender=sender), COMMENT_LIMITS):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            Comment.objects.create(consultation=c, sender=sender, **form.cleaned_data)
            messages.success(request, "您的意见已提交，感谢参与。")
            return redirect("catalogue:public_consultation", agency.pk, c.pk)
        status = status if status != 200 else 400
    return render(
        request,
        "catalogue/public_consultation.html",
        {"agency": agency, "c": c, "is_open": is_open, "form": form, "count": c.comments.count()},
        status=status,
    )
