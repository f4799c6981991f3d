"""The printed book's faces, every one by file: the fallback faces for scripts EB Garamond lacks.

The print stylesheet names no face that fontconfig resolves against the host: EB Garamond and the theme's
faces are ``@font-face`` rules on files ebookgen ships or installs, and each fallback face below is one
on a file found by path (Debian's Noto packages, or ``make fonts``), under a family name no system font
has ("ebookgen Noto Serif Hebrew"), with a ``unicode-range`` of its own script's characters that it
has, so a fallback never sets a digit or a word space. WeasyPrint lays the book out with a fontconfig
of its own (``own_fontconfig``) that lists no folder at all: installing or removing a system font
(Debian's colour emoji, say) changes no byte of the PDF.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ebookgen.cachedir import cache_home, keep
from ebookgen.resources import styles_dir

NOTO_CORE = "Debian's fonts-noto-core"
NOTO_CJK = "Debian's fonts-noto-cjk"
NOTO_EMOJI = "npm's @fontsource/noto-emoji (tools/emoji_font.py)"
MAKE_FONTS = "`make fonts`"
# The folders a fallback file is looked for in: Debian's and Ubuntu's, Fedora's and Arch's, and ebookgen's own
# (where `make fonts` puts the monochrome Noto Emoji: /usr/local as root, the user's fonts folder otherwise).
FOLDERS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto",
    "/usr/share/fonts/google-noto-serif-cjk-fonts",
    "/usr/local/share/fonts/ebookgen",
    "~/.local/share/fonts/ebookgen",
)

Blocks = tuple[tuple[int, int], ...]
CJK: Blocks = (
    (0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x2FF0, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3130, 0x318F),
    (0x3190, 0x31FF), (0x3200, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3134F),
)  # fmt: skip
ARABIC: Blocks = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
HEBREW: Blocks = ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))
DEVANAGARI: Blocks = ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))
# Symbols and pictographs: from superscripts to the end of the miscellaneous symbols, and the emoji planes;
# never Latin, digits or the general punctuation (word spaces, dashes), which stay in the text face.
SYMBOLS: Blocks = ((0x2070, 0x2BFF), (0x1F000, 0x1FBFF))
MATH: Blocks = ((0x2070, 0x2BFF), (0x1D400, 0x1D7FF))


@dataclass(frozen=True)
class Fallback:
    """A face for characters EB Garamond lacks: its family in the book, its files, its script and who brings it."""

    family: str  # the @font-face family, a name no system font has
    regular: str  # its file's name, looked for in FOLDERS
    blocks: Blocks  # the Unicode blocks it may set (of which, the characters its file has)
    brings: str  # the package that installs the file
    bold: str = ""  # the bold file's name, where there is one
    index: int = 0  # the face within a collection (.ttc)
    lang: str = ""  # a CJK variant set for spans of this language only ("ko", "zh", "zh-Hant")
    wanted_by: Blocks = ()  # a CJK variant: the letters that make the renderer mark a span with its language

    @property
    def name(self) -> str:
        """Return the face's own name, as a user would ask for it."""
        return self.family.removeprefix("ebookgen ")


def cjk(variant: str, index: int, lang: str, wanted_by: Blocks = ()) -> Fallback:
    """Return the Noto Serif CJK face of one variant (JP, KR, SC, TC), the same collection at another index."""
    regular, bold = "NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"
    return Fallback(f"ebookgen Noto Serif CJK {variant}", regular, CJK, NOTO_CJK, bold, index, lang, wanted_by)


def noto(name: str, blocks: Blocks, bold: bool = True, brings: str = NOTO_CORE) -> Fallback:
    """Return a Noto face of fonts-noto-core by its name ("Noto Serif Hebrew" is NotoSerifHebrew-Regular.ttf)."""
    stem = name.replace(" ", "")
    return Fallback(f"ebookgen {name}", f"{stem}-Regular.ttf", blocks, brings, f"{stem}-Bold.ttf" if bold else "")


