"""Free what WeasyPrint 70 leaks for every text layout it sets up (part of the WeasyPrint seam): a worker laying out
chunk after chunk grew by about 450 bytes a layout, 2 MB a 16-page chunk, and its peak with them.

``weasyprint.text.line_break.Layout.setup`` gives a layout of text with font features (every layout of a book set in
EB Garamond: kerning, ligatures, old-style figures) an attribute list it never lets go of, and makes a features
attribute for every layout while it inserts a cached one that all the lists share (a list owns what is inserted in
it, so none could be freed). Here the cache hands each layout its own new attribute, and the list's extra reference is
given back once the layout holds it: list and attribute go with the layout. The pages are the same to the byte.
Where a release lacks these internals, the layout runs as WeasyPrint does it.
"""

from __future__ import annotations

import importlib

from ebookgen.pdf.weasy.hook import wrapped

# The private method this wraps: the text layout's setup, which gives each layout its font features.
SETUP_HOOK = ("weasyprint.text.line_break", "Layout.setup")


class Unshared(dict):
    """A cache of features attributes that keeps none: each layout inserts, and so owns, its own."""

    def setdefault(self, key, default=None):
        """Return the attribute just made for this layout, keeping nothing."""
        return default


def layouts_freed():
    """Let each text layout WeasyPrint sets up free its font features' attribute list with it."""
    return wrapped(SETUP_HOOK, freeing_setup)


def freeing_setup(original):
    """Return ``Layout.setup`` giving back the attribute list's extra reference, or None where the release's
    module lacks the Pango bindings this needs."""
    module = importlib.import_module(SETUP_HOOK[0])
    if not hasattr(module, "pango") or not hasattr(module, "ffi"):
        return None
    pango, ffi = module.pango, module.ffi

    def setup(layout, style):
        fonts = style.font_config
        if type(getattr(fonts, "font_features", None)) is not Unshared:
            fonts.font_features = Unshared()
        original(layout, style)
        attributes = pango.pango_layout_get_attributes(layout.layout)
        if attributes != ffi.NULL:  # set by setup only for the features: the layout holds its own reference
            pango.pango_attr_list_unref(attributes)

    return setup
