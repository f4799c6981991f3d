"""The printed book's faces, every one by file: the fallback faces for scripts EB Garamond lacks.

The print stylesheet names no face that fontconfig resolves against the host: EB Garamond and the theme's
faces are ``@font-face`` rules on files ebookgen ships or installs, and each fallback face of the table
(``ebookgen/resources/faces.py``, shared with the generated cover) is one on a file found by path (Debian's
Noto packages, or ``make fonts``), under a family name no system font has ("ebookgen Noto Serif Hebrew"),
with a ``unicode-range`` of the characters of its own script the book uses, so a fallback never sets a digit
or a word space. WeasyPrint lays the book out with a fontconfig of its own (``own_fontconfig``) that lists no
folder at all: installing or removing a system font (Debian's colour emoji, say) changes no byte of the PDF.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from ebookgen.cachedir import cache_home, keep
from ebookgen.resources import faces, styles_dir
from ebookgen.resources.faces import (
    CJK_VARIANTS,
    FALLBACKS,
    Fallback,
    covered,
    in_blocks,
    installed,
    single_face,
    text_characters,
)

# The languages whose books are set in traditional Chinese characters: their root carries zh-Hant's face.
TRADITIONAL = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
STACK = "--ebookgen-fallbacks"
# Marks a Chinese or Japanese book sets a full ideograph wide, from its CJK face: quotes, the doubled ellipsis and
# dash (`……`, `——`), the middle dot. EB Garamond has them too, at a Latin width: they would stand cramped.
CJK_PUNCTUATION = frozenset(map(ord, "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"))
PUNCTUATION_FAMILY = "ebookgen CJK punctuation"


def unicode_ranges(points: frozenset[int]) -> str:
    """Write a set of code points as the fewest CSS unicode-range spans."""
    spans: list[list[int]] = []
    for point in sorted(points):
        if spans and spans[-1][1] == point - 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return ", ".join(f"U+{low:X}" if low == high else f"U+{low:X}-{high:X}" for low, high in spans)


def face_file(path: Path, index: int, points: frozenset[int]) -> tuple[Path, frozenset[int]]:
    """Return the file the layout loads for a face, and the characters it may set.

    A big face (a CJK collection) is cut down to the book's characters (``facesubset``); where HarfBuzz-Subset
    is missing, its face is cut out of the collection whole.
    """
    from ebookgen.pdf.facesubset import book_face

    try:
        subset = book_face(path, index, points)
    except (OSError, RuntimeError, AttributeError):
        subset = None
    return (subset, points) if subset else (single_face(path, index), points)


def face_rule(fallback: Fallback, file: str, weight: str, used: frozenset[int]) -> str:
    """Declare one file of a fallback face, at one weight, for the characters of its script the book uses."""
    path = faces.find_file(file)
    if path is None:
        return ""
    loaded, points = face_file(path, fallback.index, covered(fallback) & used)
    return (
        f'@font-face {{ font-family: "{fallback.family}"; src: url("{loaded.as_uri()}"); font-weight: {weight};'
        f" font-style: normal; unicode-range: {unicode_ranges(points)}; }}"
    )


@cache
def sheet_characters() -> frozenset[int]:
    """Return the characters the print stylesheets write themselves (ornaments, generated text), of every theme."""
    return frozenset(ord(char) for path in styles_dir().rglob("*.css") for char in path.read_text(encoding="utf-8"))


def needed(fallback: Fallback, used: frozenset[int], language: str = "") -> bool:
    """Tell whether the book uses a character a fallback face sets (the blocks first: no file is read for most).

    A CJK variant is declared only where a span can take its language: Hangul for Korean, Han characters for
    Chinese, and for traditional Chinese a book in that language.
    """
    if fallback.lang == "zh-Hant" and not language.lower().startswith(TRADITIONAL):
        return False
    if fallback.wanted_by and not any(in_blocks(point, fallback.wanted_by) for point in used):
        return False
    return any(in_blocks(point, fallback.blocks) for point in used) and not covered(fallback).isdisjoint(used)


def fallback_css(text: str, language: str = "") -> str:
    """Declare the fallback faces a book's text needs, by file, and the stack the print stylesheet ends with."""
    used = (frozenset(map(ord, set(text))) | sheet_characters()) - text_characters()
    declared = [fallback for fallback in (*FALLBACKS, *CJK_VARIANTS) if needed(fallback, used, language)]
    rules = [
        rule
        for fallback in declared
        for file, weight in ((fallback.regular, "normal"), (fallback.bold, "bold"))
        if file and (rule := face_rule(fallback, file, weight, used))
    ]
    # A family no face answers to: an empty stack would make the whole font-family declaration invalid.
    stack = ", ".join(f'"{fallback.family}"' for fallback in declared if fallback in FALLBACKS) or '"ebookgen none"'
    rules.append(f":root {{ {STACK}: {stack}; }}")
    punctuation = cjk_punctuation(language, frozenset(map(ord, set(text))))  # marks EB Garamond has too
    lead = f'"{PUNCTUATION_FAMILY}", ' if punctuation else ""
    rules += punctuation
    for variant in CJK_VARIANTS:
        if variant in declared:
            family = f'{lead if variant.lang == book_face(language).lang else ""}"EB Garamond", "{variant.family}"'
            rules.append(f":lang({variant.lang}) {{ font-family: {family}, var({STACK}); }}")
    if punctuation and book_face(language).lang == "":  # Japanese: its face is the stack's, for every span
        rules.append(f':lang(ja) {{ font-family: {lead}"EB Garamond", var({STACK}); }}')
    return "\n".join(rules)


