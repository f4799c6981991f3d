"""Measure a set PDF as a typographer does: `measure(pdf) -> Quality` (bench/quality.py and the tests use it)."""

from __future__ import annotations

from ebookgen.pdf.measure.boxes import MeasureError, pages_from_boxes
from ebookgen.pdf.measure.quality import Quality, measure, measure_pages

__all__ = ["MeasureError", "Quality", "measure", "measure_pages", "pages_from_boxes"]
