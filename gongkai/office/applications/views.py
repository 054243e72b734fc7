"""Pages of the ledger: the case list, intake, the case page with its legal events, attachments.

Access is checked here on every request (agencies/access.py): a case of another agency is a 404,
and applicants' personal data reach the template only for the holding agency's staff.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from gongkai.office import listing
from gongkai.office.agencies import access
from gongkai.office.concurrency import AlreadyRecorded
from gongkai.office.today import standing

from . import corrections, forms, services
from .models import ENDED, Application, Attachment, CaseEvent, EventKind, Status


@dataclass(frozen=True)
class Action:
    label: str
    form: type
    run: object
    statuses: tuple


ACTIONS = {
    "confirm": Action(
        "确认收到申请（第三十一条）",
        forms.ConfirmForm,
        services.confirm_receipt,
        (Status.RECEIVED,),
    ),
    "correction": Action(
        "补正通知（第三十条）",
        forms.CorrectionForm,
        services.request_correction,
        (Status.REGISTERED,),
    ),
    "correction_received": Action(
        "收到补正", forms.EventForm, services.receive_correction, (Status.CORRECTION_REQUESTED,)
    ),
    "consultation": Action(
        "征求意见（第三十二、三十四条）",
        forms.ConsultationForm,
        services.start_consultation,
        (Status.REGISTERED,),
    ),
    "consultation_end": Action(
        "征求意见结束", forms.ConsultationEndForm, services.end_consultation, (Status.CONSULTING,)
    ),
    "extension": Action(
        "申请延长答复期限（第三十三条）",
        forms.ExtensionRequestForm,
        services.request_extension,
        (Status.REGISTERED, Status.CONSULTING),
    ),
    "extension_approve": Action(
        "批准延长答复期限",
        forms.ExtensionApproveForm,
        services.approve_extension,
        (Status.REGISTERED, Status.CONSULTING),
    ),
    "fee_notice": Action(
        "收费通知", forms.FeeNoticeForm, services.fee_notice, (Status.REGISTERED,)
    ),
    "fee_paid": Action("已缴费", forms.EventForm, services.fee_paid, (Status.AWAITING_PAYMENT,)),
    "art35": Action(
        "第三十五条延期答复", forms.Art35Form, services.art35_delay, (Status.REGISTERED,)
    ),
    "reply": Action(
        "答复办结",
        forms.ReplyForm,
        services.reply,
        (Status.REGISTERED, Status.CORRECTION_REQUESTED, Status.AWAITING_PAYMENT),
    ),
    "withdraw": Action(
        "申请人撤回",
        forms.WithdrawForm,
        services.withdraw,
        tuple(s for s in Status if s not in ENDED),
    ),
}


def _available(application, user) -> list[str]:
    """The legal events that may come next, for a person who may record them."""
    if not access.can_handle_case(user, application):
        return []
    kinds = set(application.events.values_list("kind", flat=True))
    extension = application.events.filter(kind=EventKind.EXTENSION).first()
    hidden = set()
    if EventKind.CORRECTION_NOTICE in kinds:
        hidden.add("correction")
    if extension is not None:
        hidden.add("extension")
    if (
        extension is None
        or extension.data.get("approved")
        or not access.can_approve_extension(user, application)
    ):
        hidden.add("extension_approve")
    if EventKind.FEE_NOTICE in kinds:
        hidden.add("fee_notice")
    return [
        name
        for name, a in ACTIONS.items()
        if application.status in a.statuses and name not in hidden
    ]


def _case_or_404(user, pk) -> Application:
    application = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    if not access.can_view_case(user, application):
        raise Http404("没有这个申请")
    return application


PAGE_SIZE = listing.PAGE_SIZE
DUE_CHOICES = [("soon", "5个工作日内到期"), ("overdue", "已逾期")]
LIST_FIELDS = (
    "number",
    "agency_id",
    "agency__name",
    "applicant_name",
    "received_on",
    "status",
    "due_on",
    "request_text",
    "arrived_on",
)


def _due_cell(c, today, soon, lapse):
    """The 答复期限 column: the date marked overdue or soon, a wait that ran out, or why the
    clock does not run."""
    mark = standing.mark(c, today, soon, lapse)
    if lapse is not None:
        return format_html('<span class="overdue">已逾期：{}</span>', lapse.label)
    if c.due_on:
        flag = {"overdue": "（已逾期）", "soon": "（即将到期）"}.get(mark, "")
        return format_html('<span class="{}">{}{}</span>', mark, c.due_on.isoformat(), flag)
    if c.status in ENDED:
        return ""
    waiting = "未起算" if c.status == Status.RECEIVED else "暂停计算"
    return format_html('<span class="muted">{}</span>', waiting)


def case_rows(cases, personal: set[int], today, lapses=None) -> str:
    """The table rows of the case list, built in one pass: a page of 50 cases through the
    template language cost more than all the page's queries (bench/office_compile.py)."""
    rows, soon, lapses = [], standing.soon_until(today), lapses or {}
    for c in cases:
        name = (
            format_html("{}", c.applicant_name)
            if c.agency_id in personal
            else mark_safe('<span class="muted">（不显示）</span>')
        )
        lapse = lapses.get(c.pk)
        text = c.request_text if len(c.request_text) <= 40 else c.request_text[:39] + "…"
        rows.append(
            format_html(
                '<tr id="case-{}" class="{}"><td><a href="{}">{}</a></td><td>{}</td><td>{}</td>'
                "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.pk,
                standing.mark(c, today, soon, lapse),
                reverse("case_detail", args=[c.pk]),
                c.number,
                c.agency.name,
                name,
                c.received_on.isoformat() if c.received_on else "待确认",
                c.get_status_display(),
                _due_cell(c, today, soon, lapse),
                text,
            )
        )
    return mark_safe("\n".join(rows))


