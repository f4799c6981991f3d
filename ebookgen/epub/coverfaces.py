"""The generated cover's type in every script: each run of a line in a face that has its glyphs.

EB Garamond sets what it has; a run of Hebrew, Arabic, Japanese, Korean or Chinese (or a symbol) is set
in the print edition's fallback face for its script (``ebookgen.resources.faces``), found by path. Pillow shapes
each run with HarfBuzz through libraqm where it has it (``PIL.features.check('raqm')``), so Arabic letters
join and Hebrew and Arabic runs read right to left (without raqm, a right-to-left run is only reversed); a line
whose first letter is right to left sets its runs from the right. A character no face has is left out of the
drawing (never a box) and named in a note.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ebookgen.resources.faces import CJK_VARIANTS, FALLBACKS, HANGUL, covered, face_characters, find_file, single_face

# Characters that belong to the run around them: spaces, punctuation and marks are set in the run's face
# when it has them (so an Arabic phrase with its spaces is shaped as one run).
JOINING = ("Zs", "Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Mn", "Me", "Cf")


@dataclass(frozen=True)
class Run:
    """A piece of a line set in one face: its text and the face's file (and index in a collection)."""

    text: str
    path: Path
    index: int = 0


@functools.cache
def raqm() -> bool:
    """Tell whether Pillow shapes text with HarfBuzz (libraqm) here."""
    from PIL import features

    return bool(features.check("raqm"))


@functools.lru_cache(maxsize=64)
def run_font(path: Path, index: int, size: int):
    """Load a face at a size, shaped by raqm where Pillow has it."""
    from PIL import ImageFont

    engine = ImageFont.Layout.RAQM if raqm() else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, index=index, layout_engine=engine)


def fallback_for(char: str) -> tuple[Path, int] | None:
    """Return the file (and index) of the first installed fallback face that has a character."""
    point = ord(char)
    hangul = any(low <= point <= high for low, high in HANGUL)
    for fallback in (*CJK_VARIANTS[:1], *FALLBACKS) if hangul else FALLBACKS:
        if point in covered(fallback):
            return single_face(find_file(fallback.regular), fallback.index), 0
    return None


def face_of(char: str, text_face: Path) -> tuple[Path, int] | None:
    """Return the face a character is set in: the text face when it has it, else its script's fallback."""
    if ord(char) in face_characters(text_face):
        return text_face, 0
    return fallback_for(char)


def line_runs(line: str, text_face: Path) -> list[Run]:
    """Split a line into runs of one face each; characters no face has are left out."""
    runs: list[Run] = []
    for char in line:
        joins = unicodedata.category(char) in JOINING
        if runs and joins and ord(char) in face_characters(runs[-1].path, runs[-1].index):
            runs[-1] = Run(runs[-1].text + char, runs[-1].path, runs[-1].index)
            continue
        face = face_of(char, text_face)
        if face is None:
            continue
        if runs and (runs[-1].path, runs[-1].index) == face:
            runs[-1] = Run(runs[-1].text + char, *face)
        else:
            runs.append(Run(char, *face))
    return runs


def in_text_face(line: str, text_face: Path) -> bool:
    """Tell whether the text face has every character of a line (the cover's common case)."""
    return set(map(ord, line)) <= face_characters(text_face)


def right_to_left(line: str) -> bool:
    """Tell whether a line's first strong character is right to left (Hebrew, Arabic)."""
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def run_width(run: Run, size: int) -> float:
    """Return a run's shaped advance at a size."""
    return run_font(run.path, run.index, size).getlength(run.text)


def mixed_width(line: str, face) -> float:
    """Return the width of a line set run by run, each in its own face."""
    return sum(run_width(run, face.size) for run in line_runs(line, Path(face.path)))


def draw_mixed(draw, line: str, face, top: float, fill, width: int) -> None:
    """Draw one centred line run by run, each run shaped in its face; right to left where the line is."""
    runs = line_runs(line, Path(face.path))
    x = (width - sum(run_width(run, face.size) for run in runs)) / 2
    for run in reversed(runs) if right_to_left(line) else runs:
        font = run_font(run.path, run.index, face.size)
        # Without raqm Pillow sets letters in stored order: a right-to-left run is drawn reversed (unjoined).
        text = run.text[::-1] if not raqm() and right_to_left(run.text) else run.text
        draw.text((x, top), text, font=font, fill=fill)
        x += run_width(run, face.size)


def unset_on_cover(texts: list[str], text_face: Path) -> list[str]:
    """Return the characters of the cover's texts that no face has, each once, in order."""
    unset = [
        char
        for text in texts
        for char in text
        if not char.isspace() and unicodedata.category(char) not in ("Cf", "Mn") and face_of(char, text_face) is None
    ]
    return list(dict.fromkeys(unset))
