from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "gongkai.office.supervision"
    label = "supervision"
    verbose_name = "监督"