@login_required
def case_list(request):
    staff_ids = set(access.staff_agencies(request.user).values_list("pk", flat=True))
    visible = access.visible_agency_ids(request.user, staff_ids)
    cases = Application.objects.filter(agency_id__in=visible)
    counts = dict(
        cases.values_list("status").annotate(n=Count("*")).values_list("status", "n")
    )  # index-only
    today = timezone.localdate()
    status, due, q = (
        request.GET.get("status", ""),
        request.GET.get("due", ""),
        request.GET.get("q", "").strip(),
    )
    agency, agencies = listing.agency_filter(request, visible)
    if agency:
        cases = cases.filter(agency_id=agency)
    if status in Status.values:
        cases = cases.filter(status=status)
    lapses = {}
    if due == "soon":
        cases = standing.due_soon(cases, today)
    elif due == "overdue":
        cases, lapses = standing.overdue(cases, today)
    if q:
        cases = cases.filter(
            Q(number__icontains=q)
            | Q(request_text__icontains=q)
            | Q(applicant_name__icontains=q, agency_id__in=staff_ids)
        )
    rows = cases.select_related("agency").only(*LIST_FIELDS)
    filters = {"agency": agency, "status": status, "due": due, "q": q}
    listed = listing.paged(request, rows, filters)
    page = listed["page"]
    if due != "overdue":  # the waits that ran out, among the cases on this page
        lapses = standing.lapses(Application.objects.filter(pk__in=[c.pk for c in page]), today)
    return render(
        request,
        "applications/case_list.html",
        {
            "rows": case_rows(page, staff_ids, today, lapses),
            **listed,
            "agencies": agencies,
            "counts": [(s, counts.get(s.value, 0)) for s in Status],
            "total": sum(counts.values()),
            "statuses": Status.choices,
            "due_choices": DUE_CHOICES,
            "can_register": bool(staff_ids),
        },
    )


@login_required
def case_new(request):
    if not access.staff_agencies(request.user).exists():
        raise PermissionDenied("只有机关工作人员可以登记申请。")
    form = forms.IntakeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agency = data.pop("agency")
        try:
            application = services.register(agency, request.user, **data)
        except AlreadyRecorded:
            return _already_recorded(request, services.recorded(data["token"]))
        except services.CaseError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, f"已登记申请 {application.number}。")
            return redirect("case_detail", pk=application.pk)
    return render(
        request, "applications/case_form.html", {"form": form}, status=400 if form.errors else 200
    )


