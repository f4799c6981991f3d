"""The raw-text form's vocabulary (docs/raw-text.md) that more than one stage speaks.

The Markdown reader writes raw text, the outline (``outline.py``) writes a structured document out in it,
and the normaliser's first pass reads it: the fence kinds and the shape of a chat line are declared once,
here, in the model every stage may import.
"""

from __future__ import annotations

import re

# The kinds a `::: kind` fence may open: verse, an author's note, an author's end note.
FENCED_KINDS = ("verse", "note", "end-note")
# A sender: a name of up to three words, or a screen name (`xXdarkangelXx`, `@sam_w`), then a colon.
CHAT_LINE = re.compile(r"^(?P<sender>[@\w][\w.'\u2019@-]{0,24}(?: [\w.'\u2019-]{1,20}){0,2}):[ \t]+(?P<message>\S.*)$")
# What a `Name:` line can be without being a message: an author's note, a header's field, a time.
NOT_SENDERS = re.compile(
    r"^(?:a/?n|author'?s? notes?|notes?|disclaimer|warnings?|summary|rating|status|spoilers?|chapter|part|"
    r"ps|p\.s\.|re|date|time|place|location|to|from|subject|cc)$",
    re.I,
)


def is_chat(group: list[str]) -> bool:
    """Tell a block of messages (`Name: message` on every line, two lines at least) from prose."""
    if len(group) < 2:
        return False
    for text in group:
        line = CHAT_LINE.match(text.strip())
        if not line or NOT_SENDERS.match(line.group("sender")):
            return False
    return True
