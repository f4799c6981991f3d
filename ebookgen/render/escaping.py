"""XML escaping of text and attribute values, as ``xml.sax.saxutils`` does it.

``xml.sax.saxutils`` imports ``urllib.request`` (and with it ``http.client``, ``ssl`` and ``email``): a sixth of
the imports of a short story's EPUB build, for two string replacements.
"""

from __future__ import annotations

# What stays text inside an attribute value: line ends and tabs, kept as character references.
ATTRIBUTE_SPACES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def escape(text: str) -> str:
    """Escape the three characters XML text cannot hold as they are (``&``, ``<``, ``>``)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(value: str) -> str:
    """Return an attribute value escaped and quoted, double quotes unless the value holds only double quotes."""
    value = escape(value)
    for char, reference in ATTRIBUTE_SPACES.items():
        value = value.replace(char, reference)
    if '"' in value:
        if "'" in value:
            return '"' + value.replace('"', "&quot;") + '"'
        return "'" + value + "'"
    return '"' + value + '"'
