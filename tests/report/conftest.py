"""The labelled dev reports of the shared corpus (tests/corpus.py says where it is)."""

import json
from pathlib import Path

import pytest

from ..corpus import DEV, SHARED, skip_reason

__all__ = ["DEV", "SHARED", "labelled", "seed_path", "skip_reason"]


def labelled(suffixes=(".txt", ".md", ".html")):
    """(input file, its truth labels) for every labelled dev report with one of `suffixes`."""
    if not DEV.is_dir():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=skip_reason(DEV)))]
    out = []
    for truth in sorted(DEV.glob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        for f in sorted(DEV.glob(stem + ".*")):
            if f.suffix.lower() in suffixes:
                out.append(pytest.param(f, json.loads(truth.read_text("utf-8")), id=f.name))
    return out


@pytest.fixture
def seed_path() -> Path:
    path = DEV / "00_guantouzhen_2024.txt"
    if not path.exists():
        pytest.skip(skip_reason(path))
    return path
