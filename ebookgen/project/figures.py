"""The images a book's figures show: a resource its reader found in the file, or an image file of the project.

A figure names its image (``![alt](name)``): first a resource the manuscript file carried (a DOCX's or an
EPUB's image), else a file relative to the manuscript, which must stay inside the project folder and be
a whole JPEG, PNG, GIF, WebP or SVG image. An image that is missing, outside the project or on the web is a
warning and a placeholder that names it (one lost picture must not stop the book); one that is not a whole image
is refused in one line (exit 2).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from ebookgen.errors import InputError
from ebookgen.model import Book, Figure, Image
from ebookgen.project.paths import is_inside, shown
from ebookgen.readers.source import SourceText

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
MOST_PIXELS = 64_000_000  # as for a cover: more is a decompression bomb, not a picture


def figures_of(book: Book) -> list[Figure]:
    """Return every figure of the book in reading order, notes' too, each source name once."""
    found: dict[str, Figure] = {}
    stack = [block for chapter in book.chapters for block in (*chapter.blocks, *chapter.notes)]
    stack.reverse()
    while stack:
        block = stack.pop()
        if isinstance(block, Figure):
            found.setdefault(block.source, block)
        stack.extend(reversed(getattr(block, "blocks", ())))
    return list(found.values())


def figure_images(book: Book, sources: Sequence[SourceText], root: Path) -> tuple[Image, ...]:
    """Return the image of each figure of the book, read from its reader's resources or the project's files."""
    from ebookgen.project.images import looks_like_svg

    resources = {resource.name: resource for source in sources for resource in source.resources}
    images = []
    for figure in figures_of(book):
        if figure.source in resources:
            found = resources[figure.source]
            kind = "image/svg+xml" if looks_like_svg(found.data) else found.media_type  # a drawing, whatever its label
            images.append(Image(figure.source, found.data, kind))
        else:
            images.append(image_file(figure.source, sources, root))
    return tuple(images)


def safe_pictures(images: Sequence[Image]) -> tuple[tuple[Image, ...], tuple[str, ...]]:
    """Take out of each SVG picture what it would fetch from outside the book; say what each lost."""
    from ebookgen.render.svg import safe_svg

    kept, notes = [], []
    for image in images:
        if image.media_type == "image/svg+xml":
            safe = safe_svg(image.data)
            if safe.removed:
                image = Image(image.name, safe.data, image.media_type)
                more = f" and {len(safe.removed) - 3} more" if len(safe.removed) > 3 else ""
                named = ", ".join(safe.removed[:3]) + more
                notes.append(f"the picture {image.name} names what is outside the book ({named}); left out")
        kept.append(image)
    return tuple(kept), tuple(notes)


# How many SVG files of a project `check` looks into, and the largest it reads.
MOST_SVG_FILES = 500
LARGEST_SVG = 16 * 1024 * 1024


def svg_check_lines(root: Path) -> tuple[str, ...]:
    """Say of each SVG picture in the project folder what a book leaves out of it (`check` lists each removal)."""
    from ebookgen.render.svg import safe_svg

    lines = []
    from itertools import islice

    # The folder and its subfolders one deep (images/, figures/): where a figure or a cover is named from.
    found = (path for pattern in ("*.svg", "*/*.svg") for path in root.glob(pattern) if path.parent.name != "dist")
    for path in sorted(islice(found, MOST_SVG_FILES)):
        if not path.is_file() or not is_inside(path, root) or path.stat().st_size > LARGEST_SVG:
            continue
        removed = safe_svg(path.read_bytes()).removed
        if removed:
            more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
            named = ", ".join(removed[:3]) + more
            lines.append(f"{shown(path)}: warning: the picture names what is outside the book ({named}); left out")
    return tuple(lines)


def carried_cover(book: Book, sources: Sequence[SourceText]) -> tuple[Image | None, str]:
    """Return the cover the first manuscript file carried (an EPUB's own) when book.toml names none, and any note.

    A carried cover that is not a whole image gives way to the generated one, with a note saying so.
    """
    name = sources[0].metadata.cover if sources and not book.metadata.cover else ""
    resource = next((each for each in sources[0].resources if each.name == name), None) if name else None
    if resource is None:
        return None, ""
    try:
        return Image(name, resource.data, media_type(resource.data, name, shown(sources[0].path))), ""
    except InputError as error:
        return None, f"{error}; the cover is drawn instead"


