"""The demo county's catalogues (`gongkai demo`): 管头镇 with a realistic year of items in every
category it publishes, the county office's 规范性文件 with their interpretations, the bureau's,
channels (公开栏, 广播, the WeChat account), a few late, a few withheld, consultations with
comments and feedback, and public concerns answered. Every item has the history the review
steps write (drafted, reviewed, signed on its publication day), written in bulk (demo_batch.py);
every date is before `today`.
"""

from __future__ import annotations

import datetime as dt

from .demo_batch import Batch
from .vocab import ChannelKind, ConsultationKind

WECHAT = "鄂水源头 和美管头"
MONTHLY = "monthly"

#: (category, 文种, title pattern, how often): {y} year, {m} month, {n} a running number
TOWN_ITEMS = (
    ("第二十条第（一）项", "normative", "管头镇人民政府关于印发{y}年{topic}的通知", 2),
    ("第二十条第（二）项", "other", "管头镇人民政府领导班子成员分工调整（{y}年第{n}次）", 2),
    ("第二十条第（三）项", "other", "管头镇{y}年{plan}", 3),
    ("第二十条第（四）项", "other", "管头镇{y}年{m}月农业生产和农村经济统计", MONTHLY),
    ("第二十条第（五）项", "licensing", "管头镇农村村民住宅建设用地审批结果（{y}年第{n}批）", 6),
    ("第二十条第（六）项", "penalty", "管头镇行政处罚决定书（管政罚〔{y}〕{n}号）", 2),
    ("第二十条第（七）项", "other", "管头镇{y}年{budget}", 3),
    ("第二十条第（十一）项", "other", "管头镇{y}年{m}月城乡最低生活保障资金发放情况", MONTHLY),
    ("第二十条第（十一）项", "other", "管头镇{y}年{m}月特困人员救助供养金发放情况", MONTHLY),
    ("第二十条第（十一）项", "other", "管头镇{y}年{m}月城乡居民医疗救助情况", MONTHLY),
    ("第二十条第（十二）项", "other", "管头镇{y}年{emergency}", 3),
    ("第二十条第（十三）项", "other", "管头镇{y}年{m}月农村环境卫生检查情况", MONTHLY),
    ("第二十条第（十五）项", "other", "管头镇{y}年{m}月村级财务收支公开汇总", MONTHLY),
    ("第二十条第（十三）项", "other", "管头镇{y}年第{n}季度安全生产检查情况通报", 4),
    ("第二十一条", "other", "管头镇{y}年{m}月临时救助发放情况", MONTHLY),
    ("第二十一条", "other", "管头镇{y}年农村土地承包经营权流转情况（第{n}批）", 4),
    ("第二十一条", "other", "管头镇{y}年农田水利工程建设进展（第{n}期）", 4),
    ("第二十一条", "other", "管头镇{y}年“一事一议”筹资筹劳方案（第{n}村）", 3),
    ("第二十一条", "other", "管头镇{y}年{m}月宅基地使用审核情况", MONTHLY),
    ("乡村振兴", "other", "管头镇{y}年{m}月乡村振兴工作简报", MONTHLY),
    ("乡村振兴", "other", "管头镇{y}年{m}月村务公开汇总", MONTHLY),
)
TOPICS = ("农村人居环境整治工作方案", "防汛抗旱工作责任制实施办法")
PLANS = ("国民经济和社会发展计划执行情况", "村庄规划编制进展", "高标准农田建设规划")
BUDGETS = ("部门预算公开", "上年度部门决算公开", "“三公”经费预算情况说明")
EMERGENCIES = ("防汛抗旱应急预案", "森林防火应急预案", "地质灾害防治方案")

