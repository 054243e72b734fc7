"""Load a ledger spreadsheet into an agency's records, all or nothing.

Every row is read and checked first; if any row is bad nothing is written and every bad row
is returned with its number and reason. Otherwise the whole ledger is written in one
transaction: applications with their correction/extension/reply events, then the appeals.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from .sheet import Ledger, RowError, read_ledger


@dataclass
class ImportResult:
    agency: object
    created_agency: bool
    applications: int = 0
    appeals: int = 0
    errors: list[RowError] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def find_or_create_agency(name: str):
    """--agency names an existing agency or creates a top-level one (kind: department,
    the 1月31日 deadline of 条例第四十九条, until someone says otherwise)."""
    from gongkai.office.agencies.models import Agency

    agency = Agency.objects.filter(name=name).first()
    if agency:
        return agency, False
    return Agency.objects.create(name=name, kind="department"), True


def _clashes(ledger: Ledger, agency) -> list[RowError]:
    from gongkai.office.appeals.models import Appeal
    from gongkai.office.applications.models import Application

    errors = []
    taken = set(
        Application.objects.filter(
            agency=agency, number__in=[a.number for a in ledger.applications]
        ).values_list("number", flat=True)
    )
    errors += [
        RowError(a.where, a.row, f"编号“{a.number}”已在{agency.name}的台账中")
        for a in ledger.applications
        if a.number in taken
    ]
    taken = set(
        Appeal.objects.filter(
            agency=agency, number__in=[a.number for a in ledger.appeals]
        ).values_list("number", flat=True)
    )
    errors += [
        RowError(a.where, a.row, f"案号“{a.number}”已在{agency.name}的复议诉讼台账中")
        for a in ledger.appeals
        if a.number in taken
    ]
    return errors


def _events(app, rec) -> list:
    from gongkai.office.applications.models import CaseEvent, EventKind

    events = []
    if rec.correction_notice_on:
        events.append(
            CaseEvent(
                application=app, kind=EventKind.CORRECTION_NOTICE, on=rec.correction_notice_on
            )
        )
    if rec.correction_received_on:
        events.append(
            CaseEvent(
                application=app, kind=EventKind.CORRECTION_RECEIVED, on=rec.correction_received_on
            )
        )
    if rec.extension_days:
        # recorded on the day of receipt, as approved (条例第三十三条第二款): the ledger keeps the
        # length of the extension, not the day it was approved
        events.append(
            CaseEvent(
                application=app,
                kind=EventKind.EXTENSION,
                on=rec.received_on,
                data={"days": rec.extension_days, "approved": True, "source": "import"},
            )
        )
    if rec.concluded_on:
        events.append(
            CaseEvent(
                application=app,
                kind=EventKind.REPLY,
                on=rec.concluded_on,
                data={"row": rec.outcome, "source": "import"},
            )
        )
    return events


def _write(ledger: Ledger, agency, user, file_names: str) -> tuple[int, int]:
    from gongkai.office.appeals.models import Appeal
    from gongkai.office.applications.models import Application, CaseEvent, Channel, History, Status

    apps = Application.objects.bulk_create(
        [
            Application(
                agency=agency,
                number=r.number,
                channel=Channel.IN_PERSON,
                arrived_on=r.received_on,
                received_on=r.received_on,
                applicant_category=r.category,
                applicant_name=r.applicant,
                contact="",
                request_text=r.request,
                outcome=r.outcome,
                concluded_on=r.concluded_on,
                status=Status.CLOSED if r.concluded_on else Status.REGISTERED,
            )
            for r in ledger.applications
        ]
    )
    by_number = {a.number: a for a in apps}
    if any(a.pk is None for a in apps):  # backends that do not return keys from bulk_create
        by_number = dict(
            Application.objects.filter(agency=agency, number__in=list(by_number)).values_list(
                "number", "pk"
            )
        )
        by_number = {n: Application(pk=pk) for n, pk in by_number.items()}
    CaseEvent.objects.bulk_create(
        [e for r in ledger.applications for e in _events(by_number[r.number], r)]
    )
    History.objects.bulk_create(
        [
            History(
                application=by_number[r.number],
                by=user,
                action="从台账导入",
                changes={"file": file_names, "row": f"{r.where} 第{r.row}行"},
            )
            for r in ledger.applications
        ]
    )
    linked = dict(
        Application.objects.filter(
            agency=agency, number__in=[a.application_number for a in ledger.appeals]
        ).values_list("number", "pk")
    )
    Appeal.objects.bulk_create(
        [
            Appeal(
                agency=agency,
                number=r.number,
                kind=r.kind,
                filed_on=r.filed_on,
                result=r.result,
                closed_on=r.closed_on,
                application_id=linked.get(r.application_number),
            )
            for r in ledger.appeals
        ]
    )
    return len(apps), len(ledger.appeals)


def import_ledger(paths, agency_name: str, user=None) -> ImportResult:
    """Read `paths` and load them into the agency named `agency_name`, in one transaction.

    Raises sheet.LedgerUnreadable when a file cannot be read at all.
    """
    from gongkai.office.applications.models import Application

    with transaction.atomic():
        agency, created = find_or_create_agency(agency_name)
        known = set(Application.objects.filter(agency=agency).values_list("number", flat=True))
        ledger = read_ledger(paths, known_applications=known)
        errors = ledger.errors + _clashes(ledger, agency)
        if errors:
            transaction.set_rollback(True)
            errors.sort(key=lambda e: (e.where, e.row))
            return ImportResult(agency, created, errors=errors)
        names = "、".join(str(getattr(p, "name", p)) for p in paths)
        n_apps, n_appeals = _write(ledger, agency, user, names)
        return ImportResult(agency, created, n_apps, n_appeals, [])
