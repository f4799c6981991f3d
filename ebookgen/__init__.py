"""ebookgen: turn a manuscript (plain text, Markdown, Word, a web page, an EPUB) into an EPUB 3 and a print PDF."""

from __future__ import annotations

from ebookgen.version import __version__

EXPORTS = (
    "build_all",
    "build_as",
    "build_epub",
    "build_pdf",
    "check_manuscript",
    "load_book",
    "preflight_pdf",
    "print_options",
    "PrintChoices",
)
__all__ = ["__version__", *EXPORTS]


def __getattr__(name: str):
    """Import the build functions on first use, keeping ``ebookgen --help`` fast."""
    if name in EXPORTS:
        from ebookgen import build

        return getattr(build, name)
    raise AttributeError(name)
