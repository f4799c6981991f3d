"""One WeasyPrint function wrapped for the length of a layout: the seam's optional fixes all go in this way.

Each fix names the private function it wraps (module, name or "Class.method") and a maker that takes WeasyPrint's
function and returns the one to lay out with, or None where this release's function is not the one the fix knows.
Where a release lacks the function, or the maker declines, the book is laid out as WeasyPrint lays it out.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def wrapped(hook: tuple[str, str], make: Callable[[Callable], Callable | None]) -> Iterator[None]:
    """Lay out with `hook`'s function (a module's, or a class's method named "Class.method") replaced by
    `make(original)`, and put it back afterwards."""
    owner = importlib.import_module(hook[0])
    *path, name = hook[1].split(".")
    for part in path:
        owner = getattr(owner, part, None)
    original = getattr(owner, name, None)
    wrapper = make(original) if original is not None else None
    if wrapper is None:
        yield
        return
    setattr(owner, name, wrapper)
    try:
        yield
    finally:
        setattr(owner, name, original)
