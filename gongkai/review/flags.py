"""What the scanner reports: the kinds of finding, one `Flag` per finding, one `ScanResult` a file.

The kinds are written here once; the command, the office and the tests import them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ID_NUMBER = "身份证号"
MOBILE = "手机号"
BANK_CARD = "银行卡号"
SECRECY_MARK = "密级标志"
#: a file (or a page) whose text could not be read: never passed as clean
UNSCANNED = "未能扫描"
KINDS = (ID_NUMBER, MOBILE, BANK_CARD, SECRECY_MARK, UNSCANNED)
#: the detail of a number OCR read with a wrong check digit: flagged, since a misread digit
#: would otherwise hide a real number
OCR_MISREAD = "OCR 识别，校验位不符，可能识别有误"


@dataclass(frozen=True)
class Hit:
    """One value a detector found, before it is placed on a line and cut into an excerpt."""

    kind: str
    start: int
    end: int
    value_masked: str
    detail: str = ""


@dataclass(frozen=True)
class Flag:
    """One finding the reviewer must settle.

    `start`/`end` are offsets into the scanned text (`ScanResult.text` for a file), `line` is
    1-based in that text, `page` is the PDF page or image number (None where a file has no
    pages). `excerpt` is the text around the value with every personal value in it masked;
    the unmasked value is never kept.
    """

    kind: str
    line: int | None
    page: int | None
    start: int
    end: int
    excerpt: str
    value_masked: str
    detail: str = ""
    #: where in the document, in Chinese (表格1 第3行 第2列), when the reader knows it
    location: str | None = None

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "line": self.line,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "value_masked": self.value_masked,
            "detail": self.detail,
            "location": self.location,
        }


@dataclass
class ScanResult:
    """The flags of one file. `unscanned_reason` is None when all of its text was read; else a
    Chinese reason, and `flags` then also holds a 未能扫描 flag saying so."""

    flags: list[Flag] = field(default_factory=list)
    unscanned_reason: str | None = None
    #: the extracted text the flags' offsets and lines refer to
    text: str = ""

    @property
    def clean(self) -> bool:
        return not self.flags and self.unscanned_reason is None
