"""The rules every gongkai admin page follows (GuardedAdmin), and the trail's read-only page.

- Nothing with history is deleted from the admin: cases are closed, agencies and people
  deactivated. Only a model that says `deletable = True` (a calendar override, a role) may be.
- The change list filters only on what `list_filter` / `date_hierarchy` offer: Django lets any
  field of the model be filtered by URL (?contact__startswith=138), which would recover an
  applicant's phone number a digit at a time; such a URL is refused (400).
- A save or deletion is recorded old → new in the trail: agency settings, roles, calendars and
  people by their models (`watched`, whichever page saves them), anything else here.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from . import trail, watched
from .models import ChangeRecord


def _filter_names(model_admin) -> set[str]:
    names = set()
    for item in model_admin.list_filter:
        names.add(
            item[0] if isinstance(item, (tuple, list)) else getattr(item, "parameter_name", item)
        )
    if model_admin.date_hierarchy:
        names.add(model_admin.date_hierarchy)
    return {n for n in names if isinstance(n, str)}


class GuardedAdmin(admin.ModelAdmin):
    deletable = False

    def has_delete_permission(self, request, obj=None):
        return self.deletable and super().has_delete_permission(request, obj)

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split("__", 1)[0] not in _filter_names(self):
            return False
        return super().lookup_allowed(lookup, value, request)

    def _agency(self, obj):
        from gongkai.office.agencies.models import Agency

        return obj if isinstance(obj, Agency) else getattr(obj, "agency", None)

    def save_model(self, request, obj, form, change):
        if watched.watched(type(obj)):
            return super().save_model(request, obj, form, change)
        before = trail.values(type(obj)._default_manager.get(pk=obj.pk)) if change else {}
        if change and hasattr(obj, "version"):
            obj.version += 1  # an open edit form of the office is stale now
        super().save_model(request, obj, form, change)
        label = obj._meta.verbose_name
        trail.record(
            obj,
            request.user,
            f"修改{label}" if change else f"新增{label}",
            before,
            agency=self._agency(obj),
        )

    def delete_model(self, request, obj):
        if watched.watched(type(obj)):
            return super().delete_model(request, obj)
        before, pk = trail.values(obj), obj.pk
        super().delete_model(request, obj)
        obj.pk = pk
        trail.record(
            obj, request.user, f"删除{obj._meta.verbose_name}", before, {}, agency=self._agency(obj)
        )

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        """Inline rows are recorded like their own pages."""
        if watched.watched(formset.model):
            return super().save_formset(request, form, formset, change)
        befores = {o.pk: trail.values(o) for o in formset.get_queryset()} if change else {}
        deleted = [(f.instance, f.instance.pk) for f in formset.deleted_forms if f.instance.pk]
        formset.save()
        for obj in formset.new_objects + [o for o, _ in formset.changed_objects]:
            trail.record(
                obj,
                request.user,
                f"保存{obj._meta.verbose_name}",
                befores.get(obj.pk, {}),
                agency=self._agency(obj),
            )
        for obj, pk in deleted:
            obj.pk = pk
            trail.record(
                obj,
                request.user,
                f"删除{obj._meta.verbose_name}",
                befores.get(pk, {}),
                {},
                agency=self._agency(obj),
            )


def trail_lines(record: ChangeRecord):
    """A record's changes as the office reads them: 中文名：old → new, one per line."""
    return format_html_join(mark_safe("<br>"), "{}：{}", record.details()) or trail.EMPTY


class ShowsTrail:
    """Mixin for an admin page: the record's trail, read-only, below its fields."""

    @admin.display(description="修改记录")
    def trail(self, obj):
        if obj is None or obj.pk is None:
            return trail.EMPTY
        rows = [
            (f"{r.at:%Y-%m-%d %H:%M}", r.who, r.action, trail_lines(r))
            for r in trail.of(obj).order_by("-at", "-id")
        ]
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )


@admin.register(ChangeRecord)
class ChangeRecordAdmin(GuardedAdmin):
    list_display = ("at", "by", "action", "content_type", "object_id", "agency", "shown_changes")
    list_filter = ("content_type", "agency")
    date_hierarchy = "at"
    fields = (
        "at",
        "by",
        "action",
        "content_type",
        "object_id",
        "agency",
        "version",
        "shown_changes",
    )
    readonly_fields = fields

    @admin.display(description="变更")
    def shown_changes(self, obj):
        return trail_lines(obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PersonAdmin(UserAdmin):
    """People are deactivated (有效 unticked), never deleted: their names stay on what they did."""

    def has_delete_permission(self, request, obj=None):
        return False
