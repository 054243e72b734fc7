"""The demo's catalogue items written in bulk, with the history the review steps write.

`gongkai demo` makes about 600 items, each drafted, scanned, reviewed, signed and published:
one by one through workflow.py that is some 30 queries an item, half of the demo's time. Here
the same steps are applied in memory — the same stages, the same decisions in the same order
with workflow's words, the same scan flags, publications, 索引号 from the agency's scheme and
audit entry — and written with a few bulk_create calls. The demo is one trusted writer, so the
steps' role checks and row locks have nothing to guard; everything a user does still goes
through workflow.py.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gongkai.office.audit import trail
from gongkai.office.audit.models import ChangeRecord

from . import scanning, workflow
from .models import Decision, Flag, IndexScheme, Item, Publication
from .search import index_items
from .vocab import ChannelKind, Disclosure, Stage


class Batch:
    """Items of the demo and their history, held until `save`."""

    def __init__(self):
        self.items: list[Item] = []
        self.decisions: list[tuple[Item, Decision]] = []
        self.publications: list[tuple[Item, Publication]] = []
        self.flags: list[tuple[Item, Flag]] = []
        self.records: list[tuple[Item, ChangeRecord]] = []
        self.interpretations: list[tuple[Item, Item]] = []
        self.schemes: dict[int, tuple[IndexScheme, set[str]]] = {}

    def _index_no(self, agency, on: dt.date) -> str:
        """workflow.next_index_no, numbers taken by this batch counted too."""
        if agency.pk not in self.schemes:
            scheme, _ = IndexScheme.objects.get_or_create(agency=agency)
            taken = set(Item.objects.filter(agency=agency).values_list("index_no", flat=True))
            self.schemes[agency.pk] = (scheme, taken)
        scheme, taken = self.schemes[agency.pk]
        number = scheme.take(on, taken.__contains__)
        taken.add(number)
        return number

    def _decide(self, item, by, action, to_stage=None, reason=""):
        from_stage = item.stage
        if to_stage is not None:
            item.stage = to_stage
        decision = Decision(
            by=by, action=action, from_stage=from_stage, to_stage=item.stage, reason=reason
        )
        self.decisions.append((item, decision))

    def create(self, agency, by, **fields) -> Item:
        """workflow.create_item: a draft, its decision, its audit entry, its text's flags."""
        item = Item(
            agency=agency,
            index_no=self._index_no(agency, fields["formed_on"]),
            stage=Stage.DRAFT,
            created_by=by,
            created=timezone.now(),
            **fields,
        )
        self.items.append(item)
        self._decide(item, by, workflow.CREATED)
        entry = trail.change_record(
            item, by, workflow.ITEM_CREATED, {}, agency=agency, version=0, ignore=workflow.UNTRACKED
        )
        if entry is not None:
            self.records.append((item, entry))
        for found in scanning.text_flags(f"{item.title}\n{item.body}"):
            self.flags.append((item, Flag(**found)))
        return item

    def submit(self, item, by) -> None:
        self._decide(item, by, workflow.SUBMITTED, Stage.REVIEW)

    def pass_review(self, item, by, conclusion: str, note: str) -> None:
        """workflow.settle on every open flag with `conclusion`, then workflow.pass_review."""
        for owner, flag in self.flags:
            if owner is item and not flag.stale and not flag.settled:
                flag.settled = conclusion.strip()[:200]
                flag.settled_by, flag.settled_at = by, timezone.now()
                self._decide(item, by, workflow.SETTLED, reason=workflow.settled_reason(flag))
        self._decide(item, by, workflow.PASSED, Stage.SIGNOFF, note.strip())

    def sign(self, item, by, on: dt.date | None = None) -> None:
        self._decide(item, by, workflow.SIGNED, Stage.DONE)
        if item.disclosure == Disclosure.PROACTIVE:
            self.publish(item, by, ChannelKind.WEBSITE, on or timezone.localdate())

    def publish(self, item, by, channel: str, on: dt.date, account: str = "") -> None:
        """workflow._publish: 公开日期 is the item's first publication on any channel."""
        self.publications.append(
            (item, Publication(channel=channel, account=account, on=on, by=by))
        )
        item.published_on = min(on, item.published_on or on)
        self._decide(
            item, by, workflow.PUBLISHED, reason=workflow.published_reason(channel, account, on)
        )

    def interprets(self, explanation: Item, document: Item) -> None:
        self.interpretations.append((explanation, document))

    def save(self) -> None:
        """Everything held, in a few bulk writes (the caller's transaction makes it one)."""
        for scheme, _ in self.schemes.values():
            scheme.save(update_fields=["next_seq"])
        Item.objects.bulk_create(self.items, batch_size=1000)
        for explanation, document in self.interpretations:
            explanation.interprets = document
        Item.objects.bulk_update([e for e, _ in self.interpretations], ["interprets"])
        for model, rows in (
            (Decision, self.decisions),
            (Publication, self.publications),
            (Flag, self.flags),
        ):
            for item, row in rows:
                row.item = item
            model.objects.bulk_create([row for _, row in rows], batch_size=1000)
        for item, entry in self.records:
            # the audit entry shows the 创建时间 the database holds (bulk_create sets it anew)
            entry.object_id = item.pk
            for change in entry.changes:
                if change["field"] == "created":
                    change["new"] = trail.plain(item.created)
        ChangeRecord.objects.bulk_create([entry for _, entry in self.records], batch_size=1000)
        index_items(self.items)
