"""Every write to a catalogue item, in one place (条例第十七条: review before publication).

draft (经办人) → 保密审查 (审核人) → sign-off (负责人) → done; published on the portal when the
item is 主动公开. The reviewer or the head may send it back to the draft with a reason; the
reviewer must settle every open flag of the scan before passing it. Each step locks the item's
row, checks the stage on the locked row, and writes a Decision: the history never changes.
Errors a user can cause raise StepRefused with a Chinese message for the page. An edit of the
fields is refused when the form was loaded at an older version (StaleEdit, naming who saved in
between) and goes into the audit trail old → new, field by field.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.office.agencies.access import agencies_for
from gongkai.office.agencies.models import Role
from gongkai.office.audit import trail
from gongkai.office.concurrency import check_version, locked

from . import scanning
from .models import Attachment, Decision, Flag, IndexScheme, Item, Publication
from .search import index_items
from .vocab import ChannelKind, Disclosure, Stage

#: the review steps as the item's history names them (demo_batch.py writes the same)
CREATED, SUBMITTED, SETTLED, PASSED, SENT_BACK = (
    "新建",
    "送保密审查",
    "处理扫描提示",
    "保密审查通过",
    "退回修改",
)
SIGNED, PUBLISHED = "签发", "公开"
ITEM_CREATED = "新建目录条目"  # the audit trail's entry


class StepRefused(ValidationError):
    """A step the item's stage or the user's role does not allow."""


def holds(user, agency_id: int, *roles) -> bool:
    return agencies_for(user, roles).filter(pk=agency_id).exists()


def _require(user, item, *roles):
    if not holds(user, item.agency_id, *roles):
        names = "、".join(Role(r).label for r in roles)
        raise StepRefused(f"只有本机关的{names}可以进行这一步。")


def _locked(item) -> Item:
    return locked(Item, item.pk)


def _decide(item, by, action, to_stage=None, reason=""):
    from_stage = item.stage
    if to_stage is not None:
        item.stage = to_stage
        item.save(update_fields=["stage"])
    Decision.objects.create(
        item=item,
        by=by,
        action=action,
        from_stage=from_stage,
        to_stage=to_stage or from_stage,
        reason=reason,
    )


def next_index_no(agency, on: dt.date) -> str:
    """The agency's next 索引号 under its scheme (the scheme row locked while it is taken)."""
    scheme, _ = IndexScheme.objects.get_or_create(agency=agency)
    scheme = IndexScheme.objects.select_for_update().get(pk=scheme.pk)
    number = scheme.take(on, lambda n: Item.objects.filter(agency=agency, index_no=n).exists())
    scheme.save(update_fields=["next_seq"])
    return number


def _flag_text(item) -> None:
    """Scan the item's text again: flags of the old text become stale, kept for the history."""
    Flag.objects.filter(item=item, attachment=None, stale=False).update(stale=True)
    Flag.objects.bulk_create(
        [Flag(item=item, **f) for f in scanning.text_flags(f"{item.title}\n{item.body}")]
    )


EDITABLE = (
    "title",
    "summary",
    "body",
    "formed_on",
    "category",
    "doc_type",
    "doc_number",
    "disclosure",
    "withheld_reason",
    "rereview_on",
    "repealed_on",
    "expired_on",
    "interprets",
    "revises",
)
#: derived or counted fields the trail leaves out
UNTRACKED = ("version", "search_text")


@transaction.atomic
def create_item(agency, by, index_no: str = "", **fields) -> Item:
    """A new draft; its 索引号 from the agency's scheme unless one is given."""
    if not holds(by, agency.pk, Role.CLERK, Role.ADMIN):
        raise StepRefused("只有本机关的经办人可以新建目录条目。")
    index_no = index_no or next_index_no(agency, fields["formed_on"])
    if Item.objects.filter(agency=agency, index_no=index_no).exists():
        raise StepRefused(f"索引号“{index_no}”已在本机关目录中。")
    item = Item.objects.create(
        agency=agency, index_no=index_no, stage=Stage.DRAFT, created_by=by, **fields
    )
    _decide(item, by, CREATED)
    trail.record(item, by, ITEM_CREATED, {}, agency=agency, version=0, ignore=UNTRACKED)
    _flag_text(item)
    index_items([item])
    return item


