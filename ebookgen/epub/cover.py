"""The book's cover: the image named in book.toml, or a typographic cover set in the book's own font.

The generated cover is 1600 x 2560 px (Amazon's and Kobo's recommended ratio): a deep ground,
a double rule frame, the title in spaced capitals, a fleuron, and the author at the foot. Its
colours are picked from a small palette by the title, so every book gets its own and the same
book always gets the same bytes.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ebookgen.cachedir import cache_home, keep, sha256
from ebookgen.epub.coverfaces import draw_mixed, in_text_face, mixed_width, unset_on_cover
from ebookgen.errors import ConfigError, InputError
from ebookgen.languages import Language
from ebookgen.model import Image, Metadata
from ebookgen.render.xhtml import attribute
from ebookgen.resources import styles_dir
from ebookgen.resources.faces import FALLBACKS, MAKE_FONTS, installed
from ebookgen.version import __version__

WIDTH, HEIGHT = 1600, 2560
# The least a cover should measure on its long side: the stores' floor (Apple, Kobo, Google), and KDP's ideal.
STORE_LONG_SIDE, KDP_LONG_SIDE = 1600, 2560
MARGIN = 96
TEXT_WIDTH = WIDTH - 2 * 220
# Past this many words or letters a title no longer fits the cover: it is cut there, with an ellipsis.
COVER_TITLE_WORDS = 24
COVER_TITLE_LETTERS = 160

# (ground, ink, accent): dark grounds with cream type and a muted gold, as on cloth bindings.
PALETTES = (
    ((28, 42, 68), (243, 235, 221), (201, 164, 92)),
    ((84, 28, 34), (244, 232, 216), (214, 175, 106)),
    ((30, 59, 51), (239, 232, 216), (199, 166, 97)),
    ((40, 38, 44), (237, 230, 218), (184, 155, 94)),
    ((22, 62, 74), (240, 234, 222), (206, 170, 104)),
)

# Image formats a reading system must support, by their first bytes.
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)


@dataclass(frozen=True)
class CoverImage:
    """The cover's bytes and what kind of image they are."""

    data: bytes
    media_type: str
    extension: str


# The file suffix of each image type a carried cover may be.
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg"}


def cover_image(metadata: Metadata, carried: Image | None = None) -> CoverImage:
    """Return the cover named in book.toml, else the one the manuscript carried (an EPUB's), else a drawn one."""
    if metadata.cover:
        return read_cover(Path(metadata.cover))
    if carried is not None:
        return CoverImage(carried.data, carried.media_type, EXTENSIONS[carried.media_type])
    return CoverImage(generated_cover(metadata), "image/jpeg", "jpg")


def generated_cover(metadata: Metadata) -> bytes:
    """Return the typographic cover, from the cache when this book's was drawn before (drawing takes 0.2 s)."""
    path = cache_home() / "covers" / f"{cover_key(metadata)}.jpg"
    try:
        data = path.read_bytes()
        if data.startswith(b"\xff\xd8\xff") and data.endswith(b"\xff\xd9"):  # a whole JPEG
            return data
    except OSError:
        pass
    data = generate_cover(metadata)
    keep(path, data)
    return data


def cover_key(metadata: Metadata) -> str:
    """Return the name of a drawn cover in the cache: the book's metadata, the faces installed, the versions."""
    import PIL

    # The faces installed for other scripts draw part of the cover: a face installed since is a new cover.
    faces = ",".join(face.name for face in FALLBACKS if installed(face))
    return sha256(f"{__version__} {PIL.__version__} {metadata!r} {faces}".encode()).hexdigest()


def cover_notes(metadata: Metadata, carried: Image | None = None) -> tuple[str, ...]:
    """Say what the reader should fix on the cover: a given one too small, a generated one's missing characters."""
    if metadata.cover or carried is not None:
        try:
            note = small_cover_note(cover_image(metadata, carried))
        except (InputError, ConfigError):  # a cover that cannot be read stopped the build already
            note = None
        named = metadata.cover or "the cover the manuscript carries"
        return (f"{named}: {note}",) if note else ()
    unset = unset_characters(metadata)
    if not unset:
        return ()
    named = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}" for char in unset[:3])
    more = f" and {len(unset) - 3} more" if len(unset) > 3 else ""
    return (f"the cover leaves out {named}{more}: no face has a glyph for it ({MAKE_FONTS} installs the Noto faces)",)


