"""The forms of the annual-report page: table 1 and parts 一/五/六, and the publish step."""

from __future__ import annotations

import datetime as dt

from django import forms

from gongkai.office import form_labels
from gongkai.office.concurrency import VersionField
from gongkai.office.uploads import REPORT_KINDS, CheckedFileField
from gongkai.report.formats import PARTS, TABLE1_2021, grouped
from gongkai.report.model import State, parse_number

TABLE1 = TABLE1_2021


def table1_field_name(key: str) -> str:
    return key.replace(".", "__")


def _field(row, col) -> str:
    return table1_field_name(TABLE1.cell_key(row, col))


#: the trail's labels of table 1's cells (AnnualReport.table1 is spread one entry per cell)
TABLE1_LABELS = {
    f"table1.{TABLE1.cell_key(row, col)}": f"{TABLE1.name} {row.label}·{col.label}"
    for row in TABLE1.rows
    for col in row.columns
}


class ReportForm(form_labels.Form):
    """Table 1 as typed (blank stays blank, C-1: non-negative numbers) and the three edited parts."""

    part1 = forms.CharField(
        label=PARTS[0].heading, required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    part5 = forms.CharField(
        label=PARTS[4].heading,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    part6 = forms.CharField(
        label=PARTS[5].heading, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    #: the draft's version when the page was loaded (0: not saved yet)
    version = VersionField(required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in TABLE1.rows:
            for col in row.columns:
                key = TABLE1.cell_key(row, col)
                self.fields[table1_field_name(key)] = forms.CharField(
                    label=grouped(row.label, col.label),
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
                [(c.label, self[_field(row, c)]) for c in row.columns],
            )
            for row in TABLE1.rows
        ]

    def clean(self):
        data = super().clean()
        for row in TABLE1.rows:
            for col in row.columns:
                name = _field(row, col)
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
            TABLE1.cell_key(r, c): self.cleaned_data[_field(r, c)].strip()
            for r in TABLE1.rows
            for c in r.columns
            if self.cleaned_data.get(_field(r, c), "").strip()
        }


class PublishForm(form_labels.Form):
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


class PreviousReportForm(form_labels.Form):
    """A report published before the agency used gongkai (gongkai.office.annual.previous)."""

    file = CheckedFileField(label="已发布的年度报告文件", kinds=REPORT_KINDS)
    published_on = forms.DateField(
        label="发布日期（文件中读不出时填写）",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class PreviousConfirmForm(form_labels.Form):
    """The confirmation of the report previewed: its held file's token, the date as entered."""

    token = forms.CharField(widget=forms.HiddenInput)
    published_on = forms.DateField(required=False, widget=forms.HiddenInput)
