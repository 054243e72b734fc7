"""Forms whose labels end in the full-width colon of Chinese text (姓名：), not Django's ":"."""

from __future__ import annotations

from django import forms

LABEL_SUFFIX = "："


class ChineseLabels:
    """Mixed into a Form or ModelForm: labels end in "：" unless the caller says otherwise."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", LABEL_SUFFIX)
        super().__init__(*args, **kwargs)


class Form(ChineseLabels, forms.Form):
    pass


class ModelForm(ChineseLabels, forms.ModelForm):
    pass


def optional_email(label: str, help_text: str) -> forms.EmailField:
    """An e-mail address a person may leave blank, refused in Chinese when it is not one."""
    return forms.EmailField(
        label=label,
        required=False,
        help_text=help_text,
        error_messages={"invalid": "请输入有效的电子邮箱地址。"},
    )
