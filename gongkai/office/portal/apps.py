from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gongkai.office.portal"
    label = "portal"
    verbose_name = "公开门户"
