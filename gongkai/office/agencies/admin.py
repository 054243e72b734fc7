from django.contrib import admin

from gongkai.office.audit.admin import GuardedAdmin, ShowsTrail

from .models import Agency, CalendarOverride, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(Agency)
class AgencyAdmin(ShowsTrail, GuardedAdmin):
    """An agency with history is deactivated (启用 unticked), not deleted; its page shows the
    trail of its settings."""

    list_display = ("name", "parent", "kind", "can_make_rules", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
    readonly_fields = ("trail",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(GuardedAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role", "agency")
    deletable = True


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ShowsTrail, GuardedAdmin):
    """Administrators enter the year's 调休 notice or a local holiday here before the package has it."""

    list_display = ("date", "is_workday", "agency", "note")
    list_filter = ("is_workday", "agency")
    date_hierarchy = "date"
    readonly_fields = ("trail",)
    deletable = True
