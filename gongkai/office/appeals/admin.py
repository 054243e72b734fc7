from django.contrib import admin

from gongkai.office.audit.admin import GuardedAdmin

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(GuardedAdmin):
    list_display = ("number", "agency", "kind", "filed_on", "result", "closed_on")
    list_filter = ("kind", "result", "agency")
