"""A lazy pattern is compiled on its first use and then behaves as the compiled pattern."""

import re

import pytest

from gongkai.report.lazy_pattern import lazy


def test_a_lazy_pattern_finds_what_the_compiled_one_finds():
    text = "第 4 页 共 6 页\n— 5 —\n合计 12,345"
    for source, flags in ((r"\d+", 0), (r"^(—|第)\s*(\d)", re.MULTILINE), (r"合计\s*(\S+)", 0)):
        lazy_one, compiled = lazy(source, flags), re.compile(source, flags)
        assert [m.span() for m in lazy_one.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert lazy_one.findall(text) == compiled.findall(text)
        assert lazy_one.sub("#", text) == compiled.sub("#", text)
        assert lazy_one.split(text) == compiled.split(text)
        assert bool(lazy_one.match(text)) == bool(compiled.match(text))
    assert lazy(rb"charset=(\w+)", re.I).search(b"<meta CHARSET=gbk>").group(1) == b"gbk"
    assert lazy(r"\d+").pattern == r"\d+"


def test_it_is_compiled_only_when_first_used_and_then_is_the_compiled_pattern():
    broken = lazy("(")  # a module holding it imports fine
    with pytest.raises(re.error):
        broken.match("x")
    digits = lazy(r"\d")
    assert digits.fullmatch("7")
    assert isinstance(digits.match.__self__, re.Pattern)  # no wrapper left on a hot path