@transaction.atomic
def edit_item(item, by, version: int | None = None, **fields) -> Item:
    """Change a draft loaded at `version` (None: the current one); a change of its text is
    scanned again."""
    item = _locked(item)
    _require(by, item, Role.CLERK, Role.ADMIN)
    if item.stage != Stage.DRAFT:
        raise StepRefused("只有草稿可以修改；送审后请由审核人退回再改。")
    check_version(item.version, version, trail.latest(item))
    before = trail.values(item)
    changed = []
    for name, value in fields.items():
        if name in EDITABLE and getattr(item, name) != value:
            changed.append(str(Item._meta.get_field(name).verbose_name))
            setattr(item, name, value)
    if changed:
        item.version += 1
        item.save()
        trail.record(
            item,
            by,
            "修改目录条目",
            before,
            agency=item.agency,
            version=item.version,
            ignore=UNTRACKED,
        )
        _decide(item, by, "修改", reason="修改了" + "、".join(changed))
        _flag_text(item)
        index_items([item])
    return item


@transaction.atomic
def attach(item, by, uploaded) -> Attachment:
    """Add a file to a draft; the worker scans it (scan_queue.py)."""
    item = _locked(item)
    _require(by, item, Role.CLERK, Role.ADMIN)
    if item.stage != Stage.DRAFT:
        raise StepRefused("只有草稿可以添加附件。")
    attachment = Attachment.objects.create(
        item=item,
        file=uploaded,
        name=uploaded.name[:255],
        uploaded_by=by,
        scan=Attachment.Scan.QUEUED,
    )
    _decide(item, by, "添加附件", reason=attachment.name)
    return attachment


@transaction.atomic
def record_scan(attachment, flags: list[dict], reason: str) -> bool:
    """The worker's findings in a file it claimed, as flags of the item; False when the claim
    was taken over meanwhile (nothing written). A file withdrawn meanwhile keeps its flags
    for the history, stale."""
    item = _locked(attachment.item)
    attachment = Attachment.objects.get(pk=attachment.pk)
    if attachment.scan != Attachment.Scan.SCANNING:
        return False
    attachment.unscanned_reason = reason[:300]
    attachment.scan = Attachment.Scan.DONE
    attachment.save(update_fields=["unscanned_reason", "scan"])
    stale = attachment.withdrawn is not None
    Flag.objects.bulk_create(
        [Flag(item=item, attachment=attachment, stale=stale, **f) for f in flags]
    )
    found = f"{len(flags)}条提示" if flags else "未发现个人信息或密级标志"
    _decide(item, None, "附件扫描完成", reason=f"{attachment.name}：{found}")
    return True


def scans_pending(item) -> int:
    """The item's attachments the worker has not scanned yet (扫描中)."""
    return item.attachments.filter(withdrawn=None).exclude(scan=Attachment.Scan.DONE).count()


def _require_scanned(item, step: str) -> None:
    left = scans_pending(item)
    if left:
        raise StepRefused(f"还有{left}个附件扫描中，扫描完成后才能{step}。")


@transaction.atomic
def withdraw_attachment(attachment, by) -> None:
    """Take a file off a draft: kept with its flags for the history, no longer part of the item."""
    item = _locked(attachment.item)
    _require(by, item, Role.CLERK, Role.ADMIN)
    if item.stage != Stage.DRAFT:
        raise StepRefused("只有草稿可以撤下附件。")
    if attachment.withdrawn is None:
        attachment.withdrawn = timezone.now()
        attachment.save(update_fields=["withdrawn"])
        attachment.flags.update(stale=True)
        _decide(item, by, "撤下附件", reason=attachment.name)


def open_flags(item):
    return item.flags.filter(stale=False, settled="")


@transaction.atomic
def submit(item, by) -> Item:
    item = _locked(item)
    _require(by, item, Role.CLERK, Role.ADMIN)
    if item.stage != Stage.DRAFT:
        raise StepRefused("只有草稿可以送保密审查。")
    if item.disclosure == Disclosure.WITHHELD and not item.withheld_reason.strip():
        raise StepRefused("不予公开须写明理由。")
    _decide(item, by, SUBMITTED, Stage.REVIEW)
    return item


