from django.contrib import admin

from .models import Agency, CalendarOverride, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "kind", "can_make_rules", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role", "agency")


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    """Administrators enter the year's 调休 notice or a local holiday here before the package has it."""

    list_display = ("date", "is_workday", "agency", "note")
    list_filter = ("is_workday", "agency")
    date_hierarchy = "date"
