from django.contrib import admin

from gongkai.office.audit.admin import GuardedAdmin

from .models import Agency, CalendarOverride, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(Agency)
class AgencyAdmin(GuardedAdmin):
    """An agency with history is deactivated (启用 unticked), not deleted."""

    list_display = ("name", "parent", "kind", "can_make_rules", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(GuardedAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role", "agency")
    deletable = True


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(GuardedAdmin):
    """Administrators enter the year's 调休 notice or a local holiday here before the package has it."""

    list_display = ("date", "is_workday", "agency", "note")
    list_filter = ("is_workday", "agency")
    date_hierarchy = "date"
    deletable = True
