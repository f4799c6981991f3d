"""Inline runs of mapped text: a paragraph's words with their emphasis, as the model's inline runs.

What the writer typed stays text: a typed `*` or `#` is a character of a ``Text`` run, never a mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.model import Emphasis, Inline, LineBreak, NoteRef, Strong, Text
from ebookgen.model.maths import formula_of
from ebookgen.patterns import lazy
from ebookgen.readers.decode import clean

SPACES = lazy(r"[ \t\n\r\f]+")
# Where a styled run or a note call sits in a line while its spaces are tidied: Unicode noncharacters, which
# no text carries (they are for a program's own use).
OPEN, CLOSE, NOTE, FORMULA = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd6"
STYLES = {"\ufdd3": (True, False), "\ufdd4": (False, True), "\ufdd5": (True, True)}
STYLE_CODE = {style: code for code, style in STYLES.items()}
SEGMENT = lazy(
    f"{OPEN}(?P<style>.)(?P<text>[^{CLOSE}]*){CLOSE}|{NOTE}(?P<note>[^{NOTE}]*){NOTE}"
    f"|{FORMULA}(?P<formula>[^{FORMULA}]*){FORMULA}"
)


@dataclass(frozen=True)
class Piece:
    """A run of inline text with its emphasis, a line break (``text`` None), a note call (``note``) or a formula
    (``formula``, its key: ``model.maths``)."""

    text: str | None
    em: bool = False
    strong: bool = False
    note: str = ""
    formula: str = ""


def split_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Split a paragraph's pieces at its line breaks."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.text is None and not piece.note and not piece.formula:
            lines.append([])
        else:
            lines[-1].append(piece)
    return lines


def line_runs(pieces: list[Piece]) -> tuple[Inline, ...]:
    """Return one line's runs: like runs merged, spaces outside the emphasis, collapsed and trimmed."""
    runs: list[Piece] = []
    for piece in pieces:
        if runs and piece.text and runs[-1].text and (runs[-1].em, runs[-1].strong) == (piece.em, piece.strong):
            runs[-1] = Piece(runs[-1].text + piece.text, piece.em, piece.strong)
        else:
            runs.append(piece)
    out = []
    for run in runs:
        if run.note or run.formula:
            out.append(f"{NOTE}{run.note}{NOTE}" if run.note else f"{FORMULA}{run.formula}{FORMULA}")
            continue
        text = clean(run.text)
        core = text.strip()
        if core and (run.em or run.strong):
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            out.append(f"{lead}{OPEN}{STYLE_CODE[run.em, run.strong]}{core}{CLOSE}{trail}")
        else:
            out.append(text)
    return inlines_of(SPACES.sub(" ", "".join(out)).strip())


def inlines_of(line: str) -> tuple[Inline, ...]:
    """Rebuild the runs of a tidied line from its styled segments and note calls."""
    runs: list[Inline] = []
    position = 0
    for match in SEGMENT.finditer(line):
        if match.start() > position:
            runs.append(Text(line[position : match.start()]))
        if match.group("note") is not None:
            runs.append(NoteRef(match.group("note")))
        elif match.group("formula") is not None:
            runs.append(formula_of(match.group("formula")))
        else:
            em, strong = STYLES[match.group("style")]
            inner: Inline = Text(match.group("text"))
            inner = Emphasis((inner,)) if em else inner
            runs.append(Strong((inner,)) if strong else inner)
        position = match.end()
    if position < len(line):
        runs.append(Text(line[position:]))
    return tuple(runs)


def paragraph_runs(pieces: list[Piece]) -> list[tuple[Inline, ...]]:
    """Return the paragraphs of collected pieces as runs: lines kept with line breaks, an empty line ending one."""
    paragraphs: list[list[tuple[Inline, ...]]] = [[]]
    for line in (line_runs(line) for line in split_lines(pieces)):
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [joined(lines, (LineBreak(),)) for lines in paragraphs if lines]


def joined(lines: list[tuple[Inline, ...]], between: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Join runs of several lines with a separator's runs between them."""
    out: list[Inline] = []
    for index, line in enumerate(lines):
        out.extend(between if index else ())
        out.extend(line)
    return tuple(out)
