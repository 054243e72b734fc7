"""Online applications on the portal and their tracking by 查询码, without an account.

条例第三十一条: an application sent over the internet counts as received on the day both sides
confirm it, so it enters the ledger as 网络, 待确认收到, until a clerk confirms; the applicant
sees that, then the due date and the reply, on /track/. Nothing the applicant typed is ever
shown on a public page: the tracking page shows the case's facts, not the person.
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.office import form_labels
from gongkai.office.agencies.models import Agency
from gongkai.office.applications import services
from gongkai.office.applications.models import Attachment, Channel, EventKind, Status
from gongkai.office.applications.replies import BY_KEY

from . import throttle
from .models import OnlineSubmission, TrackMiss, keyed_digest
from .online_forms import OnlineApplicationForm

SESSION_KEY = "portal_new_code"


@transaction.atomic
def _file(agency, data, sender) -> tuple[OnlineSubmission, str]:
    contact = data["contact"] + (f"；{data['address']}" if data["address"] else "")
    application = services.register(
        agency,
        None,
        channel=Channel.ONLINE,
        arrived_on=timezone.localdate(),
        applicant_category=data["applicant_category"],
        applicant_name=data["applicant_name"],
        id_number=data["id_number"],
        contact=contact,
        request_text=data["request_text"],
        delivery_form=data["delivery_form"],
    )
    code = OnlineSubmission.new_code()
    submission = OnlineSubmission.objects.create(
        application=application,
        code_digest=keyed_digest(code),
        id_type=data["id_type"],
        email=data["email"],
        sender=sender,
    )
    if data["id_proof"] is not None:
        Attachment.objects.create(
            application=application, file=data["id_proof"], name="身份证明（网上提交）"
        )
    return submission, code


def apply(request, agency_id):
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    form = OnlineApplicationForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        sender = throttle.sender_of(request)
        if not throttle.may_apply(sender):
            form.add_error(None, "提交过于频繁，请稍后再试，或者通过其他方式提交申请。")
            status = 429
        elif form.is_valid():
            try:
                submission, code = _file(agency, form.cleaned_data, sender)
            except services.CaseError as exc:
                form.add_error(None, exc.messages)
            else:
                request.session[SESSION_KEY] = [submission.pk, code]
                return redirect("portal:apply_done", agency_id=agency.pk)
        status = status if status != 200 else 400
    return render(request, "portal/apply.html", {"agency": agency, "form": form}, status=status)


def apply_done(request, agency_id):
    """The 查询码, shown once: it is in the session only until this page has been seen."""
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    pk, code = request.session.pop(SESSION_KEY, [None, None])
    submission = OnlineSubmission.objects.select_related("application").filter(pk=pk).first()
    if submission is None:
        return redirect("portal:track")
    return render(
        request,
        "portal/apply_done.html",
        {"agency": agency, "code": code, "case": submission.application},
    )


class TrackForm(form_labels.Form):
    code = forms.CharField(label="查询码", max_length=40)


def _progress(application) -> dict:
    """What the applicant may know of their case: its dates, status and the reply."""
    reply = application.events.filter(kind__in=(EventKind.REPLY, EventKind.WITHDRAWN)).last()
    answer = None
    if reply is not None and reply.kind == EventKind.REPLY:
        from gongkai.office.notices.letters import reply_sentence
        from gongkai.office.notices.remedies import remedies_text

        kind = BY_KEY[reply.data["reply_type"]]
        answer = {
            "on": reply.on,
            "text": reply_sentence(kind.key),
            "article": kind.article,
            "reason": reply.data.get("reason", "") if kind.needs_reason else "",
            "remedies": remedies_text(),
        }
    return {
        "case": application,
        "waiting": application.status == Status.RECEIVED,
        "closed": application.status == Status.CLOSED,
        "answer": answer,
        "withdrawn": reply is not None and reply.kind == EventKind.WITHDRAWN,
    }


def track(request):
    form = TrackForm(request.POST or None)
    found, status = None, 200
    if request.method == "POST" and form.is_valid():
        sender = throttle.sender_of(request)
        if not throttle.may_track(sender):
            form.add_error(None, "查询失败次数过多，请一小时后再试。")
            status = 429
        else:
            code = OnlineSubmission.normalise(form.cleaned_data["code"])
            submission = (
                OnlineSubmission.objects.select_related("application__agency")
                .filter(code_digest=keyed_digest(code))
                .first()
            )
            if submission is None:
                TrackMiss.objects.create(sender=sender)
                form.add_error("code", "没有找到这个查询码，请核对后重新输入。")
                status = 404
            else:
                found = _progress(submission.application)
    elif request.method == "POST":
        status = 400
    return render(request, "portal/track.html", {"form": form, "found": found}, status=status)
