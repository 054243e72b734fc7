"""The base classes of the model's, the format's and the reader's records.

Not `dataclasses`: importing it (it imports `inspect`, and that `ast`, `dis`, `tokenize`) and
building some 25 classes with it was a fifth of a fresh `gongkai parse` of a text report
(issue #9, bench/parse_process.py). Nor `typing.NamedTuple`: `typing` costs as much again.

- `Frozen` is `typing.NamedTuple` to mypy and, at run time, the same thing built straight from
  `collections.namedtuple`: fields and defaults written as annotations in the class body,
  immutable, hashable, ==, repr and `_replace`.
- `Record` is a mutable record: the class writes its `__init__` (cheap to call, the reader makes
  thousands), its fields are that `__init__`'s parameters, and `Record` gives == and repr over
  them, and `replace`, like a dataclass (unhashable, as a mutable dataclass is).
"""

from __future__ import annotations

from collections import namedtuple

#: typing.TYPE_CHECKING without importing typing (mypy reads any `if TYPE_CHECKING:` so)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Self


class Record:
    """A mutable record whose fields are the parameters of its class's `__init__`."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable: never a dict key, as a dataclass

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        code = cls.__init__.__code__
        cls.FIELDS = code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.FIELDS)

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.FIELDS)
        return f"{type(self).__qualname__}({fields})"

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` (dataclasses.replace)."""
        return type(self)(**{f: changes.get(f, getattr(self, f)) for f in self.FIELDS})


if TYPE_CHECKING:
    from typing import NamedTuple as Frozen
else:

    class _FrozenType(type):
        """Makes `class X(Frozen): a: int; b: str = ""` a `collections.namedtuple` subclass."""

        def __new__(mcls, name, bases, ns):
            if not bases:
                return super().__new__(mcls, name, bases, ns)
            fields = tuple(ns.get("__annotations__", ()))
            has_default = [f in ns for f in fields]
            if has_default != sorted(has_default):
                raise TypeError(f"{name}: a field without a default after one with a default")
            defaults = [ns.pop(f) for f in fields if f in ns]
            base = namedtuple(name, fields, defaults=defaults, module=ns.get("__module__"))
            return type(name, (base,), {"__slots__": (), **ns})

    class Frozen(metaclass=_FrozenType):
        """An immutable record (see the module's docstring)."""
