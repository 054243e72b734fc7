"""A value kept as compressed pickle bytes until it is read again.

A folder run holds every report it read until the years are paired and the outputs written.
As objects a text report and its findings take some 300 KB (the findings' messages, sources and
evidence are most of it), so a folder of 10,000 held 3 GB in the parent; packed they take about
25 KB, and cross from a worker process as one bytes object instead of thousands of objects.
"""

from __future__ import annotations

import pickle
import zlib
from typing import Generic, TypeVar

T = TypeVar("T")
#: zlib's fastest level: a fifth of the pickle's size, at a third of the CPU of the default
LEVEL = 1


class Packed(Generic[T]):
    __slots__ = ("data",)

    def __init__(self, value: T):
        self.data = zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), LEVEL)

    def open(self) -> T:
        """A new copy of the value."""
        return pickle.loads(zlib.decompress(self.data))

    def __len__(self) -> int:
        return len(self.data)
