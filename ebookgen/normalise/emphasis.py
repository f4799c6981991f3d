"""Parse a block's inline marks into runs: ``*em*`` or ``_em_``, ``**strong**``, ``***both***``, note calls
(``[^label]``) and kept line ends (a newline in the block's text, from a raw-text line ending in ``\\``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from ebookgen.model import Emphasis, Inline, LineBreak, NoteRef, Strong, Text
from ebookgen.model.rawtext import EM_CLOSE, EM_OPEN, HANDED_ON, PARSED_MARKS, STRONG_CLOSE, STRONG_OPEN, from_literal
from ebookgen.patterns import lazy

# A letter of a script written without spaces between words (kana, CJK ideographs, Hangul): a marker beside one
# still opens or closes (`と*強調*だ`), as a marker beside a Latin letter does not (`2*3*4`, `snake_case_name`).
SPACELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
WORD_NOT_SPACELESS = f"[^\\W{SPACELESS}]"
# An opening marker follows a space, the start, punctuation or a spaceless letter and comes before a non-space;
# the closing marker mirrors it. The same marker must close what it opened.
EMPHASIS = lazy(
    rf"(?<!{WORD_NOT_SPACELESS})(?<!\*)(?P<mark>\*{{1,3}}|_{{1,3}})(?=[^\s*_])(?P<body>.+?)(?<=[^\s*_])(?P=mark)"
    rf"(?!{WORD_NOT_SPACELESS})(?!\*)",
    re.DOTALL,
)
NOTE_CALL = lazy(r"\[\^(?P<label>[^\]\s]+)\]")
# What EMPHASIS and NOTE_CALL match, found in one pass: a run of marks, a place a note's label stops, a letter.
# (`[*_]` first, then the same mark again: sre scans for a leading character set at C speed, where `\*+|_+`
# tried both branches at every character; the same runs.)
MARK_RUN = lazy(r"[*_](?:(?<=\*)\**|(?<=_)_*)")
LABEL_STOP = lazy(r"[\]\s]")
WORD_LETTER = lazy(WORD_NOT_SPACELESS)
# Deeper than this, a mark inside emphasis stays as typed: no book nests emphasis so, and each level costs a pass.
MOST_NESTED = 50


class Marked(NamedTuple):
    """One emphasised span of a text: where it starts and ends, its mark's length, and its body (a named tuple:
    a paragraph makes a few, and a frozen dataclass's `__init__` cost four times as much)."""

    start: int
    end: int
    strength: int
    body: str


def emphasis_spans(text: str) -> Iterator[Marked]:
    """Find what ``EMPHASIS.finditer`` finds, in one pass over the text's runs of marks.

    The pattern tries every opening mark against every later place, so a paragraph of marks that never close
    (`_a _a _a`, Markdown's `*a *a`) took time growing with its square (160 KB: 79 s). Both of its ends are a
    whole run of one to three of the same mark (a run's inner marks fail its look-arounds), so each run is an
    opener or not, a closer or not, and an opener's closer is the next closer of the same run.
    """
    if "*" not in text and "_" not in text:
        return  # most paragraphs: no mark to look at
    runs = [span for span in map(re.Match.span, MARK_RUN.finditer(text)) if span[1] - span[0] <= 3]
    closers: dict[str, list[int]] = {}
    for start, end in runs:
        if closes(text, start, end):
            closers.setdefault(text[start:end], []).append(start)
    position = 0
    for start, end in runs:
        if start < position or not opens(text, start, end):
            continue
        mark = text[start:end]
        found = closers.get(mark, [])
        index = bisect.bisect_left(found, end + 1)
        if index < len(found):
            closing = found[index]
            yield Marked(start, closing + len(mark), len(mark), text[end:closing])
            position = closing + len(mark)


def opens(text: str, start: int, end: int) -> bool:
    """Tell whether a run of marks may open: after a space, the start, punctuation or a spaceless letter, before
    a character that is no space and no mark."""
    before = text[start - 1] if start else ""
    if before and (before == "*" or WORD_LETTER.match(before)):
        return False
    return end < len(text) and not (text[end].isspace() or text[end] in "*_")


