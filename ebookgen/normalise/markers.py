"""Marker lines: scene breaks and flashback markers, recognised before any other rule reads a line.

Both the paragraph splitter (a marker line never joins a paragraph) and the structure rules use them.
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

# A line standing for a block the raw-text marks took out of the text (``marks.py``): a block of its own.
MARK_TOKEN = "\ue000"
# A line holding only a form feed: a page break in the raw text.
PAGE_BREAK_TOKEN = "\ue001"
FORM_FEED_LINE = lazy(r"(?m)^[ \t]*\f[ \t]*$")
# A line of one repeated symbol, spaced or not (`* * *`, `~~~`, `#`, `___`, `---`, `===`, `§`).
SYMBOL_RUN = lazy(r"^([*~#_\-=+.•·§¤°◊◆♦❦❧☙⁂※†‡/\\|oOxX0])(?:\s*\1)*$")
# Patterned markers typed by fan-fiction writers (`oOo`, `xXxXx`, `-x-x-`, `-o-O-o-`, `+~+~+`).
PATTERNED_MARKER = lazy(r"^(?:[-~=+*_.\s]*(?:[oO0xX]+[-~=+*_.\s]*)+|(?:[+~=*\-_.]\s*){3,})$")
# Any other short line of symbols alone (`<><><>`, `::::`, `★★★`) is a marker too, but one ebookgen was not told of.
SYMBOLS_ONLY = lazy(r"^[^\w\s\"'\u201c\u201d\u2018\u2019]+(?:\s*[^\w\s\"'\u201c\u201d\u2018\u2019]+)*$")
WORDED_MARKER = lazy(
    r"^[\s*~=#+\-_<>\[\](){}.|]*(?:(?:scene|section|line|page)\s*(?:break|change)|break|time\s*(?:skip|jump)|"
    r"pov\s*(?:change|switch))[\s*~=#+\-_<>\[\](){}.|]*$",
    re.I,
)

_DECOR = r"[\s*~_\-=+#/<>\[\]()]*"
_END_MARKS = r"[.!\u2026]*"
# A start marker may say when the flashback is set: `Flashback (three years ago)`, `Flashback - 1995`.
_WHEN = r"(?:\s*(?:[:\-\u2013\u2014]+\s*|\(\s*)(?P<when>[^()*~_<>\[\]]{1,60}?)\s*\)?)?"
FLASHBACK_START = lazy(
    r"^"
    + _DECOR
    + r"(?:begin(?:ning)?\s+(?:of\s+)?|start\s+(?:of\s+)?)?(?:a\s+)?flash\s*back"
    + _WHEN
    + _END_MARKS
    + _DECOR
    + r":?"
    + _DECOR
    + r"$",
    re.I,
)
FLASHBACK_END = lazy(
    r"^"
    + _DECOR
    + r"(?:/\s*flash\s*back|end(?:\s+of)?\s+(?:the\s+)?flash\s*back|flash\s*back\s+(?:end|over|ends|ended)|"
    r"present(?:\s+day|\s+time)?|back\s+to\s+(?:the\s+)?present)" + _END_MARKS + _DECOR + r":?" + _DECOR + r"$",
    re.I,
)


def is_scene_break_marker(text: str) -> bool:
    """Tell whether a line is a scene-break marker (`* * *`, `oOo`, `(scene break)`, `<><>`...)."""
    return is_known_marker(text) or is_symbol_line(text)


def is_known_marker(text: str) -> bool:
    """Tell whether a line is one of the scene-break markers writers commonly type."""
    if len(text) > 40:
        return False
    if SYMBOL_RUN.match(text) and not re.fullmatch(r"[oOxX0]", text) and text not in ("I", "O", "X"):
        return len(text) > 1 or text in "*#§~⁂❦❧※"
    if PATTERNED_MARKER.match(text) and re.search(r"[oOxX]", text) and not re.search(r"[a-wyzA-WYZ]", text):
        return len(text.replace(" ", "")) >= 3
    if PATTERNED_MARKER.match(text) and len(text.replace(" ", "")) >= 3:
        return True
    return bool(WORDED_MARKER.match(text))


def is_symbol_line(text: str) -> bool:
    """Tell whether a line is three or more symbols and nothing else (no letter, digit or quote)."""
    return len(text) <= 40 and len(text.replace(" ", "")) >= 3 and bool(SYMBOLS_ONLY.match(text))


def is_marker_line(text: str) -> bool:
    """Tell whether a line is a scene-break or flashback marker."""
    text = text.strip()
    if text.startswith((MARK_TOKEN, PAGE_BREAK_TOKEN)):
        return True
    return is_scene_break_marker(text) or bool(FLASHBACK_START.match(text) or FLASHBACK_END.match(text))