def unset_characters(metadata: Metadata) -> list[str]:
    """Return the characters of a drawn cover no face has, kept beside the cached cover."""
    # Reading the faces' character tables (fontTools) takes longer than the rest of a short story's build.
    path = cache_home() / "covers" / f"{cover_key(metadata)}.unset"
    try:
        return list(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError):
        pass
    texts = [metadata.title, metadata.subtitle, metadata.series, *metadata.authors]
    unset = unset_on_cover([text or "" for text in texts], styles_dir() / "fonts" / "EBGaramond-Regular.ttf")
    keep(path, "".join(unset).encode("utf-8"))
    return unset


def small_cover_note(image: CoverImage) -> str | None:
    """Say when a raster cover is smaller than the stores ask (1,600 px on its long side; KDP 2,560), else None."""
    if image.media_type == "image/svg+xml":
        return None
    from PIL import Image as Picture

    try:
        with Picture.open(io.BytesIO(image.data)) as picture:
            width, height = picture.size
    except (OSError, ValueError, Picture.DecompressionBombError):
        return None
    if max(width, height) >= STORE_LONG_SIDE:
        return None
    return (
        f"the cover is {width} x {height} px; stores ask for at least {STORE_LONG_SIDE:,} px on its long side "
        f"(KDP {KDP_LONG_SIDE:,} x {WIDTH:,}), or it shows blurred in the store and on a large screen"
    )


def read_cover(path: Path) -> CoverImage:
    """Read a cover image file and check it is a JPEG, PNG or GIF."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the cover image ({error.strerror})") from None
    for signature, media_type, extension in SIGNATURES:
        if data.startswith(signature):
            return CoverImage(data, media_type, extension)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return CoverImage(data, "image/webp", "webp")
    if path.suffix.lower() == ".svg":  # Checked as an SVG document when the project loaded (project/images.py).
        from ebookgen.render.svg import safe_svg

        return CoverImage(safe_svg(data).data, "image/svg+xml", "svg")  # nothing from outside the book
    raise ConfigError(f"{path}: the cover must be a JPEG, PNG, GIF, WebP or SVG image")


def cover_page(metadata: Metadata, image_href: str, language: Language) -> str:
    """Render the cover page: the image alone, described for screen readers in the book's language."""
    said = language.words
    alt = f"{said.cover}: {metadata.title}, {said.by_author.format(author=metadata.author)}"
    return (
        '<section epub:type="cover" class="cover" id="cover">\n'
        f'<img src={attribute(image_href)} alt={attribute(alt)} role="doc-cover"/>\n</section>'
    )


def palette_for(title: str) -> tuple[tuple[int, int, int], ...]:
    """Pick the cover's colours from the title, the same every time."""
    digest = sha256(title.encode("utf-8")).digest()
    return PALETTES[digest[0] % len(PALETTES)]


@functools.lru_cache(maxsize=64)
def font(style: str, size: int):
    """Load the book font (EB Garamond) at a size."""
    from PIL import ImageFont

    return ImageFont.truetype(str(styles_dir() / "fonts" / f"EBGaramond-{style}.ttf"), size)


def tracked_width(line: str, face, tracking: float) -> float:
    """Return the width of a line set with extra space between letters (run by run where EB Garamond lacks some)."""
    if not in_text_face(line, Path(face.path)):
        return mixed_width(line, face)
    return sum(letter_width(face, char) for char in line) + tracking * face.size * max(len(line) - 1, 0)


@functools.lru_cache(maxsize=4096)
def letter_width(face, char: str) -> float:
    """Return one letter's advance in a face, measured once."""
    return face.getlength(char)


def draw_tracked(draw, line: str, face, top: float, tracking: float, fill) -> None:
    """Draw one centred line with extra space between its letters; other scripts in their faces, shaped, untracked."""
    if not in_text_face(line, Path(face.path)):
        return draw_mixed(draw, line, face, top, fill, WIDTH)
    x = (WIDTH - tracked_width(line, face, tracking)) / 2
    for char in line:
        draw.text((x, top), char, font=face, fill=fill)
        x += face.getlength(char) + tracking * face.size


