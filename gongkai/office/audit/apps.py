from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gongkai.office.audit"
    label = "audit"
    verbose_name = "修改记录"
