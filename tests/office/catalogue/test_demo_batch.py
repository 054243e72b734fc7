"""The demo writes its catalogue in bulk (demo_batch.py): an item so written must carry exactly
the history the review steps write — stages, decisions, flags settled, publications, 公开日期,
the audit entry, the search pieces — and take the next 索引号 of the agency's scheme."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"  # check digit valid: the scan flags it
#: what two items made a moment apart cannot share (the 索引号 is checked on its own)
NOT_SAME = ("index_no", "created")


def _history(item):
    from gongkai.office.audit import trail
    from gongkai.office.catalogue.models import SearchGram
    from gongkai.office.catalogue.search import grams_of, searchable

    item.refresh_from_db()
    return {
        "stage": item.stage,
        "published_on": item.published_on,
        "interprets": item.interprets and item.interprets.title,
        "decisions": [
            (d.action, d.from_stage, d.to_stage, d.reason, d.by)
            for d in item.decisions.order_by("id")
        ],
        "publications": [
            (p.channel, p.account, p.on, p.by) for p in item.publications.order_by("id")
        ],
        "flags": [
            (f.kind, f.line, f.excerpt, f.value_masked, f.stale, f.settled, f.settled_by)
            for f in item.flags.order_by("id")
        ],
        "trail": [
            (
                c.action,
                c.version,
                c.by,
                [(x["field"], x["new"]) for x in c.changes if x["field"] not in NOT_SAME],
            )
            for c in trail.of(item)
        ],
        "indexed": sorted(SearchGram.objects.filter(item=item).values_list("gram", flat=True))
        == sorted(grams_of(searchable(item))),
        "created shown": [
            x["new"] for c in trail.of(item) for x in c.changes if x["field"] == "created"
        ]
        == [trail.plain(item.created)],
    }


FIELDS = {
    "title": f"关于复议申请人{ID_NUMBER}的送达公告",
    "summary": "送达",
    "formed_on": dt.date(2026, 3, 2),
    "category": "第二十条第（一）项",
    "doc_type": "normative",
    "doc_number": "某资规〔2026〕3号",
    "disclosure": "proactive",
}


def test_an_item_written_in_bulk_has_the_history_of_the_review_steps(bureau, clerk, reviewer, head):
    from gongkai.office.catalogue import workflow
    from gongkai.office.catalogue.demo_batch import Batch
    from gongkai.office.catalogue.models import Item

    signed, board = dt.date(2026, 3, 5), dt.date(2026, 3, 4)
    stepped = workflow.create_item(bureau, clerk, **FIELDS)
    explained = workflow.create_item(bureau, clerk, **{**FIELDS, "title": "政策解读"})
    for item in (stepped, explained):
        workflow.submit(item, clerk)
        for flag in workflow.open_flags(item):
            workflow.settle(flag, reviewer, "已核实，为公告送达对象")
        workflow.pass_review(item, reviewer, "可以公开")
        workflow.sign(item, head, on=signed)
    workflow.record_publication(stepped, clerk, "notice_board", board, "")
    workflow.record_publication(stepped, clerk, "broadcast", signed + dt.timedelta(days=1), "")
    explained.interprets = stepped
    explained.save(update_fields=["interprets"])

    batch = Batch()
    bulk = batch.create(bureau, clerk, **FIELDS)
    bulk_explained = batch.create(bureau, clerk, **{**FIELDS, "title": "政策解读"})
    for item in (bulk, bulk_explained):
        batch.submit(item, clerk)
        batch.pass_review(item, reviewer, "已核实，为公告送达对象", "可以公开")
        batch.sign(item, head, on=signed)
    batch.publish(bulk, clerk, "notice_board", board)
    batch.publish(bulk, clerk, "broadcast", signed + dt.timedelta(days=1))
    batch.interprets(bulk_explained, bulk)
    batch.save()

    assert _history(bulk) == _history(stepped)
    assert _history(bulk_explained) == _history(explained)
    assert _history(bulk)["flags"], "the ID number in the title was flagged and settled"
    assert bulk.published_on == board  # the first day on any channel
    numbers = list(
        Item.objects.filter(agency=bureau).order_by("id").values_list("index_no", flat=True)
    )
    assert numbers == ["2026-00001", "2026-00002", "2026-00003", "2026-00004"]


def test_a_withheld_item_and_one_left_in_review(bureau, clerk, reviewer, head):
    from gongkai.office.catalogue import workflow
    from gongkai.office.catalogue.demo_batch import Batch

    withheld = {**FIELDS, "disclosure": "withheld", "withheld_reason": "涉及商业秘密"}
    stepped = workflow.create_item(bureau, clerk, **withheld)
    workflow.submit(stepped, clerk)
    for flag in workflow.open_flags(stepped):
        workflow.settle(flag, reviewer, "已核实")
    workflow.pass_review(stepped, reviewer, "不予公开理由成立")
    workflow.sign(stepped, head)
    waiting = workflow.create_item(bureau, clerk, **FIELDS)
    workflow.submit(waiting, clerk)

    batch = Batch()
    bulk = batch.create(bureau, clerk, **withheld)
    batch.submit(bulk, clerk)
    batch.pass_review(bulk, reviewer, "已核实", "不予公开理由成立")
    batch.sign(bulk, head)
    bulk_waiting = batch.create(bureau, clerk, **FIELDS)
    batch.submit(bulk_waiting, clerk)
    batch.save()

    assert _history(bulk) == _history(stepped)
    assert _history(bulk)["stage"] == "done" and _history(bulk)["published_on"] is None
    assert _history(bulk_waiting) == _history(waiting)
    assert _history(bulk_waiting)["stage"] == "review"
