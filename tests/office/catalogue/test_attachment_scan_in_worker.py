"""An attachment is scanned by the background worker, not in the upload's request: the item
shows 扫描中 until the worker is done and cannot pass review before; one worker takes each
file, a claim of a worker that died is taken again, and a file that breaks the scanner is
未能扫描, never clean."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import new_item

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"  # check digit valid (GB 11643)


@pytest.fixture
def draft(bureau, clerk):
    return new_item(
        bureau,
        clerk,
        title="关于低保对象的公示",
        body="经审核，现予公示。",
        category="第二十条第（十一）项",
    )


def _upload(client, item, text="名单"):
    upload = SimpleUploadedFile("名单.txt", text.encode())
    return client.post(f"/office/catalogue/item/{item.pk}/attach/", {"file": upload}, follow=True)


def test_the_item_shows_scanning_and_cannot_pass_until_the_worker_is_done(
    client, draft, clerk, reviewer
):
    from gongkai.office.catalogue import scan_queue, workflow

    client.force_login(clerk)
    page = _upload(client, draft, f"张三 {ID_NUMBER}\n").content.decode()
    assert "扫描中" in page and 'id="scans-pending"' in page and 'hx-trigger="every 3s"' in page
    assert not draft.flags.filter(attachment__isnull=False).exists()  # nothing scanned yet
    workflow.submit(draft, clerk)

    client.force_login(reviewer)
    page = client.post(f"/office/catalogue/item/{draft.pk}/pass/", follow=True).content.decode()
    assert "还有1个附件扫描中，扫描完成后才能通过保密审查。" in page
    draft.refresh_from_db()
    assert draft.stage == "review"

    assert scan_queue.work() == 1
    page = client.get(f"/office/catalogue/item/{draft.pk}/").content.decode()
    assert "扫描中" not in page and "hx-trigger" not in page
    flag = draft.flags.get(attachment__isnull=False)
    assert flag.kind == "身份证号" and ID_NUMBER not in flag.excerpt
    assert draft.decisions.filter(action="附件扫描完成", reason__contains="1条提示").exists()
    workflow.settle(flag, reviewer, "已核实为公示所需，可公开")
    workflow.pass_review(draft, reviewer)
    draft.refresh_from_db()
    assert draft.stage == "signoff"


def test_each_file_is_claimed_once_and_a_dead_workers_claim_is_taken_again(draft, clerk):
    from gongkai.office.catalogue import scan_queue, workflow
    from gongkai.office.catalogue.models import Attachment

    workflow.attach(draft, clerk, SimpleUploadedFile("a.txt", "正文".encode()))
    first = scan_queue.claim_next()
    assert first is not None and scan_queue.claim_next() is None
    Attachment.objects.filter(pk=first.pk).update(
        scan_claimed=first.scan_claimed - scan_queue.CLAIM_EXPIRY - dt.timedelta(seconds=1)
    )
    again = scan_queue.claim_next()
    assert again.pk == first.pk
    from gongkai.office.catalogue.scanning import file_flags

    assert workflow.record_scan(again, *file_flags(again.file.path))
    assert not workflow.record_scan(first, [], "")  # the first worker's late result is dropped
    assert Attachment.objects.get(pk=first.pk).scan == "done"
    assert workflow.scans_pending(draft) == 0


def test_a_file_that_breaks_the_scanner_is_unscanned_not_clean(monkeypatch, draft, clerk):
    from gongkai.office.catalogue import scan_queue, scanning, workflow

    def broken(path):
        raise MemoryError

    monkeypatch.setattr(scanning, "scan_file", broken)
    attachment = workflow.attach(draft, clerk, SimpleUploadedFile("b.pdf", b"%PDF-1.4"))
    assert scan_queue.work() == 1
    attachment.refresh_from_db()
    assert attachment.unscanned_reason == "扫描时出错：MemoryError"
    assert [f.kind for f in workflow.open_flags(draft).filter(attachment=attachment)] == [
        "未能扫描"
    ]


def test_a_file_withdrawn_while_queued_keeps_its_flags_as_history(draft, clerk):
    from gongkai.office.catalogue import scan_queue, workflow

    attachment = workflow.attach(draft, clerk, SimpleUploadedFile("c.txt", ID_NUMBER.encode()))
    workflow.withdraw_attachment(attachment, clerk)
    assert workflow.scans_pending(draft) == 0
    assert scan_queue.work() == 1
    assert attachment.flags.count() == 1 and not workflow.open_flags(draft).exists()
