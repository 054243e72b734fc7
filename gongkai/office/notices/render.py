"""DOCX letters: the default template drawn with python-docx, rendered with docxtpl in a
sandboxed Jinja environment, so an uploaded template can fill in names but never reach
Python objects (jinja2.sandbox refuses attribute tricks such as __class__)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from .letters import LETTERS


class LetterError(Exception):
    """A template that cannot be read or rendered; the message is shown to the administrator."""


def default_template(kind: str) -> bytes:
    """The letter of `kind` as a DOCX template: heading, addressee, body, seal line and date."""
    letter = LETTERS[kind]
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "仿宋", Pt(16)

    def line(text, align=None, bold=False, indent=False):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
        return p

    line("{{ 机关 }}", WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    line("{{ 文书名称 }}", WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    line("编号：{{ 编号 }}", WD_ALIGN_PARAGRAPH.RIGHT)
    line("{{ 收件人 }}：")
    for text in letter.paragraphs:
        line(text, indent=True)
    line("{{ 机关 }}（印章）", WD_ALIGN_PARAGRAPH.RIGHT)
    line("{{ 日期 }}", WD_ALIGN_PARAGRAPH.RIGHT)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render(template: bytes, values: dict[str, str]) -> bytes:
    """The letter: `template` (DOCX bytes) with `values` filled in."""
    try:
        doc = DocxTemplate(io.BytesIO(template))
        doc.render(values, jinja_env=SandboxedEnvironment(autoescape=True))
    except SecurityError as exc:
        raise LetterError("模板含有不允许的表达式，只能使用文书名称等填写项。") from exc
    except TemplateError as exc:
        raise LetterError(f"模板无法使用：{exc.message or exc.__class__.__name__}") from exc
    except Exception as exc:  # a file that is not a DOCX at all
        raise LetterError("模板不是有效的 DOCX 文件。") from exc
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def custom_template(kind: str, agency=None):
    """The NoticeTemplate used for `agency`'s letters of `kind`: its own, else the default one
    uploaded for all agencies, else None (the packaged default)."""
    from .models import NoticeTemplate

    found = NoticeTemplate.objects.filter(kind=kind, agency__isnull=True)
    if agency is not None:
        own = NoticeTemplate.objects.filter(kind=kind, agency=agency).first()
        if own is not None:
            return own
    return found.first()


def template_for(kind: str, agency=None) -> bytes:
    """The template `agency`'s letters of `kind` are rendered from (custom_template or the
    packaged default)."""
    custom = custom_template(kind, agency)
    if custom is None:
        return default_template(kind)
    with custom.file.open("rb") as f:
        return f.read()
