"""Write a file whole or not at all: a reader never sees half an output (a killed run, a full
disk). The bytes go to NAME.part beside the target, which then replaces it in one rename."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: str | Path, data: bytes | Iterable[bytes]) -> None:
    """Write `data` to `path` whole; on an error nothing is left behind and the error is raised.
    `data` may come in pieces (a large output written as it is made, never whole in memory)."""
    out = Path(path)
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("wb") as f:
            if isinstance(data, bytes | bytearray):
                f.write(data)
            else:
                for piece in data:
                    f.write(piece)
        tmp.replace(out)
    except BaseException:  # a piece that failed to be made, too
        tmp.unlink(missing_ok=True)
        raise
