"""The forms of staff management: a new person, a change of name and roles, a new password."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation

from gongkai.office import form_labels

from .staff import ASSIGNABLE


class _Password(form_labels.Form):
    password = forms.CharField(
        label="密码",
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="至少10个字符，不能全是数字，不能过于常见。",
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, getattr(self, "person", None))
        return password


class PersonForm(form_labels.Form):
    first_name = forms.CharField(label="姓名", max_length=150)
    email = form_labels.optional_email("电子邮箱（可不填）", "填写后可收到每日待办提醒。")
    roles = forms.MultipleChoiceField(
        label="角色",
        choices=ASSIGNABLE,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "请至少选择一个角色。"},
    )


class NewPersonForm(_Password, PersonForm):
    username = forms.RegexField(
        label="登录名",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": "登录名只能包含字母、数字和 @ . + - _。"},
    )
    field_order = ["username", "first_name", "email", "roles", "password"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("该登录名已被使用。")
        return username


class PasswordForm(_Password):
    def __init__(self, person, *args, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)
