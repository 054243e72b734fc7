"""The online application form (条例第二十九条): who applies and how to reach them, their
identity as 证件类型 and 证件号码 (an upload optional), what they want and in what form."""

from __future__ import annotations

from django import forms
from stdnum.cn import uscc

from gongkai.office import form_labels
from gongkai.office.applications.models import APPLICANT_CATEGORY_CHOICES
from gongkai.review.idcard import is_id18

from .models import IdType

DELIVERY = ("电子邮件", "邮寄纸质件", "当面领取", "网上查阅")
PROOF_TYPES = {".pdf", ".jpg", ".jpeg", ".png"}
PROOF_MAX_BYTES = 5 * 1024 * 1024
#: the kinds of ID a natural person holds (an organisation gives its 统一社会信用代码 or other)
PERSONAL_IDS = (IdType.RESIDENT_ID, IdType.PASSPORT, IdType.HK_MACAO, IdType.TAIWAN, IdType.OTHER)


class OnlineApplicationForm(form_labels.Form):
    applicant_category = forms.ChoiceField(label="申请人类型", choices=APPLICANT_CATEGORY_CHOICES)
    applicant_name = forms.CharField(label="姓名或名称", max_length=200)
    id_type = forms.ChoiceField(label="证件类型", choices=IdType.choices)
    id_number = forms.CharField(label="证件号码", max_length=60)
    id_proof = forms.FileField(
        label="身份证明（可不上传）",
        required=False,
        help_text="PDF、JPG 或 PNG，不超过 5 MB。",
    )
    contact = forms.CharField(label="联系电话", max_length=40)
    email = form_labels.optional_email(
        "电子邮箱（可不填）", "填写后，告知书和答复书也会发送到该邮箱。"
    )
    address = forms.CharField(label="通讯地址（可不填）", max_length=200, required=False)
    request_text = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )
    delivery_form = forms.ChoiceField(label="获取信息的方式", choices=[(d, d) for d in DELIVERY])

    def clean_id_number(self):
        return "".join(self.cleaned_data["id_number"].split()).upper()

    def clean_id_proof(self):
        proof = self.cleaned_data.get("id_proof")
        if proof is None:
            return None
        suffix = "." + proof.name.rsplit(".", 1)[-1].lower() if "." in proof.name else ""
        if suffix not in PROOF_TYPES:
            raise forms.ValidationError("身份证明请上传 PDF、JPG 或 PNG 文件。")
        if proof.size > PROOF_MAX_BYTES:
            raise forms.ValidationError("身份证明文件不能超过 5 MB。")
        return proof

    def clean(self):
        data = super().clean()
        kind, number, category = (
            data.get("id_type"),
            data.get("id_number"),
            data.get("applicant_category"),
        )
        if kind == IdType.RESIDENT_ID and number and not is_id18(number):
            self.add_error("id_number", "居民身份证号码不正确，请核对（18位，最后一位可为X）。")
        if kind == IdType.CREDIT_CODE and number and not uscc.is_valid(number):
            self.add_error("id_number", "统一社会信用代码不正确，请核对（18位）。")
        if category and kind:
            personal = category == "natural_person"
            if personal and kind == IdType.CREDIT_CODE:
                self.add_error("id_type", "自然人请填写个人身份证件。")
            if not personal and kind not in (IdType.CREDIT_CODE, IdType.OTHER):
                self.add_error("id_type", "法人或其他组织请填写统一社会信用代码。")
        return data
