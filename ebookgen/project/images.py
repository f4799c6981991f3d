"""Check a cover image when the project loads: a real, whole JPEG, PNG, GIF, WebP or SVG of a sane size.

Pillow reads the raster header and then every pixel, so a truncated file is found here rather than
in an e-reader; a picture of more than ``MOST_PIXELS`` (a decompression bomb: a few kilobytes that
unpack to gigabytes) is refused before its pixels are unpacked. An SVG is an EPUB core media type
and is taken when it parses as an SVG document, without loading entities or anything from a network.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from ebookgen.errors import ConfigError

# A print cover at 300 dpi on a 8.5x11 in book is 8.4 million pixels; eight times that is no cover.
MOST_PIXELS = 64_000_000
# Pillow's format names, the suffixes a file of that format may carry, and the name a message gives.
FORMATS = {
    "JPEG": ((".jpg", ".jpeg"), "JPEG"),
    "PNG": ((".png",), "PNG"),
    "GIF": ((".gif",), "GIF"),
    "WEBP": ((".webp",), "WebP"),
}
TAKEN = "the cover must be a JPEG, PNG, GIF, WebP or SVG image"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"


def looks_like_svg(data: bytes) -> bool:
    """Tell whether bytes begin like an SVG document (an XML declaration, a comment or an `<svg` tag)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:4096].lower()


def check_cover_image(path: Path, where: str) -> None:
    """Refuse a cover that is not a whole image of a format an EPUB holds, or that is mislabelled or too big."""
    data = path.read_bytes()
    if path.suffix.lower() == ".svg" or looks_like_svg(data):
        check_svg(data, path, where)
        return
    check_raster(path, where)


def check_svg(data: bytes, path: Path, where: str) -> None:
    """Refuse an SVG cover that does not parse as an SVG document, or an SVG not named .svg."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ConfigError(f"{where}: the cover {path.name} is not a readable SVG ({error}); fix it") from None
    if root.tag != SVG_ROOT:
        raise ConfigError(f"{where}: the cover {path.name} is XML but not SVG; {TAKEN}")
    if path.suffix.lower() != ".svg":
        raise ConfigError(f"{where}: the cover {path.name} is an SVG image named {path.suffix}; rename it .svg")


def check_raster(path: Path, where: str) -> None:
    """Refuse a raster cover Pillow cannot read whole, of a format an EPUB does not hold, or of too many pixels."""
    from PIL import Image, ImageFile, UnidentifiedImageError

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint sets it for the whole process when imported.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            ImageFile.LOAD_TRUNCATED_IMAGES = False
            with Image.open(path) as image:
                check_size(image.size, path, where)
                check_format(image.format or "", path, where)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ConfigError(
            f"{where}: the cover {path.name} has too many pixels to be a cover; use a smaller image"
        ) from None
    except UnidentifiedImageError:
        raise ConfigError(f"{where}: the cover {path.name} is not an image; {TAKEN}") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ConfigError(
            f"{where}: the cover {path.name} is damaged or cut short ({error}); export it again"
        ) from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def check_size(size: tuple[int, int], path: Path, where: str) -> None:
    """Refuse an image whose pixel count is a decompression bomb rather than a cover."""
    width, height = size
    if width * height > MOST_PIXELS:
        raise ConfigError(
            f"{where}: the cover {path.name} is {width} x {height} pixels, too many for a cover; "
            "use one of about 1600 x 2560"
        )


def check_format(name: str, path: Path, where: str) -> None:
    """Refuse an image of a format an EPUB does not hold, or one whose suffix names another format."""
    if name not in FORMATS:
        raise ConfigError(f"{where}: the cover {path.name} is a {name} image; {TAKEN}")
    suffixes, label = FORMATS[name]
    if path.suffix.lower() not in suffixes:
        raise ConfigError(
            f"{where}: the cover {path.name} is a {label} image named {path.suffix or 'without a suffix'}; "
            f"rename it {path.stem}{suffixes[0]}"
        )
