from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "gongkai.office.catalogue"
    label = "catalogue"
    verbose_name = "主动公开目录"
