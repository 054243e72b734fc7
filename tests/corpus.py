"""Where the shared corpus is, for the tests and the benches: `../shared/corpus` beside the
repository (sessions and CI lay it there). Without it the corpus tests are skipped, each saying
so, except under CI (CI=true), where a missing corpus fails the run before any test."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
DEV = CORPUS / "dev"  # labelled reports: NAME.{txt,pdf,…} with NAME.truth.json
REFERENCE = CORPUS / "reference"  # the format's blank templates
REQUIRED = (DEV, REFERENCE)


def missing() -> list[Path]:
    """The corpus folders that are not there."""
    return [p for p in REQUIRED if not p.is_dir()]


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def skip_reason(path: Path) -> str:
    return f"the shared corpus is not at {path} (lay ../shared/corpus beside the repository)"
