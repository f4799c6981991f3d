"""ebookgen: turn a raw text manuscript into a valid EPUB 3 and a print-ready PDF."""

from __future__ import annotations

from ebookgen.version import __version__

__all__ = ["__version__", "build_epub", "build_pdf", "load_book"]


def __getattr__(name: str):
    """Import the build functions on first use, keeping ``ebookgen --help`` fast."""
    if name in ("build_epub", "build_pdf", "load_book"):
        from ebookgen import build

        return getattr(build, name)
    raise AttributeError(name)
