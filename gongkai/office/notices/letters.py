"""The letters the law asks for, one per legal event, as the default text of their templates.

Each paragraph is a template (Jinja, rendered in a sandbox) over the names of `context.py`; an
administrator may replace the whole letter with a DOCX of their own using the same names.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.office.applications.models import EventKind


@dataclass(frozen=True)
class Letter:
    kind: str  # the EventKind that produces it
    title: str
    article: str
    paragraphs: tuple[str, ...]


LETTERS: dict[str, Letter] = {
    letter.kind: letter
    for letter in (
        Letter(
            EventKind.CORRECTION_NOTICE,
            "政府信息公开申请补正告知书",
            "第三十条",
            (
                (
                    "本机关于{{ 收到日期 }}收到你（单位）提出的{{ 申请名称 }}（编号：{{ 编号 }}），"
                    "申请获取“{{ 所需信息 }}”。"
                ),
                (
                    "经审查，你（单位）的申请内容不明确。根据《中华人民共和国政府信息公开条例》"
                    "第三十条的规定，请对以下事项作出补正：{{ 补正事项 }}"
                ),
                (
                    "请最迟于{{ 补正期限 }}提交补正材料。答复期限自本机关收到补正后的申请之日起计算；"
                    "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
                ),
            ),
        ),
        Letter(
            EventKind.EXTENSION,
            "延长政府信息公开答复期限告知书",
            "第三十三条第二款",
            (
                (
                    "本机关于{{ 收到日期 }}收到你（单位）提出的{{ 申请名称 }}（编号：{{ 编号 }}），"
                    "申请获取“{{ 所需信息 }}”。"
                ),
                (
                    "因{{ 延长理由 }}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》"
                    "第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长{{ 延长天数 }}个工作日，"
                    "本机关最迟于{{ 答复期限 }}作出答复。"
                ),
            ),
        ),
        Letter(
            EventKind.CONSULTATION_START,
            "政府信息公开征求意见函",
            "第三十二条、第三十四条",
            (
                (
                    "本机关于{{ 收到日期 }}收到一份{{ 申请名称 }}（编号：{{ 编号 }}），"
                    "申请获取“{{ 所需信息 }}”。"
                ),
                (
                    "{{ 征求理由 }}根据《中华人民共和国政府信息公开条例》{{ 条款 }}的规定，现书面征求{{ 收件人 }}的意见。"
                    "请自收到本函之日起15个工作日内提出书面意见（即最迟于{{ 意见期限 }}）。{{ 逾期后果 }}"
                ),
            ),
        ),
        Letter(
            EventKind.FEE_NOTICE,
            "政府信息公开信息处理费收费通知书",
            "第四十二条",
            (
                (
                    "本机关于{{ 收到日期 }}收到你（单位）提出的{{ 申请名称 }}（编号：{{ 编号 }}），"
                    "申请获取“{{ 所需信息 }}”。"
                ),
                (
                    "你（单位）申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》"
                    "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，"
                    "本机关{{ 收费方式 }}收取信息处理费，金额为人民币{{ 金额 }}元。"
                ),
                (
                    "请自收到本通知次日起20个工作日内（即最迟于{{ 缴费期限 }}）缴纳。逾期未缴纳的，视为放弃申请，"
                    "本机关不再处理该政府信息公开申请。"
                ),
            ),
        ),
        Letter(
            EventKind.ART35_DELAY,
            "政府信息公开申请延期答复告知书",
            "第三十五条",
            (
                (
                    "本机关于{{ 收到日期 }}收到你（单位）提出的{{ 申请名称 }}（编号：{{ 编号 }}），"
                    "申请获取“{{ 所需信息 }}”。"
                ),
                (
                    "你（单位）申请公开政府信息的数量、频次明显超过合理范围，经说明理由，本机关认为理由合理，"
                    "但无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，"
                    "本机关最迟于{{ 延期答复日期 }}作出答复。"
                ),
            ),
        ),
        Letter(
            EventKind.REPLY,
            "政府信息公开申请答复书",
            "第三十六条",
            (
                (
                    "本机关于{{ 收到日期 }}收到你（单位）提出的{{ 申请名称 }}（编号：{{ 编号 }}），"
                    "申请获取“{{ 所需信息 }}”。"
                ),
                "经审查，根据《中华人民共和国政府信息公开条例》{{ 条款 }}的规定，现答复如下：{{ 答复内容 }}",
                "{% if 理由 %}理由：{{ 理由 }}{% endif %}",
                "{{ 救济途径 }}",
            ),
        ),
    )
}

#: what the reply letter says for each reply type (replies.REPLY_TYPES), addressed to the applicant
REPLY_SENTENCES = {
    "already_public": "你（单位）申请获取的信息已经主动公开，可以通过本机关政府信息公开平台查阅获取。",
    "granted": "你（单位）申请获取的信息属于公开范围，本机关予以公开，现按你（单位）要求的形式提供。",
    "partially_granted": "你（单位）申请获取的信息中，可以公开的部分予以提供；其余部分不予公开。",
    "denied.admin_query": (
        "你（单位）申请获取的信息属于工商、不动产登记资料等行政查询事项，"
        "请按照有关法律、行政法规的规定办理。"
    ),
    "not_held": "经检索，本机关没有你（单位）所申请的政府信息，该政府信息不存在。",
    "not_responsible": "你（单位）所申请的政府信息不属于本机关负责公开，请向有关机关申请。",
    "needs_creation": "你（单位）所申请的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。",
    "unclear_after_correction": "经补正，你（单位）的申请内容仍不明确，本机关无法提供。",
    "petition_complaint": (
        "你（单位）提出的事项属于信访、投诉、举报，不作为政府信息公开申请处理，请通过相应渠道提出。"
    ),
    "repeat": "你（单位）重复申请公开相同的政府信息，本机关已经作出答复，不予重复处理。",
    "publication": "你（单位）申请获取的是公开出版物，请通过公开出版物的发行渠道获取。",
    "excessive": "你（单位）申请公开政府信息的数量、频次明显超过合理范围，所说明的理由不合理，本机关不予处理。",
    "confirm_or_reissue": "你（单位）要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请，本机关不予处理。",
    "no_correction": "你（单位）无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
    "fee_unpaid": "你（单位）逾期未缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
    "other": "本机关已对你（单位）的申请作出处理。",
    "corrected": "经审核，你（单位）提供的证据证明相关政府信息记录不准确，本机关已予以更正。",
    "correction_refused": "经审核，你（单位）所称的政府信息记录不准确不属实，本机关不予更正。",
    "correction_forwarded": "你（单位）申请更正的政府信息不属于本机关职能范围，本机关已转送有权更正的行政机关处理。",
    "correction_redirected": "你（单位）申请更正的政府信息不属于本机关职能范围，请向有权更正的行政机关提出。",
}
DENIAL_SENTENCE = "你（单位）申请获取的信息属于不予公开的范围，本机关不予公开。"


def reply_sentence(reply_type: str) -> str:
    if reply_type in REPLY_SENTENCES:
        return REPLY_SENTENCES[reply_type]
    if reply_type.startswith("denied."):
        return DENIAL_SENTENCE
    raise KeyError(f"no reply sentence for {reply_type!r}")
