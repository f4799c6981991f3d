"""A paragraph's first line styled once: not again at the top of the page its paragraph runs on to.

WeasyPrint gives a block's ``::first-line`` style to the first line of every fragment of it, so a chapter's
opening paragraph that runs over the page turn sets the next page's first line in small capitals too (WeasyPrint
70 does; CSS styles the first formatted line only). Wrapped here, private and so free to change in any WeasyPrint
release: ``layout.block.block_container_layout``, whose resumed boxes (a skip stack) lay out without the style.
Where WeasyPrint lacks it, the book is laid out without the fix.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from contextlib import contextmanager

FIRST_LINE_HOOK = ("weasyprint.layout.block", "block_container_layout")


@contextmanager
def first_lines_once() -> Iterator[None]:
    """Lay out with a block's ::first-line style on its first fragment only."""
    module = importlib.import_module(FIRST_LINE_HOOK[0])
    original = getattr(module, FIRST_LINE_HOOK[1], None)
    if original is None:
        yield
        return

    signature = inspect.signature(original)
    if "first_line_style" not in signature.parameters:
        yield
        return

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

    setattr(module, FIRST_LINE_HOOK[1], block_container_layout)
    try:
        yield
    finally:
        setattr(module, FIRST_LINE_HOOK[1], original)