# The fallback faces in the order the print stylesheet tries them, after the text face.
FALLBACKS = (
    cjk("JP", 0, ""),
    noto("Noto Naskh Arabic", ARABIC),
    noto("Noto Serif Hebrew", HEBREW),
    noto("Noto Serif Devanagari", DEVANAGARI),
    noto("Noto Serif Thai", ((0x0E00, 0x0E7F),)),
    noto("Noto Serif Bengali", ((0x0980, 0x09FF),)),
    noto("Noto Serif Tamil", ((0x0B80, 0x0BFF),)),
    noto("Noto Serif Armenian", ((0x0530, 0x058F), (0xFB13, 0xFB17))),
    noto("Noto Serif Georgian", ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F))),
    noto("Noto Serif Ethiopic", ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))),
    noto("Noto Sans Symbols2", SYMBOLS, bold=False),
    noto("Noto Sans Symbols", SYMBOLS),
    noto("Noto Sans Math", MATH, bold=False),
    noto("Noto Emoji", SYMBOLS, bold=False, brings=NOTO_EMOJI),
)
# Spans marked with another CJK language take its own glyph forms, before the Japanese face.
HANGUL: Blocks = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
HAN: Blocks = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
CJK_VARIANTS = (cjk("KR", 1, "ko", HANGUL), cjk("SC", 2, "zh", HAN), cjk("TC", 3, "zh-Hant", HAN))
# The languages whose books are set in traditional Chinese characters: their root carries zh-Hant's face.
TRADITIONAL = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
STACK = "--ebookgen-fallbacks"


def find_file(name: str) -> Path | None:
    """Return the first of FOLDERS holding a font file of that name, or None."""
    for folder in FOLDERS:
        path = Path(folder).expanduser() / name
        if path.is_file():
            return path
    return None


def installed(fallback: Fallback) -> bool:
    """Tell whether a fallback face's file is on this machine."""
    return find_file(fallback.regular) is not None


@cache
def face_characters(path: Path, index: int = 0) -> frozenset[int]:
    """Return the code points a font file (or one face of a collection) maps to glyphs."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        return frozenset(TTCollection(path, lazy=True).fonts[index].getBestCmap())
    return frozenset(TTFont(path, lazy=True).getBestCmap())


def in_blocks(point: int, blocks: Blocks) -> bool:
    """Tell whether a code point lies in one of the blocks."""
    return any(low <= point <= high for low, high in blocks)


@cache
def covered(fallback: Fallback) -> frozenset[int]:
    """Return the characters a fallback face sets: those of its script its file has (none when it is missing)."""
    path = find_file(fallback.regular)
    if path is None:
        return frozenset()
    return frozenset(point for point in face_characters(path, fallback.index) if in_blocks(point, fallback.blocks))


def single_face(path: Path, index: int) -> Path:
    """Return a file holding one face of a collection (a .ttc), cut out once into ebookgen's cache."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return path
    stat = path.stat()
    target = cache_home() / "fonts" / f"{path.stem}-{index}-{stat.st_size}-{int(stat.st_mtime)}.otf"
    if not target.is_file():
        import io

        from fontTools.ttLib import TTCollection

        buffer = io.BytesIO()
        TTCollection(path, lazy=True).fonts[index].save(buffer)
        keep(target, buffer.getvalue())
    return target if target.is_file() else path


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
    path = find_file(file)
    if path is None:
        return ""
    loaded, points = face_file(path, fallback.index, covered(fallback) & used)
    return (
        f'@font-face {{ font-family: "{fallback.family}"; src: url("{loaded.as_uri()}"); font-weight: {weight};'
        f" font-style: normal; unicode-range: {unicode_ranges(points)}; }}"
    )


# The faces the text is set in: roman for the story, italic for flashbacks and emphasis. A character both have
# is never set in a fallback face.
TEXT_FACES = ("EBGaramond-Regular.ttf", "EBGaramond-Italic.ttf")


@cache
def text_characters() -> frozenset[int]:
    """Return the characters both text faces (EB Garamond roman and italic) have."""
    folder = styles_dir() / "fonts"
    roman, italic = (face_characters(folder / name) for name in TEXT_FACES)
    return roman & italic


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
    for variant in CJK_VARIANTS:
        if variant in declared:
            rules.append(f':lang({variant.lang}) {{ font-family: "EB Garamond", "{variant.family}", var({STACK}); }}')
    return "\n".join(rules)


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
