"""Regular expressions compiled on first use: a module's patterns cost nothing until a text needs them.

Compiling the stages' patterns at import was most of a short story's start-up (issue 30); a 20-word story uses
35 of some 200. ``lazy(pattern, flags)`` stands for ``re.compile(pattern, flags)``: the first attribute asked of
it compiles the pattern and keeps its methods on the object, so every later ``PATTERN.sub(...)`` is an ordinary
attribute lookup. Use it only through its methods and attributes (``PATTERN.search``, ``PATTERN.pattern``),
never as an argument to ``re`` functions.
"""

from __future__ import annotations

import re

# What a compiled pattern offers, kept on the lazy one after the first use.
KEPT = (
    "search",
    "match",
    "fullmatch",
    "split",
    "findall",
    "finditer",
    "sub",
    "subn",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A regular expression compiled the first time one of its methods or attributes is used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.source = (pattern, flags)

    def __getattr__(self, name: str):
        """Compile the pattern (once) and keep its methods here; answer the attribute asked for."""
        if name.startswith("__"):  # copy, pickle and the like ask for these: the lazy pattern answers as itself
            raise AttributeError(name)
        compiled = re.compile(*self.source)
        for kept in KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.source[0]!r}, {self.source[1]!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """Return a pattern compiled on first use, for a module-level constant."""
    return LazyPattern(pattern, flags)
