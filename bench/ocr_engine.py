"""What the OCR benches share: the machine's load for the line beside a figure, and the
engine's models loaded and timed once per process, before any page is measured."""

from __future__ import annotations

import os
import time

from gongkai.report.read import ocr


def load() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def load_engine() -> str:
    """Build the OCR engine and load both of its models now; their wall and CPU seconds."""
    t0, c0 = time.perf_counter(), time.process_time()
    ocr._engine()._load_det_model()
    ocr._engine()._load_rec_model()
    return (
        f"OCR engine loaded once per process in {time.perf_counter() - t0:.2f} s wall, "
        f"{time.process_time() - c0:.2f} s CPU ({load()})"
    )
