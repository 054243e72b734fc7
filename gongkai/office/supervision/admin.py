"""The supervising office's records in the admin: like every gongkai admin page (GuardedAdmin),
nothing with history is deleted and only the offered filters apply."""

from django.contrib import admin

from gongkai.office.audit.admin import GuardedAdmin

from .models import RosterAddition, Submission, Task, TaskAnswer


@admin.register(RosterAddition)
class RosterAdditionAdmin(GuardedAdmin):
    list_display = ("office", "agency", "year", "added_by", "added_at", "withdrawn_at")
    list_filter = ("year",)


@admin.register(Submission)
class SubmissionAdmin(GuardedAdmin):
    list_display = ("name", "office", "agency", "year", "state", "matched", "errors", "uploaded_at")
    list_filter = ("state", "year")
    readonly_fields = ("report", "findings", "flags")


@admin.register(Task)
class TaskAdmin(GuardedAdmin):
    list_display = ("agency", "year", "rule", "due_on", "state", "raised_by")
    list_filter = ("state", "year")


admin.site.register(TaskAnswer, GuardedAdmin)
