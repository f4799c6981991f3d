"""How a page marks a note: a reference (`epub:type="noteref"`, a label linked to a note that links back) and
the element holding the note's text, which the mapper takes out of the flow."""

from __future__ import annotations

import re

from ebookgen.patterns import lazy
from ebookgen.readers.htmlwords import tag_of, words_of

NOTE_TYPES = lazy(r"\b(?:noteref|doc-noteref)\b")
LABEL_MARKS = lazy(r"^[\[\(]?\s*(?:\d{1,4}|[*\u2020\u2021\u00a7]+|[ivxlc]{1,6}|[a-z])\s*[\]\)]?$", re.I)
BACK_MARKS = frozenset({"\u2191", "\u21a9", "\u21a9\ufe0e", "^", "back", "return"})


def is_note_reference(anchor, target) -> bool:
    """Tell a note reference: marked as one, or its target links back to it, and it reads like a label."""
    kind = anchor.get("{http://www.idpf.org/2007/ops}type") or anchor.get("epub:type") or anchor.get("role") or ""
    if NOTE_TYPES.search(kind):
        return True
    own = own_ids(anchor)
    links_back = any(tag_of(link) == "a" and (link.get("href") or "")[1:] in own for link in target.iter())
    return links_back and bool(LABEL_MARKS.match(words_of(anchor)))


def own_ids(anchor) -> set[str]:
    """Return the ids a note's link back may name: the reference's own and its parent's (``<sup id>``)."""
    parent = anchor.getparent()
    return {anchor.get("id"), parent.get("id") if parent is not None else None} - {None}


def note_element(target):
    """Return the element that holds a note: the target, or its list item when it is a paragraph in one."""
    parent = target.getparent()
    if tag_of(target) in ("p", "span", "a") and parent is not None and tag_of(parent) in ("li", "aside", "div"):
        return parent
    return target
