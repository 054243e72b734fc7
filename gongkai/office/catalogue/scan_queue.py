"""Scanning attachments in the background worker (`gongkai worker`), never in the web request:
a long PDF or a scan read by OCR takes minutes, and the page must not wait for it.

An uploaded attachment is queued. One worker claims it (an atomic state change, so two
workers never scan the same file), scans it outside any transaction, and writes its flags
under the item's row lock (workflow.record_scan). Until then the item shows 扫描中 and cannot
pass review. A claim older than CLAIM_EXPIRY is a worker that died: the file is taken again.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from . import scanning, workflow
from .models import Attachment

S = Attachment.Scan
CLAIM_EXPIRY = dt.timedelta(minutes=30)


def claim_next() -> Attachment | None:
    """The oldest attachment waiting for a scan, now claimed by this worker."""
    now = timezone.now()
    waiting = Attachment.objects.filter(
        Q(scan=S.QUEUED) | Q(scan=S.SCANNING, scan_claimed__lt=now - CLAIM_EXPIRY)
    ).order_by("id")
    for pk, state, claimed in waiting.values_list("pk", "scan", "scan_claimed"):
        taken = Attachment.objects.filter(pk=pk, scan=state, scan_claimed=claimed).update(
            scan=S.SCANNING, scan_claimed=now
        )
        if taken:
            return Attachment.objects.select_related("item").get(pk=pk)
    return None


def work(limit: int | None = None) -> int:
    """Scan waiting attachments until none is left (or `limit`); how many were scanned."""
    done = 0
    while limit is None or done < limit:
        attachment = claim_next()
        if attachment is None:
            break
        flags, reason = scanning.file_flags(attachment.file.path)
        done += workflow.record_scan(attachment, flags, reason)
    return done
