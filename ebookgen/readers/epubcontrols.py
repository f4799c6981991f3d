"""C1 control characters in an EPUB's text read as the Windows-1252 characters they stand for.

A page whose maker pasted Windows-1252 bytes into Unicode carries U+0080-U+009F where a dash, a quote or an
ellipsis stood (`STORIES\\u0097MODERN` in the IDPF's Accessible EPUB 3); no text means a control there, and the
reader deleted it, gluing the words. Each is read as its Windows-1252 character (`—`), and check says how many.
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

CONTROL = lazy("[\u0080-\u009f]")
# C0 controls no XML text may hold: lxml keeps them from an HTML parse but refuses them when text is set again.
XML_FORBIDDEN = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def as_windows_1252(match: re.Match) -> str:
    """Return the Windows-1252 character a C1 control's byte stands for, or a space where that byte is unused."""
    try:
        return match.group().encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return " "


def controls_read(body) -> int:
    """Read every C1 control of a page's text as its Windows-1252 character, in place; return how many."""
    count = 0
    for element in body.iter():
        for name in ("text", "tail"):
            value = getattr(element, name)
            if value and CONTROL.search(value):
                count += len(CONTROL.findall(value))
                setattr(element, name, XML_FORBIDDEN.sub("", CONTROL.sub(as_windows_1252, value)))
    return count


def controls_note(href: str, count: int) -> tuple[str, ...]:
    """Say where control characters were read as the Windows-1252 characters they stand for."""
    return (f"{href}: {count} control character(s) read as the Windows-1252 marks they stand for",) if count else ()
