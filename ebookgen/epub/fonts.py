"""Subset the book font for embedding: only the glyphs the book uses, the same bytes every build."""

from __future__ import annotations

import io
from pathlib import Path


def subset_font(path: Path, characters: str) -> bytes:
    """Return the font at path cut down to the given characters, keeping its OpenType features."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = [*subset.Options().layout_features, "smcp", "c2sc", "onum", "pnum"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters + "\u2010\u2026\u00a0")
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()
