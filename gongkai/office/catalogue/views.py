"""The office's catalogue pages: the list with its timeliness dashboard, a draft's page with
its attachments, scan flags, review steps and history. Staff of the item's agency only."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.office.agencies.access import staff_agencies
from gongkai.office.agencies.models import Agency, CalendarOverride, Role
from gongkai.office.audit import trail
from gongkai.office.concurrency import StaleEdit

from . import workflow
from .forms import AttachmentForm, ItemForm, NoteForm, PublicationForm, ReasonForm, SettleForm
from .late import due_soon, late_items
from .models import Attachment, Flag, Item
from .practice import SAME_REQUEST_PROMPT, missing_interpretations, repeated_requests
from .vocab import Stage


def _agency(request, agency_id) -> Agency:
    agency = staff_agencies(request.user).filter(pk=agency_id).first()
    if agency is None:
        raise Http404("没有该机关的权限")
    return agency


def _item(request, pk) -> Item:
    item = get_object_or_404(Item.objects.select_related("agency"), pk=pk)
    if not staff_agencies(request.user).filter(pk=item.agency_id).exists():
        raise Http404("没有该条目")
    return item


@login_required
def home(request):
    agencies = list(staff_agencies(request.user))
    if len(agencies) == 1:
        return redirect("catalogue:agency", agencies[0].pk)
    return render(request, "catalogue/home.html", {"agencies": agencies})


@login_required
def agency_items(request, agency_id):
    """The agency's items by stage, and the 第二十六条 dashboard."""
    agency = _agency(request, agency_id)
    today = timezone.localdate()
    overrides = CalendarOverride.mapping_for(agency)
    stage = request.GET.get("stage", "")
    items = Item.objects.filter(agency=agency)
    if stage in Stage.values:
        items = items.filter(stage=stage)
    late = late_items(agency, today.year, today) + (
        late_items(agency, today.year - 1, today) if today.month == 1 else []
    )
    return render(
        request,
        "catalogue/agency_items.html",
        {
            "agency": agency,
            "items": items.order_by("-formed_on", "-id")[:200],
            "stages": [
                (s.value, s.label, Item.objects.filter(agency=agency, stage=s).count())
                for s in Stage
            ],
            "stage": stage,
            "due_soon": [
                (t, t.lateness.working_days_left(overrides))
                for t in due_soon(agency, today, overrides)
            ],
            "overdue": [t for t in late if not t.lateness.published],
            "published_late": [
                (t, t.lateness.working_days_late(overrides)) for t in late if t.lateness.published
            ],
            "today": today,
            "last_year": today.year - 1,
            "no_interpretation": missing_interpretations(agency, today.year),
            "repeated": repeated_requests(agency, today - dt.timedelta(days=365)),
            "prompt_at": SAME_REQUEST_PROMPT,
            "is_admin": workflow.holds(request.user, agency.pk, Role.ADMIN),
        },
    )


@login_required
def item_new(request, agency_id):
    agency = _agency(request, agency_id)
    form = ItemForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k not in ("index_no", "version")}
        try:
            item = workflow.create_item(
                agency, request.user, form.cleaned_data.get("index_no", ""), **fields
            )
        except workflow.StepRefused as e:
            form.add_error(None, e.messages[0])
        else:
            messages.success(request, f"已新建草稿 {item.index_no}")
            return redirect("catalogue:item", item.pk)
    return render(request, "catalogue/item_form.html", {"form": form, "agency": agency})


@login_required
def item_edit(request, pk):
    item = _item(request, pk)
    form = ItemForm(request.POST or None, instance=Item.objects.get(pk=pk), agency=item.agency)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.edit_item(item, request.user, **form.cleaned_data)
        except (workflow.StepRefused, StaleEdit) as e:
            form.add_error(None, e.messages[0])
        else:
            return redirect("catalogue:item", item.pk)
    return render(
        request,
        "catalogue/item_form.html",
        {"form": form, "agency": item.agency},
        status=400 if form.errors else 200,
    )


