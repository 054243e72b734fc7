"""Posting limits on the public pages, counted in the database so that every worker process
sees the same counts: a few applications and consultation comments per address an hour and a
day, and a bounded number of failed 查询码 look-ups, against floods and guessing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .models import OnlineSubmission, TrackMiss, keyed_digest

#: (window, most allowed in it) for applications from one address
APPLY_LIMITS = ((dt.timedelta(hours=1), 5), (dt.timedelta(days=1), 20))
#: failed look-ups from one address within an hour
TRACK_MISSES = (dt.timedelta(hours=1), 20)


def sender_of(request) -> str:
    """The keyed digest of the client's address (REMOTE_ADDR, as the server in front sets it)."""
    return keyed_digest(request.META.get("REMOTE_ADDR", ""))


def within(rows, limits) -> bool:
    """True when `rows` (one sender's posts, each with its time `at`) stay under every
    (window, most) of `limits`."""
    now = timezone.now()
    return all(rows.filter(at__gte=now - window).count() < most for window, most in limits)


def may_apply(sender: str) -> bool:
    return within(OnlineSubmission.objects.filter(sender=sender), APPLY_LIMITS)


def may_track(sender: str) -> bool:
    window, most = TRACK_MISSES
    return TrackMiss.objects.filter(sender=sender, at__gte=timezone.now() - window).count() < most
