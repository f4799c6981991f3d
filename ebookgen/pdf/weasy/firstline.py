"""A paragraph's first line styled once: not again at the top of the page its paragraph runs on to.

WeasyPrint gives a block's ``::first-line`` style to the first line of every fragment of it, so a chapter's
opening paragraph that runs over the page turn sets the next page's first line in small capitals too (WeasyPrint
70 does; CSS styles the first formatted line only). Wrapped here, private and so free to change in any WeasyPrint
release: ``layout.block.block_container_layout``, whose resumed boxes (a skip stack) lay out without the style.
Where WeasyPrint lacks it, the book is laid out without the fix.
"""

from __future__ import annotations

import inspect

from ebookgen.pdf.weasy.hook import wrapped

FIRST_LINE_HOOK = ("weasyprint.layout.block", "block_container_layout")


def first_lines_once():
    """Lay out with a block's ::first-line style on its first fragment only."""
    return wrapped(FIRST_LINE_HOOK, first_line_once)


def first_line_once(original):
    """Return WeasyPrint's block layout laying a resumed block out without its ::first-line style."""
    signature = inspect.signature(original)
    if "first_line_style" not in signature.parameters:
        return None

    def block_container_layout(context, box, bottom_space, skip_stack, *args, **named):
        if skip_stack is None:
            return original(context, box, bottom_space, skip_stack, *args, **named)
        bound = signature.bind(context, box, bottom_space, skip_stack, *args, **named)
        bound.arguments["first_line_style"] = None  # a resumed box: its first line was set on an earlier page
        own, box.first_line_style = box.first_line_style, None
        try:
            return original(*bound.args, **bound.kwargs)
        finally:
            box.first_line_style = own

    return block_container_layout
