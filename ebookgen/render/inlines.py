"""Render inline runs to XHTML: text escaped, emphasis, strong, kept line ends, note calls, page markers.

What an edition asks of a chapter (its notes as pop-up asides or as page-foot footnotes, its images'
addresses) travels in a ``Setting``; a note call is rendered as the edition wants it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ebookgen.model import Emphasis, Footnote, Formula, Inline, LineBreak, NoteRef, PageBreak, Strong, Text
from ebookgen.model.characters import FORBIDDEN
from ebookgen.render.escaping import escape, quoteattr
from ebookgen.render.ids import note_anchor, note_call_anchor
from ebookgen.render.maths import render_formula

TAGS = {Emphasis: "em", Strong: "strong"}


@dataclass
class Setting:
    """What an edition asks of a chapter while it is rendered: where its notes go and where its images are."""

    chapter: int = 0
    notes: Mapping[int, Footnote] = field(default_factory=dict)  # the chapter's notes by number
    printed: bool = False  # the print edition: a note's text at its call, floated to the page foot
    images: Mapping[str, str] = field(default_factory=dict)  # a figure's source name -> the src it is shown from
    calls: dict[int, int] = field(default_factory=dict)  # calls of each note rendered so far, for unique ids
    note_text: Callable[[Footnote, Setting], str] | None = None  # renders a note's text inside a footnote


def text(value: str) -> str:
    """Escape text for XHTML, dropping anything XML cannot carry."""
    return escape(FORBIDDEN.sub("", value))


def attribute(value: str) -> str:
    """Quote and escape an attribute value."""
    return quoteattr(FORBIDDEN.sub("", value))


def page_marker(page: PageBreak) -> str:
    """Render the page-break marker for one printed page."""
    return (
        f'<span epub:type="pagebreak" role="doc-pagebreak" id="{page.marker_id}"'
        f" aria-label={attribute(page.label)} title={attribute(page.label)}></span>"
    )


def page_markers(pages: Sequence[PageBreak]) -> str:
    """Render the markers of pages that begin at one place, in order."""
    return "".join(page_marker(page) for page in pages)


def render_inlines(inlines: tuple[Inline, ...], setting: Setting | None = None) -> str:
    """Render inline runs."""
    return render_marked_inlines(inlines, {}, 0, setting)[0]


def render_marked_inlines(
    inlines: tuple[Inline, ...],
    inside: Mapping[int, Sequence[PageBreak]],
    start: int = 0,
    setting: Setting | None = None,
) -> tuple[str, int]:
    """Render inline runs with page markers before the characters they fall at; return it and the text's end."""
    parts, index = [], start
    for run in inlines:
        if run.__class__ is Text or isinstance(run, Text):  # most runs: plain text (its class asked first)
            value = FORBIDDEN.sub("", run.text)
            parts.append(escape(value) if not inside else marked_text(value, index, inside))
            index += len(value)
        elif isinstance(run, (Emphasis, Strong)):
            inner, index = render_marked_inlines(run.children, inside, index, setting)
            tag = TAGS[type(run)]
            parts.append(f"<{tag}>{inner}</{tag}>")
        elif isinstance(run, LineBreak):
            parts.append("<br/>")
            index += 1  # the newline the model's text holds
        elif isinstance(run, NoteRef):
            parts.append(note_call(run, setting or Setting()))
        elif isinstance(run, Formula):
            parts.append(render_formula(run, bool(setting and setting.printed)))
            index += len(FORBIDDEN.sub("", run.alt))  # its alt text, as the model's text holds it
    return "".join(parts), index


def marked_text(value: str, start: int, inside: Mapping[int, Sequence[PageBreak]]) -> str:
    """Escape a run of text that begins at character `start` of its element, with the markers that fall in it."""
    if not inside:
        return escape(value)  # no page marker in the element (every e-book without a print edition's pages)
    pieces, last = [], 0
    for cut in sorted(index - start for index in inside if start <= index < start + len(value)):
        pieces += [text(value[last:cut]), page_markers(inside[start + cut])]
        last = cut
    return "".join(pieces) + text(value[last:])


def note_call(call: NoteRef, setting: Setting) -> str:
    """Render a note's call: a link to its pop-up aside in the e-book, the note itself (a footnote) in print."""
    note = setting.notes.get(call.number)
    if note is None:
        return text(f"[^{call.label}]")  # a call of no note of the chapter's: as typed, never a dangling link
    setting.calls[call.number] = setting.calls.get(call.number, 0) + 1
    target = note_anchor(setting.chapter, call.number)
    if setting.printed and setting.note_text is not None:
        if setting.calls[call.number] > 1:
            return f'<a class="noteref" href="#{target}">{call.number}</a>'
        return f'<span class="footnote" id="{target}">{setting.note_text(note, setting)}</span>'
    anchor = note_call_anchor(setting.chapter, call.number, setting.calls[call.number])
    return f'<a epub:type="noteref" role="doc-noteref" class="noteref" id="{anchor}" href="#{target}">{call.number}</a>'
