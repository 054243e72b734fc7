from django.apps import AppConfig
from django.db.models.signals import post_save

from . import standing


class SupervisionConfig(AppConfig):
    name = "gongkai.office.supervision"
    label = "supervision"
    verbose_name = "监督"

    def ready(self):
        """The board's rows follow every save of the records they come from (`standing`)."""
        post_save.connect(
            _submission_saved, sender="supervision.Submission", dispatch_uid="board-upload"
        )
        post_save.connect(
            _version_saved, sender="annual.ReportVersion", dispatch_uid="board-published"
        )


def _submission_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        standing.submission_saved(instance)


def _version_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        standing.kept_published(instance.report.agency_id, instance.report.year)
