"""Admin view of the ledger without the applicants' personal data: a system administrator is not
the staff of the agency holding the application (see agencies/access.py). No field, filter or
search reaches a personal field, and nothing is deleted here (GuardedAdmin)."""

from django.contrib import admin

from gongkai.office.audit.admin import GuardedAdmin

from .models import Application


@admin.register(Application)
class ApplicationAdmin(GuardedAdmin):
    list_display = ("number", "agency", "channel", "received_on", "status", "due_on", "outcome")
    list_filter = ("status", "channel", "agency")
    exclude = Application.PERSONAL_FIELDS
    readonly_fields = [
        f.name
        for f in Application._meta.fields
        if f.name not in ("id", *Application.PERSONAL_FIELDS)
    ]

    def has_add_permission(self, request):
        return False
