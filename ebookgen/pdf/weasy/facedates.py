"""A face WeasyPrint rewrites keeps its own file's date, so the same book is the same PDF at any hour.

WeasyPrint 70 embeds most faces as HarfBuzz subsets, which keep a face's ``head`` table as its file has it. A
face it rewrites with fontTools (a variable face made static: the romance theme's Cinzel; a colour face
emptied of its images; any face where HarfBuzz-Subset is missing) is saved with fontTools' default, which
stamps the ``head`` table's modified date with the clock (SOURCE_DATE_EPOCH where set): two builds of one book
a second apart differed in that date and the checksum after it. Wrapped here, private and so free to change in
any release: ``weasyprint.pdf.fonts.TTFont``, each face opened so that saving it keeps its date. Where a release
lacks it, the PDF is written as WeasyPrint writes it.
"""

from __future__ import annotations

from functools import partial

from ebookgen.pdf.weasy.hook import wrapped

FONT_HOOK = ("weasyprint.pdf.fonts", "TTFont")


def faces_keep_their_dates():
    """Write a PDF with every face WeasyPrint rewrites keeping its file's modified date, not the clock's."""
    return wrapped(FONT_HOOK, dated_as_their_files)


def dated_as_their_files(original):
    """Return fontTools' font class opening faces whose saved ``head`` keeps its date (None: not that class)."""
    if not isinstance(original, type):
        return None
    # The clock's time in an embedded face makes two builds of the same book differ.
    return partial(original, recalcTimestamp=False)
