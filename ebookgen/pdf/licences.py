"""The fallback faces' licences travel with them: each one the PDF embeds keeps its licence records.

Every fallback face is under the SIL Open Font License 1.1, which its file says in its name table: the
licence (name 13) and where to read it (name 14), beside the copyright notice (name 0). WeasyPrint's subsets
keep names 0 to 6 only; here each embedded fallback face gets its licence records back from its own file, so
a face taken out of the PDF still says what it may be used for. A book with no fallback face is left as
written, byte for byte.
"""

from __future__ import annotations

import io
import zlib
from functools import cache
from pathlib import Path

from ebookgen.resources.faces import CJK_VARIANTS, FALLBACKS, Fallback, find_file

LICENCE_NAMES = (13, 14)  # the licence's description, and its URL
# Every fallback face is under the SIL Open Font License 1.1: the words Noto's own files carry, for a file that
# lost them (npm's Noto Emoji, joined from its web subsets).
OFL = {
    13: "This Font Software is licensed under the SIL Open Font License, Version 1.1. This license is available "
    "with a FAQ at: https://openfontlicense.org",
    14: "https://openfontlicense.org",
}


def embedded_faces() -> dict[str, tuple[Fallback, str]]:
    """Map each fallback face's name in a PDF (ebookgen-Noto-Serif-Hebrew-Bold) to its face and file."""
    found = {}
    for fallback in (*FALLBACKS, *CJK_VARIANTS):
        name = fallback.family.replace(" ", "-")
        found[name] = (fallback, fallback.regular)
        if fallback.bold:
            found[f"{name}-Bold"] = (fallback, fallback.bold)
    return found


@cache
def licence_records(file: str, index: int) -> tuple:
    """Return a face file's licence name records (its own words and URL), or none where it has none."""
    from fontTools.ttLib import TTCollection, TTFont

    path = find_file(file)
    if path is None:
        return ()
    font = TTCollection(path, lazy=True).fonts[index] if path.suffix.lower() == ".ttc" else TTFont(path, lazy=True)
    found = tuple(record for record in font["name"].names if record.nameID in LICENCE_NAMES)
    lacking = set(LICENCE_NAMES) - {record.nameID for record in found}
    return found + ofl_records(lacking)


def ofl_records(numbers: set[int]) -> tuple:
    """Return the SIL Open Font License's name records of those numbers, in English for Windows and Mac readers."""
    from fontTools.ttLib.tables._n_a_m_e import makeName

    return tuple(
        makeName(OFL[number], number, platform, encoding, language)
        for number in sorted(numbers)
        for platform, encoding, language in ((1, 0, 0), (3, 1, 0x409))
    )


def with_licence(program: bytes, records: tuple) -> bytes:
    """Return an embedded font program with the licence records added to its name table (no other table changed)."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(program), recalcBBoxes=False, recalcTimestamp=False)
    kept = [record for record in font["name"].names if record.nameID not in LICENCE_NAMES]
    order = lambda record: (record.platformID, record.platEncID, record.langID, record.nameID)  # noqa: E731
    font["name"].names = sorted([*kept, *records], key=order)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def licensed(font, faces: dict[str, tuple[Fallback, str]]) -> bool:
    """Give one embedded fallback face its licence records; tell whether the font was one."""
    import pikepdf

    name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
    if name not in faces or "/DescendantFonts" not in font:
        return False
    fallback, file = faces[name]
    records = licence_records(file, fallback.index)
    descriptor = font.DescendantFonts[0].FontDescriptor
    key = next((key for key in ("/FontFile2", "/FontFile3") if key in descriptor), None)
    if not records or key is None:
        return False
    stream = descriptor[key]
    data = with_licence(stream.read_bytes(), records)
    stream.write(zlib.compress(data), filter=pikepdf.Name.FlateDecode)
    if key == "/FontFile2":
        stream.Length1 = len(data)
    return True


def license_faces(path: Path) -> None:
    """Give every fallback face a written PDF embeds its licence records; leave a PDF without one untouched."""
    import pikepdf

    from ebookgen.pdf.preflight import page_fonts

    faces = embedded_faces()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        seen: set = set()
        fonts = {font.objgen: font for page in pdf.pages for font in page_fonts(page.obj.get("/Resources"), seen)}
        changed = [licensed(font, faces) for font in fonts.values()]
        if any(changed):
            pdf.save(path, deterministic_id=True)
