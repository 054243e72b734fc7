"""The words of 主动公开, each written once: categories, 文种, 公开方式, channels, review stages.

Category labels are written as in the law (`第二十条第（一）项` … `第二十条第（十五）项`,
`第二十一条`); the import, the forms, the portal filters and the counting use these values.
"""

from __future__ import annotations

from django.db import models

NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
NUMERALS += tuple(f"十{n}" for n in NUMERALS[:5])

#: 条例第二十条: the 15 mandatory categories (paraphrased, domain-spec §5.2)
ARTICLE_20 = (
    "行政法规、规章和规范性文件",
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "国民经济和社会发展统计信息",
    "行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    "财政预算、决算信息",
    "行政事业性收费项目及其依据、标准",
    "政府集中采购项目的目录、标准及实施情况",
    "重大建设项目的批准和实施情况",
    "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "突发公共事件的应急预案、预警信息及应对情况",
    "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "公务员招考的职位、名额、报考条件等事项以及录用结果",
    "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
)
ARTICLE_21 = "第二十一条"
#: 条例第二十一条: the extra topics, by level (乡镇 / 设区的市级、县级)
ARTICLE_21_TOPICS = {
    "township": (
        "贯彻落实农业农村政策措施",
        "农田水利工程建设运营",
        "农村土地承包经营权流转",
        "宅基地使用情况审核",
        "土地征收",
        "房屋征收",
        "筹资筹劳",
        "社会救助",
    ),
    "other": ("市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"),
}


def article_20(n: int) -> str:
    """The category label of 第二十条 item n (1–15): 第二十条第（n）项."""
    return f"第二十条第（{NUMERALS[n - 1]}）项"


LAW_CATEGORIES = tuple(article_20(n) for n in range(1, 16)) + (ARTICLE_21,)


def basic_catalogue(kind: str) -> list[tuple[str, str]]:
    """条例第二十二条: an agency's 主动公开基本目录, (category, description); the 第二十一条
    topics depend on the level (a 乡镇 has its own list)."""
    rows = [(article_20(n), text) for n, text in enumerate(ARTICLE_20, start=1)]
    topics = ARTICLE_21_TOPICS["township" if kind == "township" else "other"]
    rows.append((ARTICLE_21, "、".join(topics)))
    return rows


class DocType(models.TextChoices):
    """文种: which kind of document an item is; table 1 counts the first two and the decisions."""

    RULE = "rule", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    OTHER = "other", "其他文件"
    INTERPRETATION = "interpretation", "政策解读"
    LICENSING = "licensing", "行政许可决定"
    PENALTY = "penalty", "行政处罚决定"
    COERCION = "coercion", "行政强制决定"


class Disclosure(models.TextChoices):
    """公开方式 (条例第十九条、第二十七条、第十四至十六条)."""

    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class Stage(models.TextChoices):
    """条例第十七条: an item reaches the portal only after 保密审查 and sign-off."""

    DRAFT = "draft", "草稿（经办人）"
    REVIEW = "review", "保密审查（审核人）"
    SIGNOFF = "signoff", "待签发（负责人）"
    DONE = "done", "已签发"


class ChannelKind(models.TextChoices):
    """条例第二十三、二十四条: where a publication went."""

    WEBSITE = "website", "政府网站"
    NOTICE_BOARD = "notice_board", "公开栏"
    BROADCAST = "broadcast", "广播"
    MEETING = "meeting", "会议"
    BULLETIN = "bulletin", "简报"
    NEW_MEDIA = "new_media", "政务新媒体"


class ConsultationKind(models.TextChoices):
    """domain-spec §5.10: drafts opened to public comment, each with its minimum period."""

    MAJOR_DECISION = "major_decision", "重大行政决策"
    RULE_DRAFT = "rule_draft", "规章草案"
    NORMATIVE_DRAFT = "normative_draft", "行政规范性文件"