COUNTY_ITEMS = (
    ("第二十条第（一）项", "normative", "示范县人民政府关于{topic}的通知（{y}年第{n}号）", 6),
    ("第二十条第（二）项", "other", "示范县人民政府办公室主要职责和内设机构（{y}年更新）", 1),
    ("第二十条第（三）项", "other", "示范县{y}年{plan}", 3),
    ("第二十条第（七）项", "other", "示范县人民政府办公室{y}年{budget}", 3),
    ("第二十条第（十）项", "other", "示范县{y}年重大建设项目批准和实施情况（第{n}批）", 4),
    ("第二十条第（十四）项", "other", "示范县{y}年公务员招录职位表（第{n}批）", 2),
)
COUNTY_TOPICS = (
    "进一步规范行政裁量权基准制定和管理工作",
    "加强城乡居民医疗救助",
    "优化营商环境若干措施",
    "农村集体经营性建设用地入市管理",
    "城镇老旧小区改造实施办法",
    "公共资源交易管理",
)
BUREAU_ITEMS = (
    ("第二十条第（一）项", "normative", "示范县自然资源局关于{topic}的通知（{y}年第{n}号）", 2),
    ("第二十条第（五）项", "other", "示范县自然资源局{y}年{m}月建设用地规划许可公示", MONTHLY),
    ("第二十条第（六）项", "other", "示范县自然资源局行政处罚裁量基准（{y}年修订第{n}次）", 1),
    ("第二十条第（八）项", "other", "示范县自然资源局行政事业性收费项目及标准（{y}年）", 1),
    ("第二十条第（十三）项", "other", "示范县{y}年第{n}季度矿山安全生产监督检查情况", 4),
)
BUREAU_TOPICS = ("规范不动产登记办理流程", "加强耕地保护和用途管制")


def _fill(pattern: str, year: int, n: int, month: int, topics) -> str:
    def pick(options):
        return options[(n - 1 + year) % len(options)]

    return pattern.format(
        y=year,
        m=month,
        n=n,
        topic=pick(topics),
        plan=pick(PLANS),
        budget=pick(BUDGETS),
        emergency=pick(EMERGENCIES),
    )


def _dates(year: int, how, today: dt.date, rng):
    """(n, month, formed_on) for each item of a row in `year`, none after `today` - 3 days."""
    last = today - dt.timedelta(days=3)
    if how == MONTHLY:
        days = [dt.date(year, m, rng.randrange(3, 26)) for m in range(1, 13)]
    else:
        days = sorted(
            dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360)) for _ in range(how)
        )
    return [(n, d.month, d) for n, d in enumerate(days, start=1) if d <= last]


def _publish_day(formed: dt.date, late: bool, today: dt.date, rng) -> dt.date:
    gap = rng.randrange(33, 45) if late else rng.randrange(1, 12)
    return min(formed + dt.timedelta(days=gap), today - dt.timedelta(days=1))


def _item(
    batch, agency, people, category, doc_type, title, formed, rng, *, publish_on, withheld=""
):
    """One item through the review steps; signed (and so published) on `publish_on`."""
    fields = {
        "title": title,
        "summary": f"{title}的主要内容。",
        "formed_on": formed,
        "category": category,
        "doc_type": doc_type,
        "disclosure": "withheld" if withheld else "proactive",
        "withheld_reason": withheld,
    }
    if doc_type in ("normative", "penalty"):
        fields["doc_number"] = (
            f"{agency.name[:3]}{'规' if doc_type == 'normative' else '罚'}〔{formed.year}〕{rng.randrange(1, 40)}号"
        )
    item = batch.create(agency, people["clerk"], **fields)
    if publish_on is None:
        return item
    batch.submit(item, people["clerk"])
    batch.pass_review(
        item, people["reviewer"], "已核实，不涉及个人信息和国家秘密", "经保密审查，可以公开"
    )
    batch.sign(item, people["head"], on=publish_on)
    return item