@transaction.atomic
def settle(flag, by, conclusion: str) -> Flag:
    """The reviewer's conclusion on one flag (e.g. 非个人信息：为统一社会信用代码)."""
    item = _locked(flag.item)
    _require(by, item, Role.REVIEWER)
    if item.stage != Stage.REVIEW:
        raise StepRefused("只有保密审查中的条目可以处理扫描提示。")
    conclusion = conclusion.strip()
    if not conclusion:
        raise StepRefused("请写明处理结论。")
    flag = Flag.objects.get(pk=flag.pk)
    if flag.stale or flag.settled:
        raise StepRefused("该提示已处理或已过时。")
    flag.settled, flag.settled_by, flag.settled_at = conclusion[:200], by, timezone.now()
    flag.save(update_fields=["settled", "settled_by", "settled_at"])
    _decide(item, by, SETTLED, reason=settled_reason(flag))
    return flag


@transaction.atomic
def pass_review(item, by, note: str = "") -> Item:
    item = _locked(item)
    _require(by, item, Role.REVIEWER)
    if item.stage != Stage.REVIEW:
        raise StepRefused("该条目不在保密审查阶段。")
    _require_scanned(item, "通过保密审查")
    left = open_flags(item).count()
    if left:
        raise StepRefused(f"还有{left}条扫描提示未处理，处理完才能通过保密审查。")
    _decide(item, by, PASSED, Stage.SIGNOFF, note.strip())
    return item


@transaction.atomic
def send_back(item, by, reason: str) -> Item:
    """Back to the draft from 保密审查 (审核人) or sign-off (负责人), always with a reason."""
    item = _locked(item)
    role = {Stage.REVIEW: Role.REVIEWER, Stage.SIGNOFF: Role.HEAD}.get(item.stage)
    if role is None:
        raise StepRefused("只有审查中或待签发的条目可以退回。")
    _require(by, item, role)
    if not reason.strip():
        raise StepRefused("退回须写明理由。")
    _decide(item, by, SENT_BACK, Stage.DRAFT, reason.strip())
    return item


@transaction.atomic
def sign(item, by, on: dt.date | None = None) -> Item:
    """负责人签发; a 主动公开 item is published on the government website that day."""
    item = _locked(item)
    _require(by, item, Role.HEAD)
    if item.stage != Stage.SIGNOFF:
        raise StepRefused("该条目尚未通过保密审查，不能签发。")
    _require_scanned(item, "签发")
    _decide(item, by, SIGNED, Stage.DONE)
    if item.disclosure == Disclosure.PROACTIVE:
        _publish(item, by, ChannelKind.WEBSITE, "", on or timezone.localdate())
    return item


def _publish(item, by, channel, account, on):
    Publication.objects.create(item=item, channel=channel, account=account, on=on, by=by)
    first = item.publications.order_by("on").values_list("on", flat=True).first()
    if item.published_on != first:
        item.published_on = first
        item.save(update_fields=["published_on"])
    _decide(item, by, PUBLISHED, reason=published_reason(channel, account, on))


def settled_reason(flag) -> str:
    return f"{flag.kind}（{flag.where()}）：{flag.settled}"


def published_reason(channel: str, account: str, on: dt.date) -> str:
    label = ChannelKind(channel).label + (f"“{account}”" if account else "")
    return f"{label} {on:%Y-%m-%d}"


@transaction.atomic
def record_publication(item, by, channel: str, on: dt.date, account: str = "") -> Item:
    """条例第二十三、二十四条: another channel the signed item went out on (公开栏, 广播 …)."""
    item = _locked(item)
    _require(by, item, Role.CLERK, Role.REVIEWER, Role.HEAD, Role.ADMIN)
    if item.stage != Stage.DONE or item.disclosure != Disclosure.PROACTIVE:
        raise StepRefused("只有已签发的主动公开条目可以登记公开渠道。")
    if on < item.formed_on:
        raise StepRefused("公开日期不能早于生成日期。")
    if on > timezone.localdate():
        raise StepRefused("公开日期不能晚于今天。")
    if channel == ChannelKind.NEW_MEDIA and not account.strip():
        raise StepRefused("政务新媒体须写明账号名称。")
    _publish(item, by, channel, account.strip(), on)
    return item
