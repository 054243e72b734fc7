from django.contrib import admin

from .models import RosterAddition, Submission, Task, TaskAnswer


@admin.register(RosterAddition)
class RosterAdditionAdmin(admin.ModelAdmin):
    list_display = ("office", "agency", "year", "added_by", "added_at")
    list_filter = ("year",)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("name", "office", "agency", "year", "state", "matched", "errors", "uploaded_at")
    list_filter = ("state", "year")
    readonly_fields = ("report", "findings", "flags")


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "rule", "due_on", "state", "raised_by")
    list_filter = ("state", "year")


admin.site.register(TaskAnswer)
