"""The raw-text form's vocabulary (docs/raw-text.md) that more than one stage speaks.

The Markdown reader writes raw text, the outline (``outline.py``) writes a structured document out in it,
and the normaliser's first pass reads it: the fence kinds and the shape of a chat line are declared once,
here, in the model every stage may import.
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

# The kinds a `::: kind` fence may open: verse, an author's note, an author's end note.
FENCED_KINDS = ("verse", "note", "end-note")
# A sender: a name of up to three words, or a screen name (`xXdarkangelXx`, `@sam_w`), then a colon.
CHAT_LINE = lazy(r"^(?P<sender>[@\w][\w.'\u2019@-]{0,24}(?: [\w.'\u2019-]{1,20}){0,2}):[ \t]+(?P<message>\S.*)$")
# What a `Name:` line can be without being a message: an author's note, a header's field, a time.
NOT_SENDERS = lazy(
    r"^(?:a/?n|author'?s? notes?|notes?|disclaimer|warnings?|summary|rating|status|spoilers?|chapter|part|"
    r"ps|p\.s\.|re|date|time|place|location|to|from|subject|cc)$",
    re.I,
)


def is_chat(group: list[str]) -> bool:
    """Tell a block of messages (`Name: message` on every line, two lines at least) from prose."""
    if len(group) < 2:
        return False
    for text in group:
        line = CHAT_LINE.match(text.strip())
        if not line or NOT_SENDERS.match(line.group("sender")):
            return False
    return True


# A pipe table's delimiter row (`|---|:---:|`): a cell of dashes each, a colon at a side aligning its column.
TABLE_DELIMITER = lazy(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
TABLE_CAPTION = lazy(r"^\s*Table:\s+(?P<caption>\S.*)$")
# Alignment by where a delimiter cell's colons stand (a side of the line, so logical: start and end).
ALIGNMENTS = {(True, False): "start", (True, True): "center", (False, True): "end", (False, False): ""}


def table_cells(line: str) -> list[str]:
    """Split a pipe table's row into its cells' text: outer pipes off, an escaped `\\|` kept as a `|`."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)]


def is_pipe_table(group: list[str]) -> bool:
    """Tell a pipe table (a row with a pipe, a delimiter row of as many cells, `Table: caption` before) from prose."""
    rows = group[1:] if group and TABLE_CAPTION.match(group[0]) else group
    if len(rows) < 2 or "|" not in rows[0] or "|" not in rows[1] or not TABLE_DELIMITER.match(rows[1]):
        return False
    return len(table_cells(rows[1])) == len(table_cells(rows[0])) and all("|" in row for row in rows[2:])


def table_alignments(delimiter: str) -> list[str]:
    """Return each column's alignment from a delimiter row: `start`, `center`, `end` or none."""
    return [ALIGNMENTS[cell.startswith(":"), cell.endswith(":")] for cell in table_cells(delimiter)]


# Emphasis a reader has already parsed (the Markdown reader, by CommonMark's rules), handed on in marks no typed text
# holds (Unicode's noncharacters, kept for a program's internal use; private-use characters are a writer's own
# glyphs, and the normaliser's markers), so the raw text's `*` rule never re-reads it: `*foo *bar**` nests as typed.
EM_OPEN, EM_CLOSE, STRONG_OPEN, STRONG_CLOSE = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3"
# A literal `*` or `_` (`\*not emphasis\*`, `2*3*4` in CommonMark) handed on as a stand-in the `*` rule cannot read.
LITERAL_MARKS = {"*": "\ufdd4", "_": "\ufdd5"}
PARSED_MARKS = lazy("([\ufdd0-\ufdd3])")
HANDED_ON = lazy("[\ufdd0-\ufdd5]")  # a parsed mark or a stand-in: a text whose emphasis a reader parsed


LITERAL_RUN = lazy(r"[*_]+")


def as_literal(text: str) -> str:
    """Hand a parsed text's `*` and `_` on as stand-ins where the `*` rule could read them as a mark: they print as
    typed. One between letters (`snake_case`) or between spaces (`2 * 3`) never opens or closes: it stays readable."""
    text = HANDED_ON.sub("", text)  # a noncharacter typed in (never a letter): it would pass for a mark
    return LITERAL_RUN.sub(
        lambda run: run.group() if inert(text, run.start(), run.end()) else stand_in(run.group()), text
    )


def inert(text: str, start: int, end: int) -> bool:
    """Tell a run of marks the `*` rule never reads as one: letters on both sides, or spaces on both sides."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return (before.isalnum() and after.isalnum()) or (before.isspace() and after.isspace())


def stand_in(marks: str) -> str:
    """Return the stand-ins of a run of `*` and `_`."""
    return marks.replace("*", LITERAL_MARKS["*"]).replace("_", LITERAL_MARKS["_"])


def from_literal(text: str) -> str:
    """Turn stand-ins back into the `*` and `_` they stand for, and drop parsed emphasis marks left over."""
    if not HANDED_ON.search(text):
        return text
    return PARSED_MARKS.sub("", text.replace(LITERAL_MARKS["*"], "*").replace(LITERAL_MARKS["_"], "_"))
