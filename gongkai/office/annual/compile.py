"""compile_report(agency, year): the annual report of one agency's year, counted from the ledger.

The counting is done by the database with grouped, filtered COUNTs (three queries for the
applications and one for the appeals), never by looping over cases in Python: a county
government office keeps tens of thousands of cases. `assemble.py` lays the counts out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, F, Q

from gongkai.report.model import AgencyKind, Report

from .assemble import LedgerCounts, assemble_report


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The statistical period: 1 January to 31 December (domain-spec §2.7)."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _open_at(day: dt.date) -> Q:
    """Received on or before `day` and not concluded by the end of it."""
    return Q(received_on__lte=day) & (Q(concluded_on__isnull=True) | Q(concluded_on__gt=day))


def application_counts(applications, year: int) -> LedgerCounts:
    """Table 2 counts for `applications` (a queryset of one agency's cases), domain-spec §5.6.

    A case counts from its legal date of receipt (条例第三十一条, `received_on`); a case still
    waiting for that date is not yet received and is reported as a note, not counted.
    """
    start, end = year_bounds(year)
    counts = LedgerCounts()
    received = applications.filter(received_on__isnull=False)
    flows = received.values("applicant_category").annotate(
        received=Count("pk", filter=Q(received_on__gte=start, received_on__lte=end)),
        carried_in=Count("pk", filter=_open_at(start - dt.timedelta(days=1))),
        carried_out=Count("pk", filter=_open_at(end)),
    )
    for row in flows:
        cat = row["applicant_category"]
        for name in ("received", "carried_in", "carried_out"):
            if row[name]:
                getattr(counts, name)[cat] += row[name]
    concluded = received.filter(
        concluded_on__gte=start, concluded_on__lte=end, received_on__lte=end
    )
    for row in concluded.values("applicant_category", "outcome").annotate(n=Count("pk")):
        if row["outcome"]:
            counts.concluded[(row["applicant_category"], row["outcome"])] += row["n"]
        else:
            counts.anomalies.append(
                f"{row['n']}件申请已填办结日期但没有办理结果，未计入办理结果各行，请补录。"
            )
    inverted = received.filter(concluded_on__lt=F("received_on")).count()
    if inverted:
        counts.anomalies.append(f"{inverted}件申请的办结日期早于收到日期，统计可能不平衡，请核对。")
    waiting = applications.filter(
        received_on__isnull=True, concluded_on__gte=start, concluded_on__lte=end
    ).count()
    if waiting:
        counts.anomalies.append(
            f"{waiting}件申请尚未确认收到日期（第三十一条）却已办结，未计入本表。"
        )
    return counts


def appeal_counts(appeals, year: int) -> Counter:
    """Table 3 counts: filed in `year` or pending at its start; result if closed by 31 December."""
    start, end = year_bounds(year)
    in_year = appeals.filter(
        Q(filed_on__gte=start, filed_on__lte=end)
        | Q(filed_on__lt=start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    )
    closed = Q(closed_on__isnull=False, closed_on__lte=end) & ~Q(result="")
    counts: Counter = Counter()
    for row in in_year.values("kind", "result").annotate(
        done=Count("pk", filter=closed), open=Count("pk", filter=~closed)
    ):
        if row["done"]:
            counts[(row["kind"], row["result"])] += row["done"]
        if row["open"]:
            counts[(row["kind"], "pending")] += row["open"]
    return counts


def compile_report(agency, year: int) -> Report:
    """The report of `agency` (an agencies.Agency) for `year`: tables 2–3 from the ledger
    (cells with Source(kind="ledger")), table 1 as entered (the latest catalogue Table1Entry
    per cell over the annual form's figures) or else compiled from the catalogue, and parts
    一/五/六 as entered for that year."""
    from gongkai.office.appeals.models import Appeal
    from gongkai.office.applications.models import Application, RequestKind, Status
    from gongkai.office.catalogue.models import Table1Entry
    from gongkai.office.catalogue.table1 import compile_table1

    from .models import AnnualReport

    counts = application_counts(
        Application.objects.filter(agency=agency, request_kind=RequestKind.DISCLOSURE).exclude(
            status=Status.VOIDED
        ),
        year,
    )
    counts.appeals = appeal_counts(Appeal.objects.filter(agency=agency), year)
    entry = AnnualReport.objects.filter(agency=agency, year=year).first()
    table1 = dict(entry.table1) if entry else {}
    compiled = compile_table1(agency, year)
    reasons = {}
    for figure in Table1Entry.objects.filter(agency=agency, year=year).order_by("at", "id"):
        table1[figure.key] = figure.value
        reasons[figure.key] = figure.source
    report = assemble_report(
        agency.name,
        year,
        counts,
        kind=AgencyKind(agency.kind) if agency.kind else None,
        can_make_rules=agency.can_make_rules,
        table1=table1,
        compiled_table1=compiled.counts,
        table1_reasons=reasons,
        texts=entry.texts() if entry else None,
    )
    report.notes.extend(compiled.warnings)
    return report


def fees_in_year(agency, year: int):
    """信息处理费 (国办函〔2020〕109号) for part 六: notices sent in `year`, and the amounts of
    the notices paid in `year`. Fee cases are few; their amounts are summed here."""
    from decimal import Decimal, InvalidOperation

    from gongkai.office.applications.models import CaseEvent, EventKind, Status

    from .narrative_draft import Fees

    start, end = year_bounds(year)
    events = CaseEvent.objects.filter(application__agency=agency).exclude(
        application__status=Status.VOIDED
    )
    notices = events.filter(kind=EventKind.FEE_NOTICE, on__gte=start, on__lte=end).count()
    paid_cases = events.filter(kind=EventKind.FEE_PAID, on__gte=start, on__lte=end).values(
        "application_id"
    )
    collected = Decimal(0)
    for data in events.filter(kind=EventKind.FEE_NOTICE, application_id__in=paid_cases).values_list(
        "data", flat=True
    ):
        try:
            collected += Decimal(str(data.get("amount", "0")))
        except InvalidOperation:
            pass
    return Fees(notices, collected)
