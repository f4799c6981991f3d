"""The images a book's figures show: a resource its reader found in the file, or an image file of the project.

A figure names its image (``![alt](name)``): first a resource the manuscript file carried (a DOCX's or an
EPUB's image), else a file relative to the manuscript, which must stay inside the project folder and be
a whole JPEG, PNG, GIF, WebP or SVG image. Anything else is refused in one line (exit 2).
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
                notes.append(f"the picture {image.name} names what is outside the book ({named}); left out of it")
        kept.append(image)
    return tuple(kept), tuple(notes)


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
    """Read a figure's image file, named relative to a manuscript file, refusing one outside the project."""
    where = figure_place(name, sources, root)
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or ":" in name.split("/")[0]:
        raise InputError(f"{where}: the figure {name!r} is not a file inside the project; name one beside the text")
    for source in sources:
        path = source.path.parent / name
        if path.is_file():
            if not is_inside(path, root):
                raise InputError(f"{where}: the figure {name!r} is a link out of the project folder; copy it in")
            data = path.read_bytes()
            return Image(name, data, media_type(data, name, where))
    raise InputError(f"{where}: the figure's image {name!r} is not found beside the manuscript; add it or fix the name")


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
