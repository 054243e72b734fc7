"""Which layout a report is printed in (domain-spec §8.1).

第二十条第（九）项, 本年新制作数量, 上一年项目数量 … are found only in the 2019 trial format;
everything else is read in the 2021 format, the one in force for reports on 2021 onwards.
A 2021 table that prints （六）其他处理 as one row stays a 2021 report with that layout noted
(check S-3 reports it).
"""

from __future__ import annotations

from ..formats import FORMAT_2019, FORMAT_2021, Format
from ..normalize import norm


def detect_format(text: str) -> Format:
    t = norm(text)
    hits19 = sum(norm(m) in t for m in FORMAT_2019.markers)
    hits21 = sum(norm(m) in t for m in FORMAT_2021.markers)
    return FORMAT_2019 if hits19 >= 2 and hits19 > hits21 else FORMAT_2021
