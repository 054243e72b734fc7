"""Write a file whole or not at all: a reader never sees half an output (a killed run, a full
disk). The bytes go to NAME.part beside the target, which then replaces it in one rename."""

from __future__ import annotations

from pathlib import Path


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` whole; on OSError nothing is left behind and the error is raised."""
    out = Path(path)
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