def image_file(name: str, sources: Sequence[SourceText], root: Path) -> Image:
    """Read a figure's image file, named relative to a manuscript file; a placeholder where none may be read."""
    path = readable_image(name, sources, root)
    if path is None:
        return Image(name, placeholder(name), "image/svg+xml")
    data = path.read_bytes()
    return Image(name, data, media_type(data, name, figure_place(name, sources, root)))


def unreadable_reason(name: str, sources: Sequence[SourceText], root: Path) -> str:
    """Say why a figure's image cannot be read from the project ('' when it can): never outside it, never a URL."""
    parts = PurePosixPath(name.replace("\\", "/"))
    if ":" in name.split("/")[0]:
        return "is a web address; ebookgen reads no network: copy the image beside the text"
    if parts.is_absolute() or ".." in parts.parts:
        return "is not a file inside the project; name one beside the text"
    for source in sources:
        path = source.path.parent / name
        if path.is_file():
            return "" if is_inside(path, root) else "is a link out of the project folder; copy it in"
    return "is not found beside the manuscript; add it or fix the name"


def readable_image(name: str, sources: Sequence[SourceText], root: Path) -> Path | None:
    """Return the project file a figure names, or None when it cannot be read from the project."""
    if unreadable_reason(name, sources, root):
        return None
    return next(source.path.parent / name for source in sources if (source.path.parent / name).is_file())


def placeholder(name: str) -> bytes:
    """Draw the stand-in for a missing image: a framed box that names the file, so the book still builds."""
    from xml.sax.saxutils import escape

    label = escape(f"Image not found: {name}"[:80])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200">'
        '<rect x="2" y="2" width="596" height="196" fill="#f2f2f2" stroke="#888" stroke-width="4"/>'
        f'<text x="300" y="108" text-anchor="middle" font-family="serif" font-size="24" fill="#444">{label}</text>'
        "</svg>"
    ).encode()


def missing_figures(book: Book, sources: Sequence[SourceText], root: Path) -> tuple[str, ...]:
    """Name each figure whose image is neither carried by its file nor readable beside it: a placeholder stands
    in for it, and the book is built."""
    carried = {resource.name for source in sources for resource in source.resources}
    notes = []
    for figure in figures_of(book):
        reason = "" if figure.source in carried else unreadable_reason(figure.source, sources, root)
        if reason:
            where = figure_place(figure.source, sources, root)
            notes.append(f"{where}: the figure's image {figure.source!r} {reason} (a placeholder stands in)")
    return tuple(notes)


def figure_place(name: str, sources: Sequence[SourceText], root: Path) -> str:
    """Return `FILE:LINE` of the manuscript line that names a figure's image, or the first file's name."""
    for source in sources:
        try:
            lines = source.path.read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            continue
        line = next((number for number, text in enumerate(lines, start=1) if name in text), 0)
        if line:
            return f"{shown(source.path)}:{line}"
    return shown(sources[0].path) if sources else shown(root)


def media_type(data: bytes, name: str, where: str) -> str:
    """Return an image's media type, refusing what is not a whole image of a type an EPUB holds."""
    from ebookgen.project.images import looks_like_svg

    if looks_like_svg(data):
        return "image/svg+xml"
    from PIL import Image as Picture
    from PIL import UnidentifiedImageError

    try:
        with Picture.open(io.BytesIO(data)) as picture:
            width, height = picture.size
            if width * height > MOST_PIXELS:
                raise InputError(
                    f"{where}: the figure {name!r} is {width} x {height} pixels, too many; use a smaller one"
                )
            kind = picture.format or ""
            picture.load()
    except UnidentifiedImageError:
        raise InputError(f"{where}: the figure {name!r} is not an image (JPEG, PNG, GIF, WebP or SVG)") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise InputError(f"{where}: the figure {name!r} is damaged or cut short ({error}); export it again") from None
    if kind not in MEDIA_TYPES:
        raise InputError(f"{where}: the figure {name!r} is a {kind} image; use a JPEG, PNG, GIF, WebP or SVG")
    return MEDIA_TYPES[kind]
