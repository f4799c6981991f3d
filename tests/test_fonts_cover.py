"""The generated cover in every script: each run in a face that has its glyphs, counted by shaping it with HarfBuzz."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest

from ebookgen.epub.cover import cover_notes, cover_title, generate_cover
from ebookgen.epub.coverfaces import line_runs, right_to_left
from ebookgen.model import Metadata
from ebookgen.resources import styles_dir
from ebookgen.resources.faces import CJK_VARIANTS, FALLBACKS, installed

GARAMOND = styles_dir() / "fonts" / "EBGaramond-Regular.ttf"
COVERS = {
    "hebrew": Metadata(title="שלום עולם", authors=("דנה כהן",), language="he", subtitle="סיפור קצר"),
    "arabic": Metadata(title="مرحبا بالعالم", authors=("ليلى أحمد",), language="ar", series="سلسلة الصيف"),
    "japanese": Metadata(title="さくらの物語", authors=("山田 花子",), language="ja"),
    "korean": Metadata(title="지민의 여름", authors=("김지민",), language="ko"),
}
HARFBUZZ_CDEF = """
typedef struct hb_blob_t hb_blob_t; typedef struct hb_face_t hb_face_t; typedef struct hb_font_t hb_font_t;
typedef struct hb_buffer_t hb_buffer_t;
typedef struct { uint32_t codepoint; uint32_t mask; uint32_t cluster; uint32_t var1; uint32_t var2; } hb_glyph_info_t;
hb_blob_t *hb_blob_create_from_file_or_fail (const char *file_name);
hb_face_t *hb_face_create (hb_blob_t *blob, unsigned int index);
hb_font_t *hb_font_create (hb_face_t *face);
hb_buffer_t *hb_buffer_create (void);
void hb_buffer_add_utf8 (hb_buffer_t *buffer, const char *text, int text_length, unsigned int item_offset,
                         int item_length);
void hb_buffer_guess_segment_properties (hb_buffer_t *buffer);
void hb_shape (hb_font_t *font, hb_buffer_t *buffer, const void *features, unsigned int num_features);
hb_glyph_info_t *hb_buffer_get_glyph_infos (hb_buffer_t *buffer, unsigned int *length);
void hb_buffer_destroy (hb_buffer_t *buffer);
"""


@cache
def harfbuzz():
    """Load HarfBuzz (the library WeasyPrint and Pango use) with the few calls shaping needs."""
    from cffi import FFI

    ffi = FFI()
    ffi.cdef(HARFBUZZ_CDEF)
    return ffi, ffi.dlopen("libharfbuzz.so.0")


@cache
def hb_font(path: Path, index: int):
    """Open a face for shaping."""
    ffi, hb = harfbuzz()
    blob = hb.hb_blob_create_from_file_or_fail(str(path).encode())
    assert blob != ffi.NULL, path
    return hb.hb_font_create(hb.hb_face_create(blob, index))


def notdefs(text: str, path: Path, index: int = 0) -> int:
    """Shape a run in a face and count the glyphs it has none for (.notdef, glyph 0)."""
    ffi, hb = harfbuzz()
    buffer = hb.hb_buffer_create()
    data = text.encode("utf-8")
    hb.hb_buffer_add_utf8(buffer, data, len(data), 0, len(data))
    hb.hb_buffer_guess_segment_properties(buffer)
    hb.hb_shape(hb_font(path, index), buffer, ffi.NULL, 0)
    length = ffi.new("unsigned int *")
    infos = hb.hb_buffer_get_glyph_infos(buffer, length)
    missing = sum(1 for number in range(length[0]) if infos[number].codepoint == 0)
    hb.hb_buffer_destroy(buffer)
    return missing


def cover_lines(metadata: Metadata) -> list[str]:
    """Return the texts the cover sets: the title as it sets it (capitals), subtitle, series and authors."""
    return [" ".join(cover_title(metadata.title)), metadata.subtitle, metadata.series.upper(), *metadata.authors]


needs_faces = pytest.mark.skipif(
    not all(installed(face) for face in (*FALLBACKS[:3], CJK_VARIANTS[0])),
    reason="the Noto CJK, Arabic and Hebrew faces are missing (`make fonts`)",
)


@needs_faces
@pytest.mark.parametrize("script", list(COVERS))
def test_every_run_of_a_cover_has_its_glyphs(script: str) -> None:
    metadata = COVERS[script]
    runs = [run for line in cover_lines(metadata) if line for run in line_runs(line, GARAMOND)]
    assert runs and all(run.path != GARAMOND for run in runs if not run.text.isspace())
    assert sum(notdefs(run.text, run.path, run.index) for run in runs) == 0
    assert "".join(run.text for run in runs).replace(" ", "") == "".join(cover_lines(metadata)).replace(" ", "")
    assert cover_notes(metadata) == ()


@needs_faces
def test_the_same_runs_in_eb_garamond_alone_would_be_boxes() -> None:
    """The count can fail: the titles set in the book face alone are all .notdef."""
    for metadata in COVERS.values():
        title = " ".join(cover_title(metadata.title))
        assert notdefs(title, GARAMOND) == len(title.replace(" ", ""))


@needs_faces
def test_a_cover_in_another_script_draws_ink_where_the_title_is(tmp_path: Path) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(generate_cover(COVERS["arabic"]))).convert("L")
    band = image.crop((220, int(2560 * 0.30), 1380, int(2560 * 0.45)))
    assert band.getextrema()[1] > 200  # cream type on the dark ground


def test_right_to_left_lines_are_told_by_their_first_letter() -> None:
    assert right_to_left("שלום world") and right_to_left("«مرحبا»")
    assert not right_to_left("Hello שלום") and not right_to_left("123")


def test_a_character_no_face_has_is_named_and_left_off() -> None:
    metadata = Metadata(title="A Private \ue000 Mark", authors=("Ann",))
    assert cover_notes(metadata) == (
        "the cover leaves out U+E000 unnamed: no face has a glyph for it (`make fonts` installs the Noto faces)",
    )
    assert all("\ue000" not in run.text for run in line_runs("A PRIVATE \ue000 MARK", GARAMOND))
    assert generate_cover(metadata).startswith(b"\xff\xd8\xff")


def test_a_given_cover_has_no_notes() -> None:
    assert cover_notes(Metadata(title="\ue000", cover="cover.jpg")) == ()
