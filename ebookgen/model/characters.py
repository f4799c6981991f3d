"""The characters no text of the book may carry: XML 1.0 forbids them, and C1 controls besides.

A reader removes them from what it reads (``readers/decode.py``); the renderer removes them again from
whatever reaches a document by another way (book.toml's metadata, a title), so no page is ever ill-formed.
"""

from __future__ import annotations

from ebookgen.patterns import lazy

# Characters that XML 1.0 forbids, plus C1 controls: none of them may reach a document.
# The noncharacters U+FDD0-U+FDEF too: no text carries them, and the readers and rules use them as their marks.
FORBIDDEN = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")