def book_face(language: str) -> Fallback:
    """Return the CJK face a Chinese or Japanese book's own text is set in (Japanese, simplified or traditional)."""
    tag = language.lower()
    if tag.startswith(TRADITIONAL):
        return CJK_VARIANTS[2]
    return CJK_VARIANTS[1] if tag.split("-")[0] == "zh" else FALLBACKS[0]


def cjk_punctuation(language: str, used: frozenset[int]) -> list[str]:
    """Declare, for a Chinese or Japanese book, its CJK face for the marks it sets full width (the quotes...)."""
    if language.lower().split("-")[0] not in ("zh", "ja"):
        return []
    face = book_face(language)
    points = CJK_PUNCTUATION & used
    path = faces.find_file(face.regular)
    if path is None or not points:
        return []
    rules = []
    for file, weight in ((face.regular, "normal"), (face.bold, "bold")):
        found = faces.find_file(file) if file else None
        if found is not None:
            loaded, _ = face_file(found, face.index, points)
            rules.append(
                f'@font-face {{ font-family: "{PUNCTUATION_FAMILY}"; src: url("{loaded.as_uri()}"); '
                f"font-weight: {weight}; font-style: normal; unicode-range: {unicode_ranges(points)}; }}"
            )
    return rules


# A fontconfig that knows no folder: WeasyPrint's @font-face files are then the only faces there are.
OWN_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- ebookgen's print layout: no system font, only the faces the book's stylesheet names by file. -->
<fontconfig></fontconfig>
"""


@cache
def own_fontconfig_file() -> Path:
    """Return the path of ebookgen's own fontconfig file, written once into its cache (once a process)."""
    path = cache_home() / "fonts" / "fonts.conf"
    if not path.is_file() or path.read_text(encoding="utf-8") != OWN_FONTCONFIG:
        keep(path, OWN_FONTCONFIG.encode())
    if not path.is_file():  # an unwritable cache: a file of this process's own
        import tempfile

        descriptor, name = tempfile.mkstemp(suffix=".conf", prefix="ebookgen-fonts-")
        os.write(descriptor, OWN_FONTCONFIG.encode())
        os.close(descriptor)
        path = Path(name)
    return path


@contextmanager
def own_fontconfig() -> Iterator[None]:
    """Within the block, fontconfig loads ebookgen's own configuration (no system font) instead of the host's."""
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(own_fontconfig_file())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("FONTCONFIG_FILE", None)
        else:
            os.environ["FONTCONFIG_FILE"] = before


def missing_packages() -> list[str]:
    """Return the Debian packages that would bring the fallback faces missing here (for `make fonts`)."""
    wanted = [fallback.brings for fallback in (*FALLBACKS, *CJK_VARIANTS) if not installed(fallback)]
    return [brings.split()[-1] for brings in dict.fromkeys(wanted) if brings.startswith("Debian's ")]
