"""What the ledger changed after publication: the cells of the published version that today's
compilation would print differently. A correction never touches the published version; the
report page lists these cells and the 负责人 decides whether to publish a new version."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.checks.naming import cell_name, value_text
from gongkai.report.model import Report


@dataclass(frozen=True)
class ChangedCell:
    key: str
    name: str  # 表二"（一）予以公开"行"自然人"列
    published: str
    now: str


def changed_cells(published: Report, current: Report) -> list[ChangedCell]:
    """The official cells whose printed value differs, in table order."""
    fmt = current.format
    if published.format is not fmt:
        return []
    changed = []
    for key in fmt.cell_keys(official_only=True):
        before, after = published.cells.get(key), current.cells.get(key)
        if value_text(before) != value_text(after):
            changed.append(
                ChangedCell(key, cell_name(fmt, key), value_text(before), value_text(after))
            )
    return changed
