"""Load a catalogue spreadsheet into an agency's records, all or nothing.

Every row is read and checked first (`catalogue_file`); if any row is bad nothing is written.
Imported items were catalogued before gongkai: they are marked as imported, not reviewed here.
One carrying a 公开日期 was published then and appears on the portal; a 主动公开 item without
one waits for 保密审查 here before it can be published.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from gongkai.office.ledger.load import find_or_create_agency

from .catalogue_file import Catalogue, read_catalogue
from .vocab import Disclosure, Stage


@dataclass
class CatalogueImport:
    agency: object
    created_agency: bool
    catalogue: Catalogue
    saved: int = 0

    @property
    def ok(self) -> bool:
        return self.catalogue.ok


def preview(agency, name: str, data: bytes) -> Catalogue:
    """The file read and checked against `agency`'s catalogue; nothing is saved."""
    from .models import Item, OwnCategory

    own = OwnCategory.objects.filter(agency=agency).values_list("name", flat=True)
    existing = set(Item.objects.filter(agency=agency).values_list("index_no", flat=True))
    return read_catalogue(name, data, own, existing)


def _stage(record) -> str:
    if record.disclosure == Disclosure.PROACTIVE and record.published_on is None:
        return Stage.REVIEW
    return Stage.DONE


@transaction.atomic
def save_catalogue(agency, catalogue: Catalogue, by=None) -> int:
    """Write every item of a checked catalogue; returns the number saved."""
    from .models import Decision, Item
    from .search import index_items

    if not catalogue.ok:
        raise ValueError("目录有错误，不能导入")
    items = Item.objects.bulk_create(
        [
            Item(
                agency=agency,
                index_no=r.index_no,
                title=r.title,
                summary=r.summary,
                formed_on=r.formed_on,
                published_on=r.published_on,
                category=r.category,
                doc_type=r.doc_type,
                doc_number=r.doc_number,
                repealed_on=r.repealed_on,
                expired_on=r.expired_on,
                disclosure=r.disclosure,
                withheld_reason=r.withheld_reason,
                stage=_stage(r),
                imported=True,
                created_by=by,
            )
            for r in catalogue.items
        ],
        batch_size=2000,
    )
    if any(i.pk is None for i in items):  # backends that do not return keys from bulk_create
        items = list(
            Item.objects.filter(agency=agency, index_no__in=[r.index_no for r in catalogue.items])
        )
    by_index = {i.index_no: i for i in Item.objects.filter(agency=agency).only("pk", "index_no")}
    interpreting = []
    for r in catalogue.items:
        if r.interprets:
            item = by_index[r.index_no]
            item.interprets_id = by_index[r.interprets].pk
            interpreting.append(item)
    Item.objects.bulk_update(interpreting, ["interprets"], batch_size=2000)
    Decision.objects.bulk_create(
        [
            Decision(
                item=i,
                by=by,
                action="导入",
                to_stage=i.stage,
                reason=f"自{catalogue.where}导入（未经本系统审核）",
            )
            for i in items
        ],
        batch_size=2000,
    )
    index_items(items)
    return len(items)


def import_catalogue(name: str, data: bytes, agency_name: str, by=None) -> CatalogueImport:
    """Read, check and (when every row is good) save; the agency is created when new."""
    with transaction.atomic():
        agency, created = find_or_create_agency(agency_name)
        catalogue = preview(agency, name, data)
        result = CatalogueImport(agency, created, catalogue)
        if catalogue.ok:
            result.saved = save_catalogue(agency, catalogue, by)
        else:
            transaction.set_rollback(True)
    return result
