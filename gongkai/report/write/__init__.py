"""Writers: each takes a `Report` and returns the bytes of one output kind.

A writer module defines `write(report) -> bytes` and `SUFFIX`; nothing in a writer depends
on the kind of input the report was read from.
"""

from __future__ import annotations

import importlib

WRITERS = {
    "cells": "cells_json",  # spec/cells.md: the 200 numbers, null for blank and "/"
    "json": "full_json",  # every cell with raw text, state and source; parts; metadata
    "md": "markdown",
    "html": "html",  # standalone print-ready page
    "xlsx": "xlsx",
    "csv": "table_csv",  # one line per cell: table, row, column, value, state
    "docx": "docx",  # the official layout, A4, merged header cells
}


def writer(kind: str):
    """The writer module for `kind` (one of WRITERS)."""
    if kind not in WRITERS:
        raise KeyError(f"unknown output kind {kind!r}; one of {', '.join(WRITERS)}")
    return importlib.import_module(f"{__name__}.{WRITERS[kind]}")


def write(report, kind: str) -> bytes:
    return writer(kind).write(report)
