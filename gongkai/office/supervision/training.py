"""Training records (培训, 条例第四十七条 [U]) as the other parts of the office read them: part
一's draft sentence (监督保障) and the assessment count the same records of the year."""

from __future__ import annotations

from gongkai.office.annual.narrative_draft import Training

from .models import TrainingRecord


def trainings_in_year(agency, year: int) -> list[Training]:
    return [
        Training(held_on, topic)
        for held_on, topic in TrainingRecord.objects.filter(
            agency=agency, held_on__year=year
        ).values_list("held_on", "topic")
    ]
