"""Which languages write which script, and which are written right to left: for languages with no file of their own.

``render.scripts`` marks a run of Arabic or Cyrillic in a book of another language with the first
language its script is listed under here.
"""

from __future__ import annotations

# The languages each script is written in, the first the one a run is marked with.
SCRIPT_LANGUAGES = {
    "arabic": ("ar", "fa", "ur", "ps", "ug", "ku", "sd"),
    "hebrew": ("he", "yi"),
    "cyrillic": ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba", "cv"),
    "greek": ("el", "grc"),
    "thai": ("th",),
    "devanagari": ("hi", "mr", "ne", "sa"),
    "cjk": ("zh", "ja", "ko"),
}
RIGHT_TO_LEFT = frozenset(SCRIPT_LANGUAGES["arabic"] + SCRIPT_LANGUAGES["hebrew"] + ("dv", "syr"))
# Languages written in a script whose letters join (Arabic's, Syriac): no raised initial cut from its word, no
# tracking between letters (Kurdish is left out: Kurmanji is written in Latin letters).
JOINED_LETTERS = frozenset(("ar", "fa", "ur", "ps", "ug", "sd", "ckb", "syr"))
