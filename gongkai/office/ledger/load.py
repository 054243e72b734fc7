"""Load a ledger spreadsheet into an agency's records, all or nothing.

Every row is read and checked first, outside any transaction (so a long file does not hold the
office's write lock); if any row is bad nothing is written and every bad row is returned with
its number and reason. Otherwise the whole ledger is written in one short transaction of bulk
inserts: applications with their correction/extension/reply events, then the appeals, and the
due dates of the cases still pending, computed from those events as the web forms do.
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

    agency, created = Agency.objects.get_or_create(name=name, defaults={"kind": "department"})
    return agency, created


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
    from gongkai.office.applications.services import refresh_due

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
    refresh_due(
        Application.objects.filter(agency=agency, pk__in=[a.pk for a in by_number.values()])
    )
    return len(apps), len(ledger.appeals)


def import_ledger(paths, agency_name: str, user=None) -> ImportResult:
    """Read `paths` and load them into the agency named `agency_name`, in one transaction.

    Raises sheet.LedgerUnreadable when a file cannot be read at all.
    """
    from gongkai.office.agencies.models import Agency
    from gongkai.office.applications.models import Application

    existing = Agency.objects.filter(name=agency_name).first()
    known = set(
        Application.objects.filter(agency=existing).values_list("number", flat=True)
        if existing
        else ()
    )
    ledger = read_ledger(paths, known_applications=known)
    if ledger.errors:
        return _refused(existing or Agency(name=agency_name), existing is None, ledger.errors)
    names = "、".join(str(getattr(p, "name", p)) for p in paths)
    with transaction.atomic():
        agency, created = find_or_create_agency(agency_name)
        errors = _clashes(ledger, agency)  # what the office recorded while the file was read
        if errors:
            transaction.set_rollback(True)
            return _refused(agency, created, errors)
        n_apps, n_appeals = _write(ledger, agency, user, names)
        return ImportResult(agency, created, n_apps, n_appeals, [])


def _refused(agency, created, errors) -> ImportResult:
    errors.sort(key=lambda e: (e.where, e.row))
    return ImportResult(agency, created, errors=errors)
