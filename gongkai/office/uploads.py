"""What the office accepts as an uploaded file: one size limit, and the kinds of document an
office keeps (a reply letter, a scan, a spreadsheet), each checked by its first bytes, so that
a program renamed .pdf is refused as well as a .exe.

nginx in front should allow a little more than MAX_UPLOAD_MB (client_max_body_size, README).
"""

from __future__ import annotations

from pathlib import PurePath

from django import forms

MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word/Excel
_ZIP = b"PK\x03\x04"  # DOCX, XLSX, OFD
#: suffix → the first bytes a file of that kind starts with (None: text, checked as such)
DOCUMENT_KINDS = {
    ".pdf": (b"%PDF-",),
    ".ofd": (_ZIP,),
    ".doc": (_OLE,),
    ".docx": (_ZIP,),
    ".xls": (_OLE,),
    ".xlsx": (_ZIP,),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".txt": None,
}
SPREADSHEET_KINDS = {k: DOCUMENT_KINDS[k] for k in (".xlsx",)} | {".csv": None}
#: an annual report as agencies publish it: any document above, a web page, or gongkai's JSON
REPORT_KINDS = DOCUMENT_KINDS | {".html": None, ".htm": None, ".json": None}


def _looks_like_text(head: bytes) -> bool:
    return b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff"))


class CheckedFileField(forms.FileField):
    """A FileField refusing files over MAX_UPLOAD_BYTES and kinds not in `kinds`."""

    def __init__(self, *args, kinds=DOCUMENT_KINDS, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"文件过大：不能超过 {MAX_UPLOAD_MB} MB。")
        suffix = PurePath(upload.name).suffix.lower()
        names = "、".join(self.kinds)
        if suffix not in self.kinds:
            raise forms.ValidationError(
                f"不接受这种文件（{suffix or '无扩展名'}）；可上传：{names}。"
            )
        head = upload.read(16)
        upload.seek(0)
        starts = self.kinds[suffix]
        if (starts is None and not _looks_like_text(head)) or (
            starts is not None and not head.startswith(starts)
        ):
            raise forms.ValidationError(f"文件内容与扩展名 {suffix} 不符，请检查文件。")
        return upload