@login_required
def item_detail(request, pk, forms=None):
    item = _item(request, pk)
    forms = forms or {}
    user = request.user
    can = {
        "edit": item.stage == Stage.DRAFT
        and workflow.holds(user, item.agency_id, "clerk", "admin"),
        "review": item.stage == Stage.REVIEW and workflow.holds(user, item.agency_id, "reviewer"),
        "sign": item.stage == Stage.SIGNOFF and workflow.holds(user, item.agency_id, "head"),
        "publish": item.on_portal or (item.stage == Stage.DONE and item.disclosure == "proactive"),
    }
    return render(
        request,
        "catalogue/item_detail.html",
        {
            "item": item,
            "can": can,
            "attachments": item.attachments.filter(withdrawn=None),
            "withdrawn": item.attachments.exclude(withdrawn=None),
            "flags": item.flags.filter(stale=False).select_related("attachment", "settled_by"),
            "open_flags": workflow.open_flags(item).count(),
            "scans_pending": workflow.scans_pending(item),
            "decisions": item.decisions.select_related("by"),
            "changes": trail.of(item),
            "publications": item.publications.all(),
            "interpretations": item.interpretations.all(),
            "attach_form": forms.get("attach") or AttachmentForm(),
            "back_form": forms.get("back") or ReasonForm(),
            "pass_form": forms.get("pass") or NoteForm(),
            "publish_form": forms.get("publish")
            or PublicationForm(initial={"on": timezone.localdate()}),
            "settle_form": SettleForm(),
        },
    )


def _run(request, item, step, *args):
    try:
        step(*args)
    except workflow.StepRefused as e:
        messages.error(request, e.messages[0])
        return False
    return True


@login_required
@require_POST
def item_action(request, pk, action):
    """One step of the review workflow, posted from the item's page."""
    item = _item(request, pk)
    user = request.user
    form = None
    if action == "submit":
        _run(request, item, workflow.submit, item, user)
    elif action == "sign":
        _run(request, item, workflow.sign, item, user)
    elif action == "pass":
        form = NoteForm(request.POST)
        if form.is_valid():
            _run(request, item, workflow.pass_review, item, user, form.cleaned_data["reason"])
    elif action == "back":
        form = ReasonForm(request.POST)
        if form.is_valid():
            _run(request, item, workflow.send_back, item, user, form.cleaned_data["reason"])
    elif action == "attach":
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            _run(request, item, workflow.attach, item, user, form.cleaned_data["file"])
    elif action == "publish":
        form = PublicationForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            _run(
                request,
                item,
                workflow.record_publication,
                item,
                user,
                d["channel"],
                d["on"],
                d["account"],
            )
    else:
        raise Http404("没有这一步")
    if form is not None and not form.is_valid():
        return item_detail(request, pk, forms={action: form})
    return redirect("catalogue:item", item.pk)


@login_required
@require_POST
def attachment_withdraw(request, pk):
    attachment = get_object_or_404(Attachment, pk=pk)
    item = _item(request, attachment.item_id)
    _run(request, item, workflow.withdraw_attachment, attachment, request.user)
    return redirect("catalogue:item", item.pk)


@login_required
@require_POST
def flag_settle(request, pk):
    flag = get_object_or_404(Flag, pk=pk)
    item = _item(request, flag.item_id)
    form = SettleForm(request.POST)
    if form.is_valid():
        _run(request, item, workflow.settle, flag, request.user, form.cleaned_data["conclusion"])
    else:
        messages.error(request, "请写明处理结论。")
    return redirect("catalogue:item", item.pk)


@login_required
def attachment_file(request, pk):
    """The file itself, for the agency's staff (the reviewer reads what the scanner flagged)."""
    from django.http import FileResponse

    attachment = get_object_or_404(Attachment, pk=pk)
    _item(request, attachment.item_id)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
