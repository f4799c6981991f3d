"""A right-to-left paragraph's first-line indent at the right, where its lines start.

WeasyPrint 70 takes a first line's ``text-indent`` from the line's width but sets the line against the
right edge as if there were none: a Hebrew or Arabic paragraph's indent shows at the left, the end of
its first line, and a hanging line (verse, a chat log's sender: a negative indent) runs past the left
margin instead of into the padding at the right. Here each first line of a right-to-left block is moved
by its indent after WeasyPrint laid it out, so the book is the mirror image of a left-to-right one.
Where a release lacks the line breaker, the layout runs as WeasyPrint does it.
"""

from __future__ import annotations

from ebookgen.pdf.weasy.hook import wrapped

LINE_HOOK = ("weasyprint.layout.inline", "get_next_linebox")


def indents_mirrored():
    """Lay out with each right-to-left first line moved by its indent, toward the left (a hanging one to the right)."""
    return wrapped(LINE_HOOK, mirrored_indents)


def mirrored_indents(original):
    """Return WeasyPrint's line maker moving a right-to-left first line by its indent."""

    def get_next_linebox(context, linebox, *rest):
        indent = linebox.text_indent
        line, resume_at = original(context, linebox, *rest)
        if line is not None and indent and linebox.style["direction"] == "rtl":
            line.translate(dx=-indent, ignore_floats=True)  # the indent at the start (right), not the end
        return line, resume_at

    return get_next_linebox