def closes(text: str, start: int, end: int) -> bool:
    """Tell whether a run of marks may close: after a character that is no space and no mark, before a space,
    the end, punctuation or a spaceless letter."""
    if not start or text[start - 1].isspace() or text[start - 1] in "*_":
        return False
    after = text[end] if end < len(text) else ""
    return not (after and (after == "*" or WORD_LETTER.match(after)))


def find_note_calls(line: str) -> Iterator[tuple[int, int, str]]:
    """Find what ``NOTE_CALL.finditer`` finds (start, end, label), each character looked at a bounded number of
    times: every `[^` shares the place its label would stop with the `[^` before it (`[^[^[^...` was quadratic)."""
    stop, position = -1, 0
    while (start := line.find("[^", position)) >= 0:
        if stop < start + 2:
            found = LABEL_STOP.search(line, start + 2)
            stop = found.start() if found else len(line)
        if stop > start + 2 and stop < len(line) and line[stop] == "]":
            yield start, stop + 1, line[start + 2 : stop]
            position = stop + 1
        else:
            position = start + 1


def without_note_calls(text: str, instead: str = " ") -> str:
    """Return the text with each note call replaced, as ``NOTE_CALL.sub`` does, in one pass."""
    kept, position = [], 0
    for start, end, _ in find_note_calls(text):
        kept += [text[position:start], instead]
        position = end
    return "".join([*kept, text[position:]])


def parse_emphasis(text: str) -> tuple[Inline, ...]:
    """Split text into plain, emphasised and strong runs, note calls and kept line ends."""
    handed = HANDED_ON.search(text)  # a parsed mark is one of these: most texts need no second search
    if handed and PARSED_MARKS.search(text):
        return parsed_runs(text)
    return typed_runs(text, 0, bool(handed))


def typed_runs(text: str, depth: int, handed: bool) -> tuple[Inline, ...]:
    """Split a text whose emphasis is typed (`*em*`) into runs; `handed`: it holds a reader's stand-ins to turn
    back (looked for once in the whole text: a part of a text without them has none either)."""
    runs: list[Inline] = []
    position = 0
    for marked in emphasis_spans(text) if depth < MOST_NESTED else ():
        if marked.start > position:
            runs.extend(plain_runs(text[position : marked.start], handed))
        runs.append(emphasised(marked.strength, typed_runs(marked.body, depth + 1, handed)))
        position = marked.end
    if position < len(text):
        runs.extend(plain_runs(text[position:], handed))
    return tuple(runs) or (Text(""),)


def parsed_runs(text: str) -> tuple[Inline, ...]:
    """Nest the runs of a text whose emphasis a reader parsed already (its marks open and close as they nest);
    the text between them is plain: its `*` and `_` were typed as such. A mark left unclosed is dropped."""
    levels: list[list[Inline]] = [[]]
    opened: list[str] = []
    for piece in PARSED_MARKS.split(text):
        if piece in (EM_OPEN, STRONG_OPEN):
            levels.append([])
            opened.append(piece)
        elif piece in (EM_CLOSE, STRONG_CLOSE) and opened:
            children = tuple(levels.pop()) or (Text(""),)
            levels[-1].append(Emphasis(children) if opened.pop() == EM_OPEN else Strong(children))
        elif piece not in (EM_CLOSE, STRONG_CLOSE):
            levels[-1].extend(plain_runs(piece))
    while len(levels) > 1:  # unclosed: its runs kept, unmarked
        runs = levels.pop()
        levels[-1].extend(runs)
    return tuple(levels[0]) or (Text(""),)


def emphasised(strength: int, children: tuple[Inline, ...]) -> Inline:
    """Wrap runs as one mark says: one star emphasis, two strong, three both."""
    if strength == 1:
        return Emphasis(children)
    if strength == 2:
        return Strong(children)
    return Strong((Emphasis(children),))


def plain_runs(text: str, handed: bool = True) -> list[Inline]:
    """Split unmarked text at its note calls and kept line ends (`handed`: it may hold a reader's stand-ins)."""
    if "\n" not in text and "[^" not in text:  # most text: one plain run
        return [Text(from_literal(text) if handed else text)] if text else []
    runs: list[Inline] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            runs.append(LineBreak())
        position = 0
        for start, end, label in find_note_calls(line):
            if start > position:
                runs.append(Text(from_literal(line[position:start])))
            runs.append(NoteRef(label))
            position = end
        if position < len(line):
            runs.append(Text(from_literal(line[position:])))
    return runs
