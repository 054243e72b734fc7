"""The 接口令牌 page: a person makes, sees and revokes their own tokens for the staff API.
A token is shown once, when it is made; afterwards only its first characters."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.office import form_labels
from gongkai.office.agencies import access

from .models import ApiToken


class TokenForm(form_labels.Form):
    name = forms.CharField(label="用途", max_length=100, help_text="例如：统计报表系统对接")


def _require_staff(user):
    if not (access.staff_agencies(user).exists() or access.agencies_for(user).exists()):
        raise PermissionDenied("只有机关工作人员可以使用数据接口。")


@login_required
def tokens(request):
    _require_staff(request.user)
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = ApiToken.issue(request.user, form.cleaned_data["name"])
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "new_token": new_token, "tokens": request.user.api_tokens.all()},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, f"已停用令牌：{token.name}。")
    return redirect("api_tokens")
