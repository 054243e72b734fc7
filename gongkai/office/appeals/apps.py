from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "gongkai.office.appeals"
    label = "appeals"
    verbose_name = "行政复议与行政诉讼"