def _catalogue(agency, people, rows, topics, years, today, rng, channels=()):
    """Items of `rows` for each year: about one in twenty published late, one in forty
    withheld, the most recent ones still in review; each 规范性文件 with its interpretation on
    the same day except the first of each year (flagged by the 三同步 check)."""
    made = []
    batch = Batch()
    for year in years:
        for category, doc_type, pattern, how in rows:
            for n, month, formed in _dates(year, how, today, rng):
                title = _fill(pattern, year, n, month, topics)
                recent = (today - formed).days < 12
                withheld = (
                    "涉及商业秘密，公开会对第三方合法权益造成损害（条例第十五条）"
                    if doc_type == "other" and rng.random() < 0.025
                    else ""
                )
                late = rng.random() < 0.05
                stuck = not (recent or withheld) and rng.random() < 0.015  # overdue, in review
                publish_on = (
                    None if recent or stuck or withheld else _publish_day(formed, late, today, rng)
                )
                item = _item(
                    batch,
                    agency,
                    people,
                    category,
                    doc_type,
                    title,
                    formed,
                    rng,
                    publish_on=publish_on,
                    withheld=withheld,
                )
                if stuck:
                    batch.submit(item, people["clerk"])
                if withheld:
                    batch.submit(item, people["clerk"])
                    batch.pass_review(item, people["reviewer"], "已核实", "不予公开理由成立")
                    batch.sign(item, people["head"])
                made.append(item)
                if publish_on and doc_type == "normative":
                    gap = 0 if n > 1 else 3
                    explain = _item(
                        batch,
                        agency,
                        people,
                        category,
                        "interpretation",
                        f"《{title}》政策解读",
                        formed,
                        rng,
                        publish_on=min(
                            publish_on + dt.timedelta(days=gap), today - dt.timedelta(days=1)
                        ),
                    )
                    batch.interprets(explain, item)
                if publish_on:
                    for kind, account, share in channels:
                        if rng.random() < share:
                            on = min(
                                publish_on + dt.timedelta(days=rng.randrange(0, 3)),
                                today - dt.timedelta(days=1),
                            )
                            batch.publish(item, people["clerk"], kind, on, account)
    batch.save()
    return made


def _old_documents(agency, people, count, rng):
    """规范性文件 made before the demo's years, still in force or repealed since: imported."""
    from .catalogue_file import Catalogue, ItemRecord
    from .catalogue_import import save_catalogue

    records = []
    for n in range(1, count + 1):
        formed = dt.date(2019 + n % 5, 1 + n % 12, 10)
        repealed = dt.date(2025, 6, 30) if n % 4 == 0 else None
        records.append(
            ItemRecord(
                n,
                f"历史-{formed.year}-{n:03d}",
                f"{agency.name}{formed.year}年规范性文件第{n}号",
                "导入的历史文件",
                formed,
                formed + dt.timedelta(days=5),
                "第二十条第（一）项",
                "normative",
                "",
                repealed,
                None,
                "proactive",
                "",
                "",
            )
        )
    save_catalogue(agency, Catalogue("历史目录.xlsx", records), people["clerk"])


def _consultations(agency, people, today):
    from .models import Comment, Consultation

    closed = Consultation.objects.create(
        agency=agency,
        title="管头镇农村人居环境整治三年行动实施方案（征求意见稿）",
        kind=ConsultationKind.MAJOR_DECISION,
        text="为改善农村人居环境，拟定本方案，现公开征求意见。",
        opens_on=dt.date(2026, 4, 1),
        closes_on=dt.date(2026, 5, 6),
        feedback="共收到意见5条，采纳3条（增加垃圾分类收集点、明确保洁员配置、延长厕所改造补助期限），"
        "未采纳2条并逐条说明理由。",
        feedback_on=dt.date(2026, 5, 20),
        created_by=people["clerk"],
    )
    for text, name, contact in (
        ("建议每个村民小组设置垃圾分类收集点。", "陈某", "139****0001"),
        ("保洁员应按人口比例配置。", "", ""),
        ("厕所改造补助期限希望延长到年底。", "王某", "wang@example.cn"),
        ("建议增加路灯。", "", ""),
        ("希望公布资金使用明细。", "刘某", "138****0002"),
    ):
        Comment.objects.create(consultation=closed, text=text, name=name, contact=contact)
    running = Consultation.objects.create(
        agency=agency,
        title="管头镇农村集体“三资”管理办法（征求意见稿）",
        kind=ConsultationKind.NORMATIVE_DRAFT,
        text="为规范农村集体资金、资产、资源管理，拟定本办法，现公开征求意见。",
        opens_on=today - dt.timedelta(days=6),
        # still running whenever the demo is loaded: the one date after the demo's last day
        closes_on=max(today, dt.date.today()) + dt.timedelta(days=30),
        concerns_business=True,
        created_by=people["clerk"],
    )
    for text, name, contact in (
        ("建议村集体资产出租一律公开招标。", "赵某", "137****0003"),
        ("资金使用情况应每季度在公开栏公布。", "", ""),
    ):
        Comment.objects.create(consultation=running, text=text, name=name, contact=contact)
    Consultation.objects.create(
        agency=agency,
        title="管头镇村规民约修订指导意见（征求意见稿）",
        kind=ConsultationKind.NORMATIVE_DRAFT,
        text="指导各村修订村规民约。",
        opens_on=today - dt.timedelta(days=30),
        closes_on=today - dt.timedelta(days=4),
        created_by=people["clerk"],
    )


