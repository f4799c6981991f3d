"""Parse emphasis typed as ``*word*``, ``_word_`` (or doubled, or tripled: ``***word***``) into inline runs."""

from __future__ import annotations

import re

from ebookgen.model import Emphasis, Inline, Text

# An opening marker follows a space, the start or punctuation and comes before a non-space;
# the closing marker mirrors it. The same marker must close what it opened.
EMPHASIS = re.compile(
    r"(?<![\w*])(?P<mark>\*{1,3}|_{1,3})(?=[^\s*_])(?P<body>.+?)(?<=[^\s*_])(?P=mark)(?![\w*])",
    re.DOTALL,
)


def parse_emphasis(text: str) -> tuple[Inline, ...]:
    """Split text into plain and emphasised runs."""
    runs: list[Inline] = []
    position = 0
    for match in EMPHASIS.finditer(text):
        if match.start() > position:
            runs.append(Text(text[position : match.start()]))
        runs.append(Emphasis(parse_emphasis(match.group("body"))))
        position = match.end()
    if position < len(text):
        runs.append(Text(text[position:]))
    return tuple(runs) or (Text(""),)
