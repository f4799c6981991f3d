"""HarfBuzz and HarfBuzz-Subset through cffi: the calls the joined PDF's fonts and the cut-down faces need.

One declaration and one loader serve both (``join.py`` subsets embedded fonts by glyph, ``facesubset.py``
cuts a big fallback face down to a book's characters); the libraries are the ones WeasyPrint shapes with.
"""

from __future__ import annotations

from functools import cache

HARFBUZZ_CDEF = """
typedef struct hb_blob_t hb_blob_t;
typedef struct hb_face_t hb_face_t;
typedef struct hb_set_t hb_set_t;
typedef struct hb_subset_input_t hb_subset_input_t;
hb_blob_t *hb_blob_create_from_file_or_fail (const char *file_name);
void hb_blob_destroy (hb_blob_t *blob);
const char *hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
hb_face_t *hb_face_create (hb_blob_t *blob, unsigned int index);
hb_blob_t *hb_face_reference_blob (hb_face_t *face);
void hb_face_destroy (hb_face_t *face);
void hb_set_add (hb_set_t *set, uint32_t codepoint);
uint32_t hb_tag_from_string (const char *str, int len);
hb_subset_input_t *hb_subset_input_create_or_fail (void);
void hb_subset_input_destroy (hb_subset_input_t *input);
hb_set_t *hb_subset_input_glyph_set (hb_subset_input_t *input);
hb_set_t *hb_subset_input_unicode_set (hb_subset_input_t *input);
hb_set_t *hb_subset_input_set (hb_subset_input_t *input, int set_type);
void hb_subset_input_set_flags (hb_subset_input_t *input, unsigned value);
hb_face_t *hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
const char *hb_version_string (void);
"""


@cache
def harfbuzz():
    """Load HarfBuzz and HarfBuzz-Subset: (ffi, core library, subset library); OSError where they are missing."""
    from cffi import FFI

    ffi = FFI()
    ffi.cdef(HARFBUZZ_CDEF)
    return ffi, ffi.dlopen("libharfbuzz.so.0"), ffi.dlopen("libharfbuzz-subset.so.0")
