"""A demo county to try the office: `gongkai demo` (idempotent).

示范县人民政府办公室 (the county government's own-level report, due 3月31日), one county
department and 管头镇, with three years (2024–2026) of cases recorded through the same
domain functions the pages use (applications/services.py): every one of the 21 outcome rows,
corrections, consultations, extensions, fees, withdrawals, cases carried over the year end,
appeals of every kind and result, and published reports for 2024 and 2025 (one corrected
into a second version). Users for each role share one password, printed at the end.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from gongkai.report.formats import TABLE1_2021

COUNTY = "示范县人民政府办公室"
BUREAU = "示范县自然资源局"
TOWN = "管头镇人民政府"
PASSWORD = "gongkai-demo"
YEARS = (2024, 2025, 2026)
TODAY = dt.date(2026, 11, 27)  # the last day the demo's cases reach; later days stay pending
SEED = 20240101

#: (username, agency, role, name) — one user per role; the supervisor sits on the county office
USERS = (
    ("xian_clerk", COUNTY, "clerk", "县政府办 经办人"),
    ("xian_reviewer", COUNTY, "reviewer", "县政府办 审核人"),
    ("xian_head", COUNTY, "head", "县政府办 负责人"),
    ("xian_admin", COUNTY, "admin", "县政府办 管理员"),
    ("xian_supervisor", COUNTY, "supervisor", "县政务公开办 监督人"),
    ("ziran_clerk", BUREAU, "clerk", "自然资源局 经办人"),
    ("ziran_reviewer", BUREAU, "reviewer", "自然资源局 审核人"),
    ("ziran_head", BUREAU, "head", "自然资源局 负责人"),
    ("zhen_clerk", TOWN, "clerk", "管头镇 经办人"),
    ("zhen_reviewer", TOWN, "reviewer", "管头镇 审核人"),
    ("zhen_head", TOWN, "head", "管头镇 负责人"),
)

REQUESTS = (
    "{y}年度本单位财政预算、决算及“三公”经费情况",
    "某村集体土地征收补偿安置方案及批复文件",
    "城区老旧小区改造项目的立项批复和资金安排",
    "本人房屋所在地块的征收决定及公告",
    "{y}年度行政处罚决定书（环境类）",
    "某道路拓宽工程的环境影响评价文件",
    "低保对象认定标准及本村名单公示情况",
    "某企业建设项目的规划许可证及附图",
    "宅基地审批相关文件及审批流程",
    "河道整治工程招投标及中标结果",
    "某次会议纪要中涉及本人的部分",
    "关于某信访事项的处理意见",
    "《示范县志》及政府公报全年合订本",
    "本人过去申请所获信息的盖章确认件",
    "农村土地承包经营权流转合同备案情况",
)
NAMES = (
    "张建国",
    "李秀英",
    "王伟",
    "刘芳",
    "陈明",
    "杨丽",
    "赵强",
    "黄敏",
    "周杰",
    "吴静",
    "徐磊",
    "孙燕",
)
ORGS = {
    "commercial_enterprise": ("示范县宏达建筑有限公司", "示范县绿源农业科技有限公司"),
    "research_institution": ("省农业科学院土壤研究所",),
    "public_welfare_org": ("示范县绿色家园环保协会",),
    "legal_service_org": ("示范县正义律师事务所",),
    "other_org": ("管头镇东庄村民委员会", "示范县某小区业主委员会"),
}
CATEGORY_WEIGHTS = (
    ("natural_person", 70),
    ("commercial_enterprise", 10),
    ("research_institution", 3),
    ("public_welfare_org", 5),
    ("legal_service_org", 6),
    ("other_org", 6),
)
CHANNEL_WEIGHTS = (
    ("in_person", 30),
    ("post_signed", 15),
    ("post_unsigned", 10),
    ("online", 35),
    ("fax", 5),
    ("oral", 5),
)
#: the reply types every year of the county office goes through: together they reach all 21 rows
ALL_REPLIES = (
    "already_public",
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.security_stability",
    "denied.third_party",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_file",
    "denied.admin_query",
    "not_held",
    "not_responsible",
    "needs_creation",
    "unclear_after_correction",
    "petition_complaint",
    "repeat",
    "publication",
    "excessive",
    "confirm_or_reissue",
    "no_correction",
    "fee_unpaid",
    "other",
    "withdraw",
)
COMMON = (
    "granted",
    "granted",
    "granted",
    "already_public",
    "partially_granted",
    "not_held",
    "granted",
    "needs_creation",
    "repeat",
    "not_responsible",
)
DENIAL_REASON = (
    "所申请信息属于依法不予公开的范围，依据《中华人民共和国政府信息公开条例》相关条款不予公开。"
)


def _pick(rng, weighted):
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


class Builder:
    """Records one agency-year of cases through the services, as the clerks would."""

    def __init__(self, rng, agency, users):
        from gongkai.office.applications import services

        self.s = services
        self.rng, self.agency, self.users = rng, agency, users

    def _user(self, role):
        """The agency's user in `role`; an office without a 审核人 has its 负责人 approve."""
        return self.users.get(role) or self.users["head"]

    def register(self, arrived: dt.date):
        rng = self.rng
        category = _pick(rng, CATEGORY_WEIGHTS)
        name = rng.choice(NAMES) if category == "natural_person" else rng.choice(ORGS[category])
        channel = _pick(rng, CHANNEL_WEIGHTS)
        app = self.s.register(
            self.agency,
            self._user("clerk"),
            channel=channel,
            arrived_on=arrived,
            applicant_category=category,
            applicant_name=name,
            contact=f"1{rng.randrange(3, 9)}{rng.randrange(10**8, 10**9)}",
            id_number="",
            request_text=rng.choice(REQUESTS).format(y=arrived.year - 1),
            delivery_form=rng.choice(("电子邮件", "邮寄纸质件", "当面领取")),
        )
        if app.received_on is None:
            self.s.confirm_receipt(
                app, arrived + dt.timedelta(days=rng.choice((0, 0, 1, 2))), self._user("clerk")
            )
            app.refresh_from_db()
        return app

    def _after(self, base: dt.date, lo: int, hi: int, latest: dt.date) -> dt.date | None:
        """A day lo…hi-1 days after `base`; None past `latest` (the case stays pending there)."""
        day = base + dt.timedelta(days=self.rng.randrange(lo, hi))
        return day if day <= latest else None

    def conclude(self, app, reply: str, latest: dt.date):
        """Take the case to `reply` with the events that reply needs; stop (pending) past `latest`."""
        rng, clerk, s, after = self.rng, self._user("clerk"), self.s, self._after
        day = app.received_on
        if reply in ("unclear_after_correction", "no_correction") or rng.random() < 0.08:
            if not (notice := after(day, 2, 6, latest)):
                return
            s.request_correction(
                app,
                notice,
                clerk,
                items="请明确所需信息的名称、文号或者便于查询的其他特征性描述。",
                correction_due=notice + dt.timedelta(days=15),
            )
            if reply == "no_correction":
                if lapsed := after(notice, 17, 25, latest):
                    s.reply(app, lapsed, clerk, reply_type="no_correction")
                return
            if not (day := after(notice, 3, 12, latest)):
                return
            s.receive_correction(app, day, clerk)
        if reply == "denied.third_party" or rng.random() < 0.05:
            if not (start := after(day, 3, 8, latest)) or not (day := after(start, 8, 20, latest)):
                return
            s.start_consultation(app, start, clerk, party="third_party", name="相关企业")
            s.end_consultation(
                app,
                day,
                clerk,
                answer="第三方书面答复不同意公开" if reply == "denied.third_party" else "同意公开",
            )
        if reply == "fee_unpaid" or (reply == "granted" and rng.random() < 0.05):
            if not (notice := after(day, 2, 8, latest)):
                return
            s.fee_notice(app, notice, clerk, method="per_item", amount=100 * rng.randrange(1, 4))
            if reply == "fee_unpaid":
                if lapsed := after(notice, 33, 40, latest):
                    s.reply(app, lapsed, clerk, reply_type="fee_unpaid")
                return
            if not (day := after(notice, 3, 10, latest)):
                return
            s.fee_paid(app, day, clerk)
        slow = rng.random() < 0.12
        if slow:
            if not (ask := after(day, 15, 22, latest)):
                return
            s.request_extension(
                app, ask, clerk, days=rng.choice((10, 15, 20)), reason="需要调取档案并进行保密审查"
            )
            s.approve_extension(app, ask, self._user("reviewer"), notified_on=ask)
        if not (day := after(day, 30, 50, latest) if slow else after(day, 1, 26, latest)):
            return
        if reply == "withdraw":
            s.withdraw(app, day, clerk, note="申请人书面撤回申请")
            return
        needs_reason = reply == "partially_granted" or reply.startswith("denied.")
        s.reply(
            app, day, clerk, reply_type=reply, denial_reason=DENIAL_REASON if needs_reason else ""
        )

    def year(self, year: int, n: int, replies: tuple[str, ...]):
        """`n` cases received in `year`: `replies` among the earlier ones (so they conclude within
        the year), common replies for the rest; the last three arrive in the final weeks and are
        carried into the next year."""
        rng = self.rng
        last_day = min(dt.date(year, 12, 31), TODAY)
        span = (last_day - dt.date(year, 1, 2)).days
        arrivals = sorted(
            dt.date(year, 1, 2) + dt.timedelta(days=rng.randrange(span - 40)) for _ in range(n - 3)
        )
        arrivals += [last_day - dt.timedelta(days=d) for d in (20, 9, 3)]
        plan = [rng.choice(COMMON) for _ in arrivals]
        for position, reply in zip(rng.sample(range(int(n * 0.7)), len(replies)), replies):
            plan[position] = reply
        for arrived, reply in zip(arrivals, plan):
            app = self.register(arrived)
            self.conclude(app, reply, TODAY)


