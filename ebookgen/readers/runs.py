"""Inline runs of mapped text: words with their emphasis, written with raw text's `*` marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebookgen.readers.decode import clean

SPACES = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Piece:
    """A run of inline text with its emphasis, or a line break (``text`` None)."""

    text: str | None
    em: bool = False
    strong: bool = False


def plain_of(text: str) -> str:
    """Return raw text as plain text for metadata (a summary): marks and line-break backslashes dropped."""
    return re.sub(r"(?<!\w)\*+|\*+(?!\w)", "", text.replace("\\\n", "\n")).strip()


def split_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Split a paragraph's pieces at its line breaks."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.text is None:
            lines.append([])
        else:
            lines[-1].append(piece)
    return lines


def marked_line(pieces: list[Piece]) -> str:
    """Write one line's runs with `*`, `**` or `***` around the emphasised ones, spaces outside the marks."""
    runs: list[Piece] = []
    for piece in pieces:
        if runs and (runs[-1].em, runs[-1].strong) == (piece.em, piece.strong):
            runs[-1] = Piece(runs[-1].text + piece.text, piece.em, piece.strong)
        else:
            runs.append(piece)
    out = []
    for run in runs:
        text = clean(run.text)
        core = text.strip()
        mark = "*" * (run.em + 2 * run.strong)
        if core and mark:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            out.append(f"{lead}{mark}{core}{mark}{trail}")
        else:
            out.append(text)
    return SPACES.sub(" ", "".join(out)).strip()
