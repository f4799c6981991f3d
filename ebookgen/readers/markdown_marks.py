"""Hand CommonMark's emphasis on to the normaliser as CommonMark parsed it (the Markdown reader's inline marks).

The raw text's `*` rule (docs/raw-text.md) is not CommonMark's: it reads `*foo *bar**` as a strong `bar` and prints
the rest, and `\\*not emphasis\\*` as emphasis. Where a paragraph's emphasis reads the same under both rules it is
written in the raw text's own marks (`*em*`, `**strong**`, `***both***`), so the raw text stays readable; where it
would not (the same mark nested, marks touching, a mark inside a word), the paragraph's emphasis is handed on in
parsed marks the `*` rule never re-reads. A `*` or `_` CommonMark read as text is always handed on as a stand-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.model.rawtext import EM_CLOSE, EM_OPEN, STRONG_CLOSE, STRONG_OPEN

MARKED = ("em", "strong")
# An HTML tag's marks in parsed form (the Markdown reader maps `<em>`, `<b>`... in a paragraph it hands on parsed).
PARSED_HTML = {"*": (EM_OPEN, EM_CLOSE), "**": (STRONG_OPEN, STRONG_CLOSE)}


@dataclass(frozen=True)
class Marks:
    """The marks one emphasis node opens and closes with, in the raw text's way or in parsed marks."""

    opening: str
    closing: str


def marks_for(node, parsed: bool) -> Marks:
    """Return an em or strong node's marks; an em holding only a strong (CommonMark's `***both***`) is the raw
    text's `***`: a strong holding an emphasis, as every reader writes it."""
    both = is_both(node)
    if parsed:
        if both:
            return Marks(STRONG_OPEN + EM_OPEN, EM_CLOSE + STRONG_CLOSE)
        return Marks(EM_OPEN, EM_CLOSE) if node.type == "em" else Marks(STRONG_OPEN, STRONG_CLOSE)
    mark = "***" if both else "*" if node.type == "em" else "**"  # a strong holding an em reads as `***` too
    return Marks(mark, mark)


def inner(node) -> list:
    """Return the runs inside an emphasis node's marks (a `***both***` node's strong opened)."""
    return held(node)[0].children if is_both(node) else node.children


def held(node) -> list:
    """Return a node's runs, markdown-it's empty text runs (around `***both***`'s inner mark) left out."""
    return [child for child in node.children if child.type != "text" or child.content]


def is_both(node) -> bool:
    """Tell CommonMark's `***both***`: an em holding a strong and nothing else (or a strong holding an em)."""
    kind = node.type  # a node's type is a property markdown-it works out at each read: read once
    if kind not in MARKED:
        return False
    runs = held(node)
    return len(runs) == 1 and runs[0].type in MARKED and runs[0].type != kind


def needs_parsed(nodes, inside: frozenset[str] = frozenset()) -> bool:
    """Tell a run of inline nodes whose emphasis the raw text's `*` rule would read otherwise than CommonMark: a
    mark nested in the same mark, two marks touching, a mark beside a letter, a mark's text at a space or a break."""
    runs = flat(nodes)
    for index, node in enumerate(runs):
        kind = node.type
        if kind not in MARKED:
            continue
        both = is_both(node)
        runs_inside = held(node)[0].children if both else node.children  # inner(node), `both` known
        kinds = frozenset(MARKED if both else {kind})
        previous = runs[index - 1] if index else None
        following = runs[index + 1] if index + 1 < len(runs) else None
        opened = flat(runs_inside)
        if inside & kinds or touches(previous, following, opened) or needs_parsed(runs_inside, inside | kinds):
            return True
    return False


def flat(nodes) -> list:
    """Return inline runs with a link's (or any other holder's) runs opened: its marks stand beside its neighbours."""
    found = []
    for node in nodes:
        kind = node.type
        if kind == "text" and not node.content:
            continue
        if kind not in MARKED and kind != "image" and node.children:
            found += flat(node.children)
        else:
            found.append(node)
    return found


def touches(previous, following, runs) -> bool:
    """Tell marks the `*` rule cannot read: beside another mark or a letter outside, at a space or break inside."""
    if not runs or any(run is not None and run.type in MARKED for run in (previous, following, runs[0], runs[-1])):
        return True
    if previous is not None and previous.type == "text" and previous.content[-1:].isalnum():
        return True
    if following is not None and following.type == "text" and following.content[:1].isalnum():
        return True
    first, last = runs[0], runs[-1]
    if first.type != "text" or last.type != "text":
        return first.type in ("softbreak", "hardbreak") or last.type in ("softbreak", "hardbreak")
    return not first.content[:1].strip() or not last.content[-1:].strip()
