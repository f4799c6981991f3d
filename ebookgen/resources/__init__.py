"""Locate the shared stylesheets and fonts shipped in ``styles/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def styles_dir() -> Path:
    """Return the folder holding base.css, epub.css, print.css and fonts/."""
    package = Path(__file__).resolve().parent.parent  # ebookgen/, beside which a checkout keeps styles/
    for candidate in (package / "styles", package.parent / "styles"):
        if (candidate / "base.css").is_file():
            return candidate
    raise FileNotFoundError("ebookgen's styles/ folder is missing from this installation")


def stylesheet(name: str) -> str:
    """Return the text of one shared stylesheet."""
    return (styles_dir() / name).read_text(encoding="utf-8")
