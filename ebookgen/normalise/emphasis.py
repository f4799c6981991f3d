"""Parse a block's inline marks into runs: ``*em*`` or ``_em_``, ``**strong**``, ``***both***``, note calls
(``[^label]``) and kept line ends (a newline in the block's text, from a raw-text line ending in ``\\``)."""

from __future__ import annotations

import re

from ebookgen.model import Emphasis, Inline, LineBreak, NoteRef, Strong, Text

# A letter of a script written without spaces between words (kana, CJK ideographs, Hangul): a marker beside one
# still opens or closes (`と*強調*だ`), as a marker beside a Latin letter does not (`2*3*4`, `snake_case_name`).
SPACELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
WORD_NOT_SPACELESS = f"[^\\W{SPACELESS}]"
# An opening marker follows a space, the start, punctuation or a spaceless letter and comes before a non-space;
# the closing marker mirrors it. The same marker must close what it opened.
EMPHASIS = re.compile(
    rf"(?<!{WORD_NOT_SPACELESS})(?<!\*)(?P<mark>\*{{1,3}}|_{{1,3}})(?=[^\s*_])(?P<body>.+?)(?<=[^\s*_])(?P=mark)"
    rf"(?!{WORD_NOT_SPACELESS})(?!\*)",
    re.DOTALL,
)
NOTE_CALL = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")


def parse_emphasis(text: str) -> tuple[Inline, ...]:
    """Split text into plain, emphasised and strong runs, note calls and kept line ends."""
    runs: list[Inline] = []
    position = 0
    for match in EMPHASIS.finditer(text):
        if match.start() > position:
            runs.extend(plain_runs(text[position : match.start()]))
        runs.append(emphasised(len(match.group("mark")), parse_emphasis(match.group("body"))))
        position = match.end()
    if position < len(text):
        runs.extend(plain_runs(text[position:]))
    return tuple(runs) or (Text(""),)


def emphasised(strength: int, children: tuple[Inline, ...]) -> Inline:
    """Wrap runs as one mark says: one star emphasis, two strong, three both."""
    if strength == 1:
        return Emphasis(children)
    if strength == 2:
        return Strong(children)
    return Strong((Emphasis(children),))


def plain_runs(text: str) -> list[Inline]:
    """Split unmarked text at its note calls and kept line ends."""
    runs: list[Inline] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            runs.append(LineBreak())
        position = 0
        for match in NOTE_CALL.finditer(line):
            if match.start() > position:
                runs.append(Text(line[position : match.start()]))
            runs.append(NoteRef(match.group("label")))
            position = match.end()
        if position < len(line):
            runs.append(Text(line[position:]))
    return runs
