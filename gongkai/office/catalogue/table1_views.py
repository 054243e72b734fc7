"""Table 1 as the catalogue compiles it, for the annual report: each number links to the items
behind it; a figure entered by hand (decisions kept in another system, the fee, an override)
is recorded with its source or reason, and the latest entry per cell counts (append-only)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from gongkai.office.annual.compile import compile_report
from gongkai.report.formats import FORMAT_2021, TABLE1_2021
from gongkai.report.model import parse_number

from .models import Table1Entry
from .table1 import COMPILED_KEYS, compile_table1, items_behind
from .views import _agency


def _name(key: str) -> str:
    _, row, col = FORMAT_2021.specs[key]
    return f"{row.label}·{col.label}"


class EntryForm(forms.Form):
    key = forms.ChoiceField(
        label="单元格", choices=[(k, _name(k)) for k in TABLE1_2021.cell_keys()]
    )
    value = forms.CharField(label="数值", max_length=40, help_text="数字、/ 或留空以外的值")
    source = forms.CharField(label="来源或理由", max_length=300)

    def clean_value(self):
        value = self.cleaned_data["value"].strip()
        _, _, col = FORMAT_2021.specs.get(self.data.get("key"), (None, None, None))
        state, _, reason = parse_number(value, bool(col and col.decimal))
        if state.value not in ("number", "not-applicable"):
            raise forms.ValidationError(reason or "应为数字或“/”")
        return value


@login_required
def table1(request, agency_id, year):
    agency = _agency(request, agency_id)
    if not 2000 <= year <= 2100:
        raise Http404("年度不正确")
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Table1Entry.objects.create(agency=agency, year=year, by=request.user, **form.cleaned_data)
        messages.success(request, f"已录入{_name(form.cleaned_data['key'])}")
        return redirect("catalogue:table1", agency.pk, year)
    compiled = compile_table1(agency, year)
    report = compile_report(agency, year)
    entries, history = {}, []
    for e in Table1Entry.objects.filter(agency=agency, year=year).select_related("by"):
        e.label = _name(e.key)  # the cell as a person names it, not its key
        entries[e.key] = e
        history.append(e)
    rows = [
        (
            key,
            _name(key),
            compiled.counts.get(key),
            report.cell(key).raw,
            entries.get(key),
        )
        for key in TABLE1_2021.cell_keys()
    ]
    return render(
        request,
        "catalogue/table1.html",
        {
            "agency": agency,
            "year": year,
            "rows": rows,
            "form": form,
            "notes": report.notes,
            "history": history,
            "compiled_keys": COMPILED_KEYS,
        },
    )


@login_required
def behind(request, agency_id, year, key):
    agency = _agency(request, agency_id)
    if key not in COMPILED_KEYS:
        raise Http404("该单元格不由目录汇总")
    return render(
        request,
        "catalogue/table1_items.html",
        {
            "agency": agency,
            "year": year,
            "name": _name(key),
            "items": items_behind(agency, key, year),
        },
    )
