"""A PDF/X interior carries the build's dates, not the clock's, so the same book is the same file (IngramSpark's).

PDF/X asks for a creation and a modification date, in the document information and in the XMP metadata, and an
XMP document id. WeasyPrint writes the clock's time (in the machine's time zone) and a random id: two builds of
one book differed in both, and in the file's /ID made from them. Here the dates become the build's timestamp
(SOURCE_DATE_EPOCH, else the manuscript's newest change: the EPUB's ``dcterms:modified``) in UTC, and the id a
UUID named from the pages' content and those dates. Other profiles' PDFs carry no date and are left untouched.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from pathlib import Path

XMP_DATES = ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate")
INFO_DATES = ("/CreationDate", "/ModDate")


def date_as_built(path: Path, variant: str | None, stamp: int) -> None:
    """Give a written PDF/X file the build's dates and an id from its content; leave any other PDF as it is."""
    import pikepdf

    if not (variant or "").startswith("pdf/x") or not stamp:
        return
    when = datetime.fromtimestamp(stamp, tz=UTC)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for key in INFO_DATES:
            pdf.docinfo[key] = when.strftime("D:%Y%m%d%H%M%S+00'00'")
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            for key in XMP_DATES:
                xmp[key] = when.isoformat()
            xmp["xmpMM:DocumentID"] = f"xmp.did:{content_id(pdf, stamp)}"
        if "/ID" in pdf.trailer:
            del pdf.trailer.ID  # WeasyPrint's, from the clock's dates: qpdf would keep its first half
        pdf.save(path, deterministic_id=True)


def content_id(pdf, stamp: int) -> uuid.UUID:
    """Name a UUID from the pages' drawing and the build's timestamp: the same book, the same id."""
    import pikepdf

    digest = hashlib.sha256(str(stamp).encode())
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, pikepdf.Array) else filter(None, [contents]):
            digest.update(stream.read_raw_bytes())
    return uuid.uuid5(uuid.NAMESPACE_URL, f"ebookgen:pdf:{digest.hexdigest()}")
