"""The pre-publication scanner (条例第十七条): personal data and secrecy marks in a text or a file.

Pure Python, no Django. The interface the office and the command use:

    scan_text(text: str) -> list[Flag]
    scan_file(path) -> ScanResult

`Flag` has `kind` (身份证号, 手机号, 银行卡号, 密级标志, 未能扫描: `flags.KINDS`), `line` (1-based
in the scanned text), `page` (PDF page or image number, or None), `start`/`end` (offsets into
the scanned text: `ScanResult.text` for a file), `excerpt` (the text around it, every personal
value masked), `value_masked` (4201**********1234), `detail` and `location` (where a reader
placed the line: 表格1 第2行, 页眉).

`ScanResult` has `flags` and `unscanned_reason`: None when all of the file's text was read,
else a Chinese reason (扫描件无文字层，OCR 未能读取; the reader's message for a damaged file);
`flags` then holds a 未能扫描 flag too, so a caller that only looks at flags never takes an
unread file for a clean one. `scan_file` does not raise for a bad file.
"""

from .files import scan_file
from .flags import KINDS, Flag, ScanResult
from .scan import scan_text

__all__ = ["KINDS", "Flag", "ScanResult", "scan_file", "scan_text"]
