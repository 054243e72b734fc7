"""Where the shared corpus is: `../shared` beside the repository (the session and CI lay it so)."""

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def labelled(suffixes=(".txt", ".md", ".html")):
    """(input file, its truth labels) for every labelled dev report with one of `suffixes`."""
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
        pytest.skip(f"the shared corpus is not at {DEV}")
    return path
