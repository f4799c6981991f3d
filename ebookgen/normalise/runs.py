"""Carry a structured paragraph's inline runs through the text rules as one string, and rebuild them after.

Typography works on a paragraph's whole text (a quote may open in roman and close in italics), so the
runs of a Word, web or EPUB paragraph are written into one string with each run's edges as Unicode
noncharacters, which no text carries; the typography rules look through them as they look through a
raw text's `*` (``typography.TRANSPARENT``), and ``runs_of`` rebuilds the runs from them. A `*` or `[^1]`
the writer typed stays a character: only these marks are read back.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.model import Emphasis, Formula, Inline, LineBreak, NoteRef, Strong, Text
from ebookgen.model.maths import FORMULA, formula_key, formula_of

EM_OPEN, EM_CLOSE, STRONG_OPEN, STRONG_CLOSE, NOTE = "\ufdd8", "\ufdd9", "\ufdda", "\ufddb", "\ufddc"
RUN_MARKS = frozenset((EM_OPEN, EM_CLOSE, STRONG_OPEN, STRONG_CLOSE, NOTE, FORMULA))
OPENS = {EM_OPEN: (EM_CLOSE, Emphasis), STRONG_OPEN: (STRONG_CLOSE, Strong)}
# The raw-text marks each run mark stands for, where a rule over a whole paragraph reads its typed shape.
AS_MARKS = str.maketrans({EM_OPEN: "*", EM_CLOSE: "*", STRONG_OPEN: "**", STRONG_CLOSE: "**", NOTE: "", FORMULA: "$"})


@dataclass(frozen=True)
class Encoded(Text):
    """A structured paragraph's runs written as one string with run marks, until typesetting rebuilds them."""


def encoded(inlines: tuple[Inline, ...]) -> str:
    """Write inline runs as one string, each run's edges a run mark, a kept line end a newline."""
    out = []
    for run in inlines:
        if isinstance(run, Text):
            out.append(run.text)
        elif isinstance(run, LineBreak):
            out.append("\n")
        elif isinstance(run, NoteRef):
            out.append(f"{NOTE}{run.label}{NOTE}")
        elif isinstance(run, Formula):
            out.append(f"{FORMULA}{formula_key(run)}{FORMULA}")
        elif isinstance(run, Strong):
            out.append(f"{STRONG_OPEN}{encoded(run.children)}{STRONG_CLOSE}")
        elif isinstance(run, Emphasis):
            out.append(f"{EM_OPEN}{encoded(run.children)}{EM_CLOSE}")
    return "".join(out)


def runs_of(text: str) -> tuple[Inline, ...]:
    """Rebuild the inline runs of a string written by ``encoded`` (after typography has run over it)."""
    stack: list[tuple[str, type, list[Inline]]] = [("", Text, [])]
    plain: list[str] = []
    note: list[str] | None = None
    closes = NOTE

    def end_text() -> None:
        if plain:
            stack[-1][2].append(Text("".join(plain)))
            plain.clear()

    for char in text:
        if note is not None:
            if char == closes:
                key = "".join(note)
                stack[-1][2].append(NoteRef(key) if closes == NOTE else formula_of(key))
                note = None
            else:
                note.append(char)
        elif char in (NOTE, FORMULA):
            end_text()
            note, closes = [], char
        elif char in OPENS:
            end_text()
            stack.append((*OPENS[char], []))
        elif len(stack) > 1 and char == stack[-1][0]:
            end_text()
            _, kind, children = stack.pop()
            stack[-1][2].append(kind(tuple(children)))
        elif char == "\n":
            end_text()
            stack[-1][2].append(LineBreak())
        else:
            plain.append(char)
    end_text()
    while len(stack) > 1:  # A run a rule left open ends with the paragraph.
        _, kind, children = stack.pop()
        stack[-1][2].append(kind(tuple(children)))
    return tuple(stack[0][2]) or (Text(""),)


def as_marks(text: str) -> str:
    """Return an encoded string with raw text's `*` marks in place of its run marks, for a whole-paragraph rule."""
    return text.translate(AS_MARKS)


def is_encoded(inlines: tuple[Inline, ...]) -> bool:
    """Tell runs carried encoded (a structured paragraph's) from raw text's (parsed for marks)."""
    return any(isinstance(run, Encoded) for run in inlines)
