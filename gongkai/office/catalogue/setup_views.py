"""The administrator's catalogue screen (not Django's admin): the agency's 索引号 scheme for
new items and its own catalogue categories (条例第二十二条's 主动公开基本目录 beside the law's).

Only the agency's 管理员. A scheme edit carries its version (a stale form is refused). The audit
trail records both models at the model (gongkai.office.audit.watched), old → new; the scheme's
下一个序号 is left out there (every new item moves it), so a change of it made here is
recorded here. A category is never deleted, since items carry its name: it is 停用 (no longer
offered for new items) and may be 启用 again.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.office.agencies.models import Role
from gongkai.office.audit import trail
from gongkai.office.audit.models import ChangeRecord
from gongkai.office.concurrency import StaleEdit, check_version, locked

from .forms import IndexSchemeForm, OwnCategoryForm
from .models import IndexScheme, OwnCategory
from .views import _agency
from .workflow import holds


def _admin_agency(request, agency_id):
    agency = _agency(request, agency_id)
    if not holds(request.user, agency.pk, Role.ADMIN):
        raise PermissionDenied("只有本机关的管理员可以设置索引号规则和目录类别。")
    return agency


@login_required
def setup(request, agency_id):
    agency = _admin_agency(request, agency_id)
    scheme, _ = IndexScheme.objects.get_or_create(agency=agency)
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("form", "")
    scheme_form = IndexSchemeForm(posted if which == "scheme" else None, instance=scheme)
    category_form = OwnCategoryForm(posted if which == "category" else None, agency=agency)
    if which == "scheme" and scheme_form.is_valid():
        try:
            _save_scheme(scheme_form, request.user, agency)
        except StaleEdit as e:
            scheme_form.add_error(None, e.messages[0])
        else:
            messages.success(request, "已保存索引号规则。")
            return redirect("catalogue:setup", agency.pk)
    if which == "category" and category_form.is_valid():
        category = OwnCategory.objects.create(
            agency=agency, name=category_form.cleaned_data["name"]
        )
        messages.success(request, f"已新增目录类别：{category.name}")
        return redirect("catalogue:setup", agency.pk)
    return render(
        request,
        "catalogue/setup.html",
        {
            "agency": agency,
            "scheme_form": scheme_form,
            "category_form": category_form,
            "categories": agency.own_categories.order_by("name"),
            "changes": ChangeRecord.objects.filter(
                agency=agency,
                content_type__in=ContentType.objects.get_for_models(
                    IndexScheme, OwnCategory
                ).values(),
            ).select_related("by"),
        },
        status=400 if scheme_form.errors or category_form.errors else 200,
    )


@transaction.atomic
def _save_scheme(form, by, agency) -> None:
    current = locked(IndexScheme, form.instance.pk)
    check_version(current.version, form.cleaned_data.get("version"), trail.latest(current))
    before = trail.values(current, ["next_seq"])
    form.instance.version = current.version + 1
    saved = form.save()
    trail.record(
        saved, by, "修改索引号规则", before, trail.values(saved, ["next_seq"]), agency=agency
    )


@login_required
@require_POST
def category_toggle(request, pk):
    """停用 or 启用 one of the agency's own categories."""
    category = get_object_or_404(OwnCategory, pk=pk)
    agency = _admin_agency(request, category.agency_id)
    with transaction.atomic():
        category = locked(OwnCategory, pk)
        category.active = not category.active
        category.save(update_fields=["active"])
    done = "启用" if category.active else "停用"
    messages.success(request, f"已{done}目录类别：{category.name}（{agency.name}）")
    return redirect("catalogue:setup", agency.pk)
