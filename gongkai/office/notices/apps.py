from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "gongkai.office.notices"
    label = "notices"
    verbose_name = "告知书与答复书"
