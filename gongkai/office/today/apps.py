from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "gongkai.office.today"
    label = "today"
    verbose_name = "今日工作"
