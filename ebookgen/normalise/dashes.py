"""Dashes by language: speech opened with a dash, spaced dashes inside a sentence, and ranges.

Writers type a dash as they can: `- Dzień dobry - powiedziała.`, `-- Eu sei -- disse`, `huset - det
gule hus`. A language's ``Dashes`` record (its file under ``ebookgen/languages/``) says what each
becomes: a spaced em dash in Russian, Ukrainian and Portuguese, a spaced en dash in the Nordic
languages, German, Dutch, Czech, Hungarian and French. English keeps the closed em dash of
``typography.make_dashes``; Spanish its raya (``languages/es.py``).
"""

from __future__ import annotations

from ebookgen.languages import Dashes
from ebookgen.patterns import lazy

NAME_DASH = lazy(r"-{4,}")
# A line of speech: it opens with one to three hyphens or a dash, then words (not a number, not a list's rule).
SPEECH_OPENING = lazy(r"^[ \t]*(?:-{1,3}|[\u2013\u2014])[ \t]*(?=[^\s\d\-\u2013\u2014])")
# Two or three hyphens between words, spaced or closed, or at the end of a line (speech broken off).
DOUBLE_HYPHEN = lazy(r"(?<=\S)[ \t]*-{2,3}(?:[ \t]*(?=\S)|[ \t]*$)")
# One hyphen with a space either side, between words: a dash typed the quick way.
SPACED_HYPHEN = lazy(r"(?<=\S)[ \t]+-[ \t]+(?=\S)")
# One hyphen after a space at the end of a line of speech: its closing dash (`- Да! -`).
TRAILING_HYPHEN = lazy(r"(?<=\S)[ \t]+-[ \t]*$")
# A dash typed as the character with a space either side (`ist – eine`, `ist — eine`).
SPACED_DASH = lazy(r"(?<=\S)[ \t]+[\u2013\u2014][ \t]+(?=\S)")


def set_dashes(text: str, dashes: Dashes) -> str:
    """Set a paragraph's typed dashes as its language does, line by line: speech first, then the sentence's."""
    if "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return text  # most paragraphs of most books: nothing to do
    return "\n".join(set_line_dashes(line, dashes) for line in text.split("\n"))


def set_line_dashes(line: str, dashes: Dashes) -> str:
    """Set one line's dashes: a line of speech takes the dialogue dash throughout, any other the sentence dash."""
    # Four or more hyphens stand for a name left out: a two-em dash.
    line = NAME_DASH.sub("\u2e3a", line)
    opening = SPEECH_OPENING.match(line) if dashes.dialogue else None
    dash = dashes.dialogue.strip() if opening else dashes.sentence
    if opening:
        # A line of speech opens with the dialogue dash and a space (`— Dzień dobry`), indent dropped.
        line = dashes.dialogue + line[opening.end() :]
    if not dashes.spaced and not opening:
        return DOUBLE_HYPHEN.sub(dash, SPACED_HYPHEN.sub(dash, line))
    # Inside the sentence: a dash between words, spaced, or ending speech broken off (`Eu sei —`).
    end = len(line)
    line = DOUBLE_HYPHEN.sub(lambda match: f" {dash} " if match.end() < end else f" {dash}", line)
    line = SPACED_HYPHEN.sub(f" {dash} ", line)
    if opening:
        line = TRAILING_HYPHEN.sub(f" {dash}", line)
    return SPACED_DASH.sub(f" {dash} ", line)
