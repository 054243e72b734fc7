"""Regular expressions compiled when first used, not when their module is imported.

Compiling is slow in a fresh process (re's parser and compiler are Python): the reader's
module-level patterns cost a `gongkai parse` of a text report about a quarter of its
instructions, and an input uses only some of them (issue #9, bench/parse_process.py). A
`lazy(...)` pattern is compiled on its first match; from then on its methods are the compiled
pattern's own, so a hot loop pays nothing for the laziness.
"""

from __future__ import annotations

import re

from .record import TYPE_CHECKING

#: the methods a first use binds straight to the compiled pattern
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall")


class _Lazy:
    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str):
        """Only for what the instance lacks: the first use compiles and binds the methods."""
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


if TYPE_CHECKING:
    from typing import AnyStr

    def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]: ...

else:
    lazy = _Lazy
