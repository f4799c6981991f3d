"""A heading pattern tried one alternative at a time, each compiled when first needed, behind a cheap test.

Every language's heading words and shapes, with every language's number words inside each shape, make a
pattern that costs tens of milliseconds to compile and tens of microseconds per line of prose to try. Its
alternatives tried in order, each only once a line begins (or, after a leading number, goes on) as the
alternative must, find the very same match: a regular expression tries its alternatives in order too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ebookgen.patterns import lazy

NUMBER = "{number}"
# A heading word or number word that is plain text, not a pattern (`chap\.`, `[א-ת]['׳]`).
PLAIN_WORD = lazy(r"[\w \-]+")


@dataclass(frozen=True)
class Alternative:
    """One alternative of a heading pattern: what a line must begin with (or contain) and the whole pattern."""

    lead: str  # a pattern every line the alternative matches begins with, or contains when ``anywhere``
    anywhere: bool
    pattern: str  # the whole alternative, anchored at both ends of the line

    def match(self, text: str) -> re.Match[str] | None:
        """Return the alternative's match of a whole line, or None."""
        lead = compiled(self.lead)
        if not (lead.search(text) if self.anywhere else lead.match(text)):
            return None
        return compiled(self.pattern).match(text)


@dataclass(frozen=True)
class HeadingPattern:
    """A heading pattern as its alternatives in order, behind one test of how any of them begins."""

    start: str  # a pattern every line any alternative matches begins with
    alternatives: tuple[Alternative, ...]

    def match(self, text: str) -> re.Match[str] | None:
        """Return the first alternative's match of a whole line, the match the joined pattern finds, or None."""
        if not compiled(self.start).match(text):
            return None
        return next((found for option in self.alternatives if (found := option.match(text))), None)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """Compile a heading pattern (case-insensitive) once, the first time a line needs it."""
    return re.compile(pattern, re.I)


def word_trie(words: list[str]) -> str:
    """Join words into an alternation that branches letter by letter: the same words, found without trying each."""
    plain = sorted({word for word in words if PLAIN_WORD.fullmatch(word)})
    patterns = [word for word in dict.fromkeys(words) if not PLAIN_WORD.fullmatch(word)]
    trie: dict = {}
    for word in plain:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + "|".join(([trie_pattern(trie)] if plain else []) + patterns) + ")"


def trie_pattern(node: dict) -> str:
    """Write one node of a word trie as a pattern: its branches, optional where a word ends there."""
    # re.escape leaves a letter or digit as it is: only the rest is looked up (1,900 letters at every start).
    branches = [(char if char.isalnum() else re.escape(char)) + trie_pattern(kid) for char, kid in node.items() if char]
    if not branches:
        return ""
    joined = branches[0] if len(branches) == 1 and len(node) == 1 else "(?:" + "|".join(branches) + ")"
    return joined + "?" if "" in node else joined


def heading_pattern(leads: list[tuple[str, str]], number: str, number_lead: str, title: str) -> HeadingPattern:
    """Build a heading pattern from its alternatives in order, each a (lead, pattern) with `{number}` for a number.

    ``number`` is the pattern of a number (every language's number words), ``number_lead`` one finding the same
    numbers sooner, ``title`` what may follow the heading. A lead of "" is a shape's: found from the shape itself.
    """
    options = [alternative(lead, shape, number, title) for lead, shape in leads]
    starts = [option.lead for option in options if not option.anywhere]
    after_number = [option.lead for option in options if option.anywhere]
    if after_number:
        starts.append(number_lead + "(?:" + "|".join(after_number) + ")")
    return HeadingPattern("(?:" + "|".join(starts) + ")", tuple(options))


def alternative(lead: str, shape: str, number: str, title: str) -> Alternative:
    """Return one alternative of a heading pattern: a word list's lead as given, a shape's found from it."""
    pattern = "^(?:" + shape.replace(NUMBER, number) + ")" + title + "$"
    if lead:
        return Alternative(lead, False, pattern)
    anywhere = shape.startswith(NUMBER)
    lead = shape.removeprefix(NUMBER).split(NUMBER)[0] if anywhere else shape.split(NUMBER)[0]
    if not splits_safely(shape) or not compiles(lead):
        return Alternative("", False, pattern)  # no beginning is certain: every line is tried
    return Alternative(lead, anywhere, pattern)


def compiles(pattern: str) -> bool:
    """Tell whether a pattern (a shape cut before its number) is a whole pattern."""
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def splits_safely(shape: str) -> bool:
    """Tell whether a shape has no `|` outside a group or class, so its every match begins with its first part."""
    depth, escaped, in_class = 0, False, False
    for char in shape:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return False
    return True
