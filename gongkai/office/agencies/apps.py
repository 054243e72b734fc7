from django.apps import AppConfig


def person_name(user) -> str:
    """A person as the office names them: their name (姓名), the username only when none is set."""
    return user.get_full_name() or user.get_username()


class AgenciesConfig(AppConfig):
    name = "gongkai.office.agencies"
    label = "agencies"
    verbose_name = "机关与人员"

    def ready(self):
        """Every page, history entry and admin list names people, never by login name: the one
        place to say so is how a user prints. The admin speaks of the office, not of Django."""
        from django.contrib import admin
        from django.contrib.auth.models import User

        User.__str__ = person_name
        admin.site.site_header = "政府信息公开 · 系统管理"
        admin.site.site_title = "系统管理"
        admin.site.index_title = "系统管理首页"