def _detail(request, application, bound=None, status=200, correction=None):
    from .correction_views import correction_forms

    names = _available(application, request.user)
    personal = access.can_see_personal_data(request.user, application.agency)
    action_forms = {
        name: (bound[1] if bound and bound[0] == name else ACTIONS[name].form(prefix=name))
        for name in names
    }
    return render(
        request,
        "applications/case_detail.html",
        {
            "case": application,
            "deadline": services.deadline_for(application),
            "personal": personal,
            "can_handle": access.can_handle_case(request.user, application),
            "actions": [(name, ACTIONS[name].label, action_forms[name]) for name in names],
            # the undone events too, struck through with who undid them and why
            "events": CaseEvent.everything.filter(application=application).select_related(
                "by", "voided_by"
            ),
            "history": [
                (h, h.details(personal=personal)) for h in application.history.select_related("by")
            ],
            "attachments": [
                (
                    a,
                    forms.ReasonForm(prefix=f"remove-{a.pk}")
                    if corrections.may_remove_attachment(request.user, a)
                    else None,
                )
                for a in application.attachments.select_related("uploaded_by")
            ],
            **correction_forms(request.user, application, correction),
            "attachment_form": forms.AttachmentForm(),
            "appeals": application.appeals.all(),
        },
        status=status,
    )


@login_required
def case_detail(request, pk):
    return _detail(request, _case_or_404(request.user, pk))


def _already_recorded(request, application):
    """The same form posted again (a double click, a resent page): answered as the first was."""
    messages.info(request, "该表单已提交并记录过，本次未重复记录。")
    return redirect("case_detail", pk=application.pk)


def posted_step(request, application, name, form, run, label, *, correction=False):
    """A step's form posted on the case page: recorded once, then back to the case; refused
    with the form open and its message beside it. A twin post of a step just recorded (the
    step is no longer offered) is answered as the first was."""
    if form is None:
        twin = services.recorded(request.POST.get(f"{name}-token", ""))
        if twin is not None and twin.pk == application.pk:
            return _already_recorded(request, application)
        raise PermissionDenied("当前不能进行此操作。")
    if form.is_valid():
        try:
            run(dict(form.cleaned_data))
        except AlreadyRecorded:
            return _already_recorded(request, application)
        except services.CaseError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, f"已记录：{label}。")
            return redirect("case_detail", pk=application.pk)
    application.refresh_from_db()
    bound = {"correction" if correction else "bound": (name, form)}
    return _detail(request, application, status=400, **bound)


@login_required
@require_POST
def case_action(request, pk, action):
    application = _case_or_404(request.user, pk)
    step = ACTIONS.get(action) if action in _available(application, request.user) else None

    def run(data):
        step.run(application, data.pop("on"), request.user, **data)

    form = step.form(request.POST, prefix=action) if step else None
    return posted_step(request, application, action, form, run, step and step.label)


@login_required
@require_POST
def attachment_upload(request, pk):
    application = _case_or_404(request.user, pk)
    if not access.can_handle_case(request.user, application):
        raise PermissionDenied("只有本机关的工作人员可以上传附件。")
    form = forms.AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"未上传：{error}")
        return redirect("case_detail", pk=application.pk)
    upload = form.cleaned_data["file"]
    name = form.cleaned_data["name"] or upload.name
    Attachment.objects.create(
        application=application, file=upload, name=name, uploaded_by=request.user
    )
    application.history.create(by=request.user, action="上传附件", changes={"attachment": name})
    messages.success(request, f"已上传附件：{name}。")
    return redirect("case_detail", pk=application.pk)


@login_required
def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("application"), pk=pk)
    if not access.can_handle_case(request.user, attachment.application):
        raise Http404("没有这个附件")
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.file.name.rsplit("/", 1)[-1],
    )