def wrap(words: list[str], face, tracking: float, width: float) -> list[str]:
    """Break words into lines no wider than width."""
    lines: list[str] = []
    for word in words:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and tracked_width(candidate, face, tracking) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def cover_title(title: str) -> list[str]:
    """Return the title's words as the cover sets them: cut with an ellipsis past a sane length, on the cover only."""
    words = title.upper().split() or ["UNTITLED"]
    kept: list[str] = []
    for word in words[:COVER_TITLE_WORDS]:
        if sum(len(each) + 1 for each in kept) + len(word) > COVER_TITLE_LETTERS:
            break
        kept.append(word)
    if not kept:  # One word longer than the whole cover.
        kept = [words[0][: COVER_TITLE_LETTERS // 8]]
    if kept == words:
        return kept
    return [*kept[:-1], f"{kept[-1]}\u2026"]


def fit_title(title: str, tracking: float) -> tuple[object, list[str]]:
    """Find the largest title size that sets the title within the frame: four lines, or up to seven if long."""
    words = cover_title(title)
    for most_lines, sizes in ((4, range(210, 110, -10)), (7, range(110, 50, -6))):
        for size in sizes:
            face = font("Regular", size)
            lines = wrap(words, face, tracking, TEXT_WIDTH)
            if len(lines) <= most_lines and all(tracked_width(line, face, tracking) <= TEXT_WIDTH for line in lines):
                return face, lines
    face = font("Regular", 50)
    return face, wrap(words, face, tracking, TEXT_WIDTH)


def draw_frame(draw, accent) -> None:
    """Draw the double rule frame: a strong outer rule and a hairline inside it."""
    draw.rectangle((MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN), outline=accent, width=6)
    inner = MARGIN + 22
    draw.rectangle((inner, inner, WIDTH - inner, HEIGHT - inner), outline=accent, width=2)


def draw_title(draw, metadata: Metadata, ink, accent) -> float:
    """Draw the title (and subtitle) in the upper half; return where the block ends."""
    face, lines = fit_title(metadata.title, 0.08)
    leading = face.size * 1.18
    top = HEIGHT * 0.40 - leading * len(lines) / 2 - face.size * 0.2
    for index, line in enumerate(lines):
        draw_tracked(draw, line, face, top + index * leading, 0.08, ink)
    bottom = top + leading * len(lines) + face.size * 0.1
    if metadata.subtitle:
        italic = font("Italic", 64)
        for index, line in enumerate(wrap(metadata.subtitle.split()[:30], italic, 0, TEXT_WIDTH)[:2]):
            draw_tracked(draw, line, italic, bottom + 40 + index * 80, 0, accent)
        bottom += 60 + 80 * min(2, len(wrap(metadata.subtitle.split()[:30], italic, 0, TEXT_WIDTH)))
    return bottom


def draw_ornament(draw, top: float, accent) -> None:
    """Draw a fleuron between two short rules."""
    face = font("Regular", 110)
    width = face.getlength("\u2767")
    middle = top + 70
    draw_tracked(draw, "\u2767", face, middle - face.size * 0.66, 0, accent)
    gap = width / 2 + 36
    draw.line((WIDTH / 2 - gap - 190, middle, WIDTH / 2 - gap, middle), fill=accent, width=3)
    draw.line((WIDTH / 2 + gap, middle, WIDTH / 2 + gap + 190, middle), fill=accent, width=3)


def draw_author(draw, metadata: Metadata, ink, accent) -> None:
    """Draw the author's name in spaced capitals near the foot, and the series above the title."""
    size, names = 84, [" ".join(name.upper().split()[:12]) for name in metadata.authors][:3]
    while size > 56 and any(tracked_width(name, font("Regular", size), 0.22) > TEXT_WIDTH for name in names):
        size -= 4
    face = font("Regular", size)
    lines = [line for name in names for line in wrap(name.split(), face, 0.22, TEXT_WIDTH)]
    leading = size * 1.3
    top = HEIGHT * 0.80 - leading * len(lines) / 2
    for index, line in enumerate(lines):
        draw_tracked(draw, line, face, top + index * leading, 0.22, ink)
    if metadata.series:
        number = f"  \u00b7  {metadata.series_index}" if metadata.series_index else ""
        series = " ".join(metadata.series.upper().split()[:12]) + number
        small = font("Regular", 52)
        draw_tracked(draw, wrap(series.split(), small, 0.25, TEXT_WIDTH)[0], small, HEIGHT * 0.14, 0.25, accent)


def generate_cover(metadata: Metadata) -> bytes:
    """Set a typographic cover for the book as a JPEG."""
    from PIL import Image, ImageDraw

    ground, ink, accent = palette_for(metadata.title)
    image = Image.new("RGB", (WIDTH, HEIGHT), ground)
    draw = ImageDraw.Draw(image)
    draw_frame(draw, accent)
    bottom = draw_title(draw, metadata, ink, accent)
    draw_ornament(draw, bottom + 40, accent)
    draw_author(draw, metadata, ink, accent)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, optimize=True, subsampling=0)
    return buffer.getvalue()
