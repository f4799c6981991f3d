"""The preflight's look at an ebookgen PDF's faces: text set in a face the book did not choose.

ebookgen names every face of the printed book by file: EB Garamond, the themes' faces and the fallback
faces, the last under family names of its own ("ebookgen Noto Serif Hebrew"). A font of any other name in
a PDF that says ebookgen made it was found on the host by name (Noto Color Emoji, DejaVu...), as ebookgen
before 0.2 let fontconfig do: its text may run past the margins or print in colour. Another tool's PDF is
not judged: any face may be its own.
"""

from __future__ import annotations

from ebookgen.resources.faces import FALLBACKS
from ebookgen.themes import THEMES

MADE_BY = "ebookgen"


def chosen_families() -> tuple[str, ...]:
    """Return the families of every face the book may be set in, as the PDF writes them (spaces as hyphens)."""
    families = {"EB Garamond", *(face.family for theme in THEMES.values() for face in theme.faces)}
    families |= {fallback.family for fallback in FALLBACKS} | {"ebookgen"}
    return tuple(sorted(family.replace(" ", "-") for family in families))


def chosen(base_font: str) -> bool:
    """Tell whether a PDF font name (ABCDEF+EB-Garamond-Italic) is one of the book's own faces."""
    name = base_font.lstrip("/").split("+", 1)[-1]
    return any(name == family or name.startswith(f"{family}-") for family in chosen_families())


def made_by_ebookgen(pdf) -> bool:
    """Tell whether the PDF's document information says ebookgen made it."""
    info = pdf.trailer.get("/Info")
    return info is not None and str(info.get("/Creator", "")) == MADE_BY


def foreign_face_failures(pdf, page_fonts) -> list[str]:
    """Fail text set in a face the book did not choose, naming the faces."""
    if not made_by_ebookgen(pdf):
        return []
    foreign: dict[str, None] = {}
    for page in pdf.pages:
        for font in page_fonts(page.obj.get("/Resources"), set()):
            name = str(font.get("/BaseFont", "/unnamed")).lstrip("/")
            if not chosen(name):
                foreign[name.split("+", 1)[-1]] = None
    if not foreign:
        return []
    listed = ", ".join(foreign)
    return [
        f"fonts: text set in faces the book did not choose, found on the machine by name: {listed}; rebuild the PDF"
    ]
