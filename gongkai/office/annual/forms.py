"""The forms of the annual-report page: table 1 and parts 一/五/六, and the publish step."""

from __future__ import annotations

import datetime as dt

from django import forms

from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import State, parse_number

TABLE1 = FORMAT_2021.table("t1")


def table1_field_name(key: str) -> str:
    return key.replace(".", "__")


class ReportForm(forms.Form):
    """Table 1 as typed (blank stays blank, C-1: non-negative numbers) and the three edited parts."""

    part1 = forms.CharField(
        label="一、总体情况", required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    part5 = forms.CharField(
        label="五、存在的主要问题及改进情况",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    part6 = forms.CharField(
        label="六、其他需要报告的事项", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in TABLE1.rows:
            for col in row.columns:
                key = f"t1.{row.key}.{col.key}"
                self.fields[table1_field_name(key)] = forms.CharField(
                    label=f"{row.label}·{col.label}",
                    required=False,
                    max_length=20,
                    widget=forms.TextInput(
                        attrs={"size": 8, "inputmode": "decimal", "data-key": key}
                    ),
                )

    def table1_fields(self):
        """(row label, block, [(column label, bound field)]) for the template, in table order."""
        return [
            (
                row.label,
                row.block,
                [(c.label, self[table1_field_name(f"t1.{row.key}.{c.key}")]) for c in row.columns],
            )
            for row in TABLE1.rows
        ]

    def clean(self):
        data = super().clean()
        for row in TABLE1.rows:
            for col in row.columns:
                name = table1_field_name(f"t1.{row.key}.{col.key}")
                raw = (data.get(name) or "").strip()
                if not raw:
                    continue
                state, value, _ = parse_number(raw, col.decimal)
                if (
                    state is not State.NUMBER
                    or value < 0
                    or (not col.decimal and value != int(value))
                ):
                    self.add_error(
                        name,
                        "应为非负整数"
                        + ("或小数（万元）" if col.decimal else "")
                        + "，不填表示空白",
                    )
        return data

    def table1(self) -> dict[str, str]:
        return {
            f"t1.{r.key}.{c.key}": self.cleaned_data[
                table1_field_name(f"t1.{r.key}.{c.key}")
            ].strip()
            for r in TABLE1.rows
            for c in r.columns
            if self.cleaned_data.get(table1_field_name(f"t1.{r.key}.{c.key}"), "").strip()
        }


class PublishForm(forms.Form):
    """Publishing freezes a version; a later change needs a reason (the version history shows it)."""

    published_on = forms.DateField(
        label="发布日期", initial=dt.date.today, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label="修改原因（再次发布时必填）", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, republish: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.republish = republish

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.republish and not reason:
            raise forms.ValidationError("已发布过的报告再次发布，须说明修改原因。")
        return reason
