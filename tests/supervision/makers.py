"""Reports whose every value the test sets, written to files by gongkai's own writers."""

import datetime as dt
import random

from gongkai.report.formats import FORMAT_2019, FORMAT_2021
from gongkai.report.model import AgencyKind, Cell, Report, TextPart
from gongkai.report.write import write


def values(seed: int, fmt=FORMAT_2021, blank_every: int = 7) -> dict[str, str]:
    """Printed text per official cell: small counts, some cells left blank, a few "/"."""
    rnd = random.Random(seed)
    out = {}
    for i, key in enumerate(fmt.cell_keys()):
        column = fmt.specs[key][2]
        if i % blank_every == seed % blank_every:
            out[key] = ""
        elif i % 11 == seed % 11:
            out[key] = "/"
        elif column.decimal:
            out[key] = f"{rnd.randint(0, 99)}.{rnd.randint(1, 9)}"
        elif column.signed:
            out[key] = str(rnd.randint(-5, 5))
        else:
            out[key] = str(rnd.randint(0, 30))
    return out


def build(agency: str, year: int, printed: dict[str, str], fmt=FORMAT_2021, **meta) -> Report:
    texts = meta.pop("text", {})
    report = Report(
        format=fmt,
        agency=agency,
        year=year,
        agency_kind=meta.pop("agency_kind", AgencyKind.DEPARTMENT),
        signed_on=meta.pop("signed_on", dt.date(year + 1, 1, 20)),
        **meta,
    )
    for part in fmt.parts:
        text = texts.get(part.number, f"{agency}{year}年度{part.title}的说明。")
        report.parts[part.number] = TextPart(part.number, part.title, text)
    for key in fmt.cell_keys():
        column = fmt.specs[key][2]
        report.set(Cell.read(key, printed[key], decimal=column.decimal))
    return report


def save(report: Report, folder, name: str, kind: str):
    path = folder / f"{name}.{kind}"
    path.write_bytes(write(report, kind))
    return path


__all__ = ["FORMAT_2019", "FORMAT_2021", "build", "save", "values"]


def zeros(fmt=FORMAT_2021) -> dict[str, str]:
    """Every official cell printed 0: a report whose tables add up."""
    return {k: "0" for k in fmt.cell_keys()}