def _concerns(agency, people, made, today):
    from django.utils import timezone

    from .models import Concern

    def moment(day, hour):
        return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))

    answers = [i for i in made if i.published_on and "应急预案" in i.title]
    flood = answers[-1] if answers else None
    Concern.objects.create(
        agency=agency,
        topic="暴雨后鄂水河堤出现管涌",
        source="微信群转发",
        raised_at=moment(dt.date(2026, 7, 12), 6),
        major_emergency=True,
        response=flood,
        responded_at=moment(dt.date(2026, 7, 12), 9) if flood else None,
    )
    Concern.objects.create(
        agency=agency,
        topic="低保名单公示不全",
        source="12345热线",
        raised_at=moment(today - dt.timedelta(days=20), 10),
    )


def load_catalogues(agencies: dict, users: dict, names: tuple[str, str, str], today, rng) -> None:
    """`names`: the county office, the bureau and the town, as the demo names them."""
    from .models import OwnCategory

    county, bureau, town = (agencies[n] for n in names)
    OwnCategory.objects.get_or_create(agency=town, name="乡村振兴")
    for agency, address, phone in (
        (county, "示范县人民政府大楼三楼", "0710-2000001"),
        (bureau, "示范县自然资源局一楼政务公开窗口", "0710-2000002"),
        (town, "管头镇人民政府一楼便民服务中心", "0710-2000003"),
    ):
        agency.address = address
        agency.office_hours = "工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）"
        agency.telephone = phone
        agency.fax = phone[:-1] + "9"
        agency.email = "gk@example.gov.cn"
        agency.postal_address = f"{address}（邮编441000）"
        agency.save()
    years = (2024, 2025, 2026)
    town_channels = (
        (ChannelKind.NOTICE_BOARD, "镇政务公开栏", 0.5),
        (ChannelKind.BROADCAST, "镇村广播", 0.15),
        (ChannelKind.NEW_MEDIA, f"微信号“{WECHAT}”", 0.6),
        (ChannelKind.MEETING, "镇村干部会议", 0.05),
    )
    made = _catalogue(town, users[names[2]], TOWN_ITEMS, TOPICS, years, today, rng, town_channels)
    _old_documents(county, users[names[0]], 30, rng)
    county_channels = (
        (ChannelKind.NEW_MEDIA, "微信公众号“示范县发布”", 0.5),
        (ChannelKind.BULLETIN, "《示范县政务信息》", 0.2),
    )
    _catalogue(
        county, users[names[0]], COUNTY_ITEMS, COUNTY_TOPICS, years, today, rng, county_channels
    )
    _old_documents(bureau, users[names[1]], 8, rng)
    _catalogue(bureau, users[names[1]], BUREAU_ITEMS, BUREAU_TOPICS, years, today, rng)
    _consultations(town, users[names[2]], today)
    _concerns(town, users[names[2]], made, today)
