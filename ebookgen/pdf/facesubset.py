"""A big fallback face cut down to the characters one book uses, once, before the layout loads it.

A Noto Serif CJK face is 24 MB, in a collection of five. WeasyPrint copies every ``@font-face`` file it is
given into a folder of its own and fontconfig reads all its glyphs, for each document: for each chunk of a
parallel layout. Here the face is subset with HarfBuzz (the library WeasyPrint shapes and subsets with) to
the book's characters, its layout rules kept so text shapes as from the whole face, into ebookgen's cache:
the layout then loads some hundred kilobytes. The same book and faces give the same file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ebookgen.cachedir import cache_home, keep
from ebookgen.pdf.harfbuzz import harfbuzz

# Faces bigger than this are cut down to the book's characters; smaller ones are loaded whole.
SUBSET_BYTES = 4_000_000
HB_SUBSET_SETS_NAME_ID = 4
KEPT_NAMES = (0, 1, 2, 3, 4, 5, 6, 13, 14)  # HarfBuzz's own, and the licence with its URL


def subset_bytes(path: Path, index: int, points: frozenset[int]) -> bytes:
    """Subset one face of a font file to the characters, keeping the layout rules they need."""
    ffi, core, subset = harfbuzz()
    blob = core.hb_blob_create_from_file_or_fail(str(path).encode())
    if blob == ffi.NULL:
        raise OSError(f"HarfBuzz cannot read {path}")
    face = core.hb_face_create(blob, index)
    request = subset.hb_subset_input_create_or_fail()
    result = ffi.NULL
    try:
        characters = subset.hb_subset_input_unicode_set(request)
        for point in sorted(points):
            core.hb_set_add(characters, point)
        names = subset.hb_subset_input_set(request, HB_SUBSET_SETS_NAME_ID)
        for number in KEPT_NAMES:
            core.hb_set_add(names, number)
        result = subset.hb_subset_or_fail(face, request)
        if result == ffi.NULL:
            raise RuntimeError(f"HarfBuzz cannot subset {path}")
        data_blob = core.hb_face_reference_blob(result)
        length = ffi.new("unsigned int *")
        data = ffi.unpack(core.hb_blob_get_data(data_blob, length), length[0])
        core.hb_blob_destroy(data_blob)
        return data
    finally:
        if result != ffi.NULL:
            core.hb_face_destroy(result)
        subset.hb_subset_input_destroy(request)
        core.hb_face_destroy(face)
        core.hb_blob_destroy(blob)


def book_face(path: Path, index: int, points: frozenset[int]) -> Path | None:
    """Return a file of the face cut down to the characters, from ebookgen's cache; None for a small face."""
    stat = path.stat()
    if stat.st_size < SUBSET_BYTES and path.suffix.lower() not in (".ttc", ".otc"):
        return None
    ffi, core, _ = harfbuzz()
    version = ffi.string(core.hb_version_string()).decode()
    key = f"{path} {index} {stat.st_size} {stat.st_mtime_ns} {version} {sorted(points)}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    target = cache_home() / "fonts" / "subsets" / f"{path.stem}-{index}-{digest}.otf"
    if not target.is_file():
        keep(target, subset_bytes(path, index, points))
    return target if target.is_file() else None
