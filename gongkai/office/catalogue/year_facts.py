"""What the catalogue says about one agency's year, for part 一's draft sentences (FMT2021
一(一) 主动公开): items published by category, channels used, interpretations, consultations,
concerns answered, and items published late. Counted by the database; None without a catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count

from .vocab import ChannelKind, Disclosure, DocType, Stage


@dataclass(frozen=True)
class ProactiveYear:
    published: int
    by_category: list[tuple[str, int]] = field(default_factory=list)  # most first
    channels: list[str] = field(default_factory=list)  # 政府网站, 公开栏, 政务新媒体“…”
    interpretations: int = 0
    consultations: int = 0
    comments: int = 0
    feedback_published: int = 0
    concerns: int = 0
    late: int = 0


def proactive_year(agency, year: int, as_of: dt.date | None = None) -> ProactiveYear | None:
    from .late import late_items
    from .models import Comment, Concern, Consultation, Item, Publication

    if not Item.objects.filter(agency=agency).exclude(stage=Stage.DRAFT).exists():
        return None
    published = Item.objects.filter(
        agency=agency,
        disclosure=Disclosure.PROACTIVE,
        stage=Stage.DONE,
        published_on__year=year,
    )
    by_category = [
        (row["category"], row["n"])
        for row in published.values("category").annotate(n=Count("pk")).order_by("-n", "category")
    ]
    channels = []
    for channel, account in (
        Publication.objects.filter(item__in=published, on__year=year)
        .values_list("channel", "account")
        .distinct()
        .order_by("channel", "account")
    ):
        label = ChannelKind(channel).label
        if channel == ChannelKind.NEW_MEDIA and account:
            label += f"（{account}）"
        if label not in channels:
            channels.append(label)
    consultations = Consultation.objects.filter(agency=agency, opens_on__year=year)
    end = dt.date(year, 12, 31)
    return ProactiveYear(
        published=published.count(),
        by_category=by_category,
        channels=channels,
        interpretations=published.filter(doc_type=DocType.INTERPRETATION).count(),
        consultations=consultations.count(),
        comments=Comment.objects.filter(consultation__in=consultations).count(),
        feedback_published=consultations.exclude(feedback="").exclude(feedback_on=None).count(),
        concerns=Concern.objects.filter(
            agency=agency, responded_at__year=year, response__isnull=False
        ).count(),
        late=len(late_items(agency, year, min(as_of or end, end))),
    )
