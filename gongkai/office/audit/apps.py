from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gongkai.office.audit"
    label = "audit"
    verbose_name = "修改记录"

    def ready(self):
        """Agency settings and people's accounts are recorded at their models (watched.py)."""
        from . import watched

        watched.connect()
