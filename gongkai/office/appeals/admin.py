from django.contrib import admin

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ("number", "agency", "kind", "filed_on", "result", "closed_on")
    list_filter = ("kind", "result", "agency")