def _users(agencies):
    """The demo's people, all with the one published demo password: hashed once (the
    production hasher takes about half a second per hash, a dozen people six seconds)."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Membership

    hashed = make_password(PASSWORD)
    by_agency: dict[str, dict[str, object]] = {}
    for username, agency_name, role, full_name in USERS:
        user, _ = User.objects.get_or_create(
            username=username, defaults={"first_name": full_name, "password": hashed}
        )
        Membership.objects.get_or_create(user=user, agency=agencies[agency_name], role=role)
        by_agency.setdefault(agency_name, {})[role] = user
    User.objects.get_or_create(
        username="admin",
        defaults={
            "is_staff": True,
            "is_superuser": True,
            "first_name": "系统管理员",
            "password": hashed,
        },
    )
    return by_agency


def _agencies():
    from gongkai.office.agencies.models import Agency

    county, _ = Agency.objects.get_or_create(name=COUNTY, defaults={"kind": "government"})
    bureau, _ = Agency.objects.get_or_create(
        name=BUREAU, defaults={"kind": "department", "parent": county}
    )
    town, _ = Agency.objects.get_or_create(
        name=TOWN, defaults={"kind": "township", "parent": county}
    )
    return {COUNTY: county, BUREAU: bureau, TOWN: town}


def _appeals(rng, agency, year, n_each):
    """Appeals of every kind: closed with each result, and some still pending."""
    from gongkai.office.appeals.models import Appeal

    cases = list(
        agency.applications.filter(received_on__year=year, concluded_on__isnull=False).exclude(
            outcome__in=("granted",)
        )
    )
    results = ("maintained", "corrected", "other", "")
    for kind, word in (
        ("review", "复"),
        ("litigation_direct", "诉"),
        ("litigation_after_review", "复诉"),
    ):
        for i in range(n_each):
            case = rng.choice(cases) if cases else None
            filed = (case.concluded_on if case else dt.date(year, 3, 1)) + dt.timedelta(
                days=rng.randrange(10, 50)
            )
            if filed > TODAY:
                continue  # the demo holds no day after TODAY (an appeal not yet filed)
            result = results[(i + year) % len(results)]
            closed = filed + dt.timedelta(days=rng.randrange(40, 120)) if result else None
            if closed and closed > TODAY:
                result, closed = "", None
            Appeal.objects.create(
                agency=agency,
                application=case,
                number=f"{year}{word}{i + 1:02d}",
                kind=kind,
                filed_on=filed,
                result=result,
                closed_on=closed,
            )


#: table 1 is compiled from each office's catalogue; typed by hand are the fee collected, and
#: the bureau's decisions, kept in the county's licensing and enforcement systems: (value, source)
def _table1(name: str, year: int) -> dict[str, tuple[str, str]]:
    k = year - 2024
    entered = {
        ("admin_fees", "amount"): (
            f"{12.6 + k:.1f}" if name == BUREAU else "0",
            "县财政非税收入管理系统",
        )
    }
    if name == BUREAU:
        entered[("licensing", "decisions")] = (str(356 + 20 * k), "县行政审批服务平台")
        entered[("penalty", "decisions")] = (str(27 - 3 * k), "县行政执法监督平台")
        entered[("coercion", "decisions")] = ("3", "县行政执法监督平台")
    return {TABLE1_2021.cell_key(*cell): v for cell, v in entered.items()}


#: what each office wrote in parts 一 and 五, different every year (Y-6: 内容雷同 is a fault)
WORK = {
    2024: (
        "严格落实公开前保密审查，动态调整主动公开基本目录。",
        "政府网站信息公开专栏完成改版，新增政策文件库。",
        "将政务公开纳入年度绩效考核，开展业务培训两次。",
        "（一）存在的主要问题。一是主动公开内容更新不够及时；二是政策解读形式较为单一。\n"
        "（二）改进情况。一是建立栏目内容定期检查机制；二是丰富图解、音视频等解读形式。",
    ),
    2025: (
        "完成现行有效规范性文件清理，统一公开文件属性标注。",
        "推进基层政务公开标准目录与政府网站栏目对接。",
        "聘请社会监督员十名，全年组织专项检查三次并通报结果。",
        "（一）存在的主要问题。依申请公开答复文书格式仍不统一，个别答复说理不充分。\n"
        "（二）改进情况。制定答复文书范本，答复前由法制机构审核。",
    ),
    2026: (
        "建立政府信息公开属性源头认定机制，公文办理时同步确定。",
        "政务新媒体与网站信息同步发布，关停僵尸账号一个。",
        "开展政务公开第三方评估，对评估发现的问题逐项整改。",
        "（一）存在的主要问题。政策解读的针对性有待提高。\n（二）改进情况。重要政策出台时同步发布问答式解读。",
    ),
}


def _reports(agencies, users):
    """Reports for 2024 and 2025 entered and published on time; the county's 2024 report gets a
    second version. Parts 一 and 六 start from the sentences pre-filled from the figures."""
    from gongkai.office.annual.compile import compile_report, fees_in_year
    from gongkai.office.annual.models import AnnualReport
    from gongkai.office.annual.narrative_draft import prefill
    from gongkai.office.annual.publish import PublishRefused, publish
    from gongkai.office.catalogue.models import Table1Entry
    from gongkai.office.catalogue.year_facts import proactive_year

    for name, agency in agencies.items():
        for year in (2024, 2025, 2026):
            entry, _ = AnnualReport.objects.get_or_create(agency=agency, year=year)
            if entry.versions.exists():
                continue
            if year < 2026:
                for key, (value, source) in _table1(name, year).items():
                    Table1Entry.objects.create(
                        agency=agency, year=year, key=key, value=value, source=source
                    )
            texts = prefill(
                compile_report(agency, year),
                fees_in_year(agency, year),
                proactive_year(agency, year, TODAY),
            )
            management, platform, oversight, problems = WORK[year]
            entry.part1 = (
                texts[1]
                .replace("（三）政府信息管理。", "（三）政府信息管理。" + management)
                .replace("（四）政府信息公开平台建设。", "（四）政府信息公开平台建设。" + platform)
                .replace("（五）监督保障。", "（五）监督保障。" + oversight)
                .replace(
                    "责任追究结果情况：",
                    "责任追究结果情况：政务公开工作纳入绩效考核，社会评议满意度良好，全年未发生责任追究。",
                )
            )
            entry.part5, entry.part6 = problems, texts[6]
            entry.save()
            if year == 2026:
                continue  # the current year: a draft
            head = users[name]["head"]
            try:
                publish(agency, year, head, dt.date(year + 1, 1, 20))
                if name == COUNTY and year == 2024:
                    publish(
                        agency,
                        year,
                        head,
                        dt.date(year + 1, 2, 10),
                        reason="更正第六部分信息处理费表述",
                    )
            except PublishRefused as e:
                print(
                    f"演示报告未能发布：{agency.name}{year}年：{e} {[f.message for f in e.errors]}",
                    file=sys.stderr,
                )


def load_demo(out=sys.stdout) -> None:
    """Create the demo county once; run again, it only prints the logins."""
    from django.db import transaction

    from gongkai.office.agencies.models import Agency
    from gongkai.office.catalogue.demo_items import load_catalogues

    existing = Agency.objects.filter(name=COUNTY).first()
    if existing is not None and existing.applications.exists():
        print("演示数据已存在，未重复创建。", file=out)
    else:
        with transaction.atomic():
            agencies = _agencies()
            users = _users(agencies)
            rng = random.Random(SEED)
            sizes = {COUNTY: 30, BUREAU: 22, TOWN: 8}
            for year in YEARS:
                for name, agency in agencies.items():
                    replies = ALL_REPLIES if name == COUNTY else ALL_REPLIES[rng.randrange(3) :: 3]
                    Builder(rng, agency, users[name]).year(
                        year, sizes[name] + len(replies), replies
                    )
                    _appeals(rng, agency, year, 2 if name == COUNTY else 1)
            load_catalogues(agencies, users, (COUNTY, BUREAU, TOWN), TODAY, rng)
            _reports(agencies, users)
        print(
            "演示数据已创建：示范县人民政府办公室、示范县自然资源局、管头镇人民政府，2024–2026年。",
            file=out,
        )
    print(f"演示账号（密码均为 {PASSWORD}）：", file=out)
    for username, agency, _role, full_name in USERS:
        print(f"  {username:<16} {full_name}（{agency}）", file=out)
    print(f"  {'admin':<16} 系统管理员（可进入 /admin/）", file=out)
