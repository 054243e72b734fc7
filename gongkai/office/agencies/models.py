"""Agencies (a tree: city → county → township/department), their staff and roles, and the
working-day calendar overrides an administrator enters."""

from __future__ import annotations

from django.conf import settings
from django.db import connection, models
from django.db.models.expressions import RawSQL

from gongkai.report.model import AgencyKind

KIND_LABELS = {
    AgencyKind.DEPARTMENT: "县级以上人民政府部门",
    AgencyKind.GOVERNMENT: "县级以上地方人民政府",
    AgencyKind.TOWNSHIP: "乡镇人民政府、街道办事处",
}


class Agency(models.Model):
    name = models.CharField("名称", max_length=200, unique=True)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="上级机关",
    )
    kind = models.CharField(
        "类型", max_length=20, choices=[(k.value, KIND_LABELS[k]) for k in AgencyKind]
    )
    #: 立法法第九十一、九十三条: only some agencies may make 规章 (table 1 第（一）项)
    can_make_rules = models.BooleanField("有规章制定权", default=False)
    is_active = models.BooleanField("启用", default=True)
    #: 条例第十二条: the 指南 names the OGI unit's address, office hours, telephone, fax and
    #: internet contact; the office enters them and the portal shows them
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    telephone = models.CharField("联系电话", max_length=100, blank=True)
    fax = models.CharField("传真", max_length=100, blank=True)
    email = models.CharField("电子邮箱", max_length=200, blank=True)
    postal_address = models.CharField("通信地址", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "机关"
        ordering = ["name"]

    def __str__(self):
        return self.name

    GUIDE_FIELDS = ("address", "office_hours", "telephone", "fax", "email", "postal_address")

    def guide_contacts(self) -> list[tuple[str, str]]:
        """(label, value) of the 第十二条 contact fields, in the 指南's order; blank ones kept."""
        return [(self._meta.get_field(f).verbose_name, getattr(self, f)) for f in self.GUIDE_FIELDS]

    def ancestors(self) -> list[Agency]:
        """The parent, its parent, … up to the root (nearest first)."""
        found, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            found.append(node)
            seen.add(node.pk)
            node = node.parent
        return found

    def descendants(self) -> list[Agency]:
        """Every agency below this one, breadth first (nearest level first, then by name)."""
        return list(Agency.objects.raw(*self._below("a.*")))

    def descendant_values(self, *fields: str) -> list[tuple]:
        """`fields` of every agency below this one, in the order of `descendants`, without
        building a model instance per agency (a roster of 2,000 agencies reads these)."""
        columns = ", ".join(f"a.{Agency._meta.get_field(f).column}" for f in fields)
        with connection.cursor() as cursor:
            cursor.execute(*self._below(columns))
            return [row[:-1] for row in cursor.fetchall()]

    def subtree_ids(self, also: list[int] = ()) -> RawSQL:
        """This agency's id, every id below it and the ids `also`, as one subquery for
        `filter(pk__in=…)`, never OR-ed with another condition: PostgreSQL cannot estimate a
        recursive query's size, and an OR would make it scan the subtree once per row."""
        return RawSQL(*self.subtree_sql(also))

    def subtree_sql(self, also: list[int] = ()) -> tuple[str, list]:
        """`subtree_ids` as SQL and its parameters."""
        sql, params = self.subtree_cte()
        more = "".join(f" UNION SELECT {int(pk)}" for pk in also)
        return (
            f"SELECT id FROM (WITH RECURSIVE {sql} SELECT id FROM below{more}) AS subtree",
            params,
        )

    def subtree_cte(self) -> tuple[str, list]:
        """`below(id, depth) AS (…)`, this agency and every agency below it, for a caller's own
        `WITH RECURSIVE` list, and its parameters: a query that names the subtree twice has
        it computed once."""
        return self._recursive(start=0)

    def _recursive(self, start: int = 1) -> tuple[str, list]:
        """One recursive query whatever the depth or width of the tree (not a query per level
        and a comparison per pair of agencies); the depth bound stops a cycle entered by hand
        from looping, and a cycle back to this agency is cut. `start` 0 begins with this agency
        itself, 1 with its children. Without its `WITH RECURSIVE`."""
        table = connection.ops.quote_name(Agency._meta.db_table)
        first = "id = %s" if start == 0 else "parent_id = %s AND id <> %s"
        return (
            f"below(id, depth) AS ("
            f" SELECT id, 1 FROM {table} WHERE {first}"
            f" UNION SELECT a.id, below.depth + 1 FROM {table} a"
            f" JOIN below ON a.parent_id = below.id WHERE below.depth < %s AND a.id <> %s)",
            [self.pk, *([] if start == 0 else [self.pk]), MAX_DEPTH, self.pk],
        )

    def _below(self, columns: str) -> tuple[str, list]:
        """`columns` of every agency below this one, nearest level first, then by name."""
        table = connection.ops.quote_name(Agency._meta.db_table)
        sql, params = self._recursive()
        return (
            f"WITH RECURSIVE {sql} SELECT {columns}, MIN(below.depth) AS depth FROM {table} a"
            f" JOIN below ON a.id = below.id GROUP BY a.id ORDER BY depth, a.name",
            params,
        )


#: deeper than any real hierarchy (国务院 → 省 → 市 → 县 → 乡镇 → 村 is six); bounds a cycle
MAX_DEPTH = 32


class Role(models.TextChoices):
    CLERK = "clerk", "经办人"
    REVIEWER = "reviewer", "审核人"
    HEAD = "head", "负责人"
    ADMIN = "admin", "管理员"
    SUPERVISOR = "supervisor", "监督人"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name="用户"
    )
    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="memberships", verbose_name="机关"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = verbose_name_plural = "人员角色"
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} · {self.agency} · {self.get_role_display()}"


class CalendarOverride(models.Model):
    """A day whose working status differs from the packaged calendar: a 调休 arrangement not yet
    shipped, or a local holiday (全国年节及纪念日放假办法第四条: 少数民族节日). Without an agency it
    applies everywhere; with one, to that agency and the agencies below it."""

    date = models.DateField("日期")
    is_workday = models.BooleanField("工作日")
    note = models.CharField("说明", max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_overrides",
        verbose_name="适用机关（空为全部）",
    )

    class Meta:
        verbose_name = verbose_name_plural = "工作日调整"
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["date", "agency"], name="unique_override"),
            models.UniqueConstraint(
                fields=["date"], condition=models.Q(agency=None), name="unique_national_override"
            ),
        ]

    def __str__(self):
        return f"{self.date} {'上班' if self.is_workday else '休息'} {self.note}"

    @classmethod
    def mapping_for(cls, agency: Agency | None) -> dict:
        """{date: is_workday} for an agency: national entries, then ancestors', then its own."""
        chain = [] if agency is None else [agency, *agency.ancestors()]
        result = {o.date: o.is_workday for o in cls.objects.filter(agency=None)}
        for node in reversed(chain):
            result.update({o.date: o.is_workday for o in cls.objects.filter(agency=node)})
        return result
