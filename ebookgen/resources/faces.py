"""The faces the books are set in, found by file: EB Garamond, and the fallback faces for scripts it lacks.

One table for the print edition and the generated cover alike: each fallback face (Noto Serif CJK, Noto Naskh
Arabic, Noto Serif Hebrew, Devanagari and the rest, Noto Sans Symbols, the monochrome Noto Emoji), the Unicode
blocks it sets, the file it is, where that file may be on a machine, and the package (or ``make fonts``) that
brings it. Nothing here asks fontconfig: a face is a file found by path.
"""

from __future__ import annotations

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
    # "-dated": cut keeping the face's own date; a cut made before stamped the clock's, and is not taken
    target = cache_home() / "fonts" / f"{path.stem}-{index}-{stat.st_size}-{int(stat.st_mtime)}-dated.otf"
    if not target.is_file():
        import io

        from fontTools.ttLib import TTCollection

        buffer = io.BytesIO()
        # The face's own date, not the clock's: a cut made on another day embeds the same bytes.
        TTCollection(path, lazy=True, recalcTimestamp=False).fonts[index].save(buffer)
        keep(target, buffer.getvalue())
    return target if target.is_file() else path


# The faces the text is set in: roman for the story, italic for flashbacks and emphasis. A character both have
# is never set in a fallback face.
TEXT_FACES = ("EBGaramond-Regular.ttf", "EBGaramond-Italic.ttf")


@cache
def text_characters() -> frozenset[int]:
    """Return the characters both text faces (EB Garamond roman and italic) have."""
    folder = styles_dir() / "fonts"
    roman, italic = (face_characters(folder / name) for name in TEXT_FACES)
    return roman & italic
