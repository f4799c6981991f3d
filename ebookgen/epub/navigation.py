"""The EPUB's navigation: the EPUB 3 navigation document and the EPUB 2 NCX, from the same records.

Both list the table of contents in the same order (parts with their chapters nested under
them); the navigation document adds the hidden landmarks and, for a book built with its print
edition, a hidden page list that the NCX carries too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.languages import Language
from ebookgen.render.xhtml import attribute, text, xhtml_document

NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"


@dataclass(frozen=True)
class NavEntry:
    """One line of the table of contents, with the lines nested under it."""

    title: str
    href: str
    children: tuple[NavEntry, ...] = ()


def table_of_contents(lines: list[tuple[str, NavEntry]]) -> tuple[NavEntry, ...]:
    """Nest the book's documents, each a kind and its line: a chapter under the part that opened before it (and a
    collected work's own part, a "subpart", under the work), the back matter beside the parts."""
    top: list[NavEntry] = []
    in_part = in_subpart = False
    for kind, line in lines:
        if kind not in ("part", "subpart", "chapter"):
            top.append(line)  # back matter stands beside the parts, not inside the last
            in_part = in_subpart = False
        elif kind == "part":
            top.append(line)
            in_part, in_subpart = True, False
        elif kind == "subpart" and in_part:
            top[-1] = nested(top[-1], line)
            in_subpart = True
        elif in_subpart:
            top[-1] = nested(top[-1], nested(top[-1].children[-1], line), replace_last=True)
        elif in_part:
            top[-1] = nested(top[-1], line)
        else:
            top.append(line)
    return tuple(top)


def nested(parent: NavEntry, child: NavEntry, replace_last: bool = False) -> NavEntry:
    """Return the parent with the child as its last entry (in place of its last, with replace_last)."""
    children = parent.children[:-1] if replace_last else parent.children
    return NavEntry(parent.title, parent.href, (*children, child))


@dataclass(frozen=True)
class Landmark:
    """A landmark: a structural place (cover, title page, start of text, contents) a reader can jump to."""

    kind: str
    title: str
    href: str


@dataclass(frozen=True)
class PageTarget:
    """A page of the print edition and where it begins in the e-book."""

    label: str
    href: str


@dataclass(frozen=True)
class Navigation:
    """Everything both navigation files list."""

    toc: tuple[NavEntry, ...]
    landmarks: tuple[Landmark, ...]
    pages: tuple[PageTarget, ...] = ()


def nav_list(entries: tuple[NavEntry, ...], depth: int = 0) -> str:
    """Render entries as a nested ordered list."""
    indent = "  " * depth
    items = []
    for entry in entries:
        nested = f"\n{nav_list(entry.children, depth + 1)}\n{indent}" if entry.children else ""
        items.append(f"{indent}<li><a href={attribute(entry.href)}>{text(entry.title)}</a>{nested}</li>")
    return f"{indent}<ol>\n" + "\n".join(items) + f"\n{indent}</ol>"


def landmarks_nav(landmarks: tuple[Landmark, ...], language: Language) -> str:
    """Render the hidden landmarks nav."""
    items = "\n".join(
        f'<li><a epub:type="{mark.kind}" href={attribute(mark.href)}>{text(mark.title)}</a></li>' for mark in landmarks
    )
    heading = text(language.words.landmarks)
    return (
        f'<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<h2>{heading}</h2>\n<ol>\n{items}\n</ol>\n</nav>'
    )


def page_list_nav(pages: tuple[PageTarget, ...], language: Language) -> str:
    """Render the hidden page list, or nothing for a book without print pages."""
    if not pages:
        return ""
    items = "\n".join(f"<li><a href={attribute(page.href)}>{text(page.label)}</a></li>" for page in pages)
    title = text(language.words.pages)
    return (
        f'\n<nav epub:type="page-list" id="page-list" hidden="hidden">\n<h2>{title}</h2>\n<ol>\n{items}\n</ol>\n</nav>'
    )


def nav_document(title: str, language: Language, navigation: Navigation, stylesheets: list[str]) -> str:
    """Write the EPUB 3 navigation document."""
    toc = (
        f'<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">\n'
        f'<h1 id="toc-title">{text(title)}</h1>\n{nav_list(navigation.toc)}\n</nav>'
    )
    body = f"{toc}\n{landmarks_nav(navigation.landmarks, language)}{page_list_nav(navigation.pages, language)}"
    return xhtml_document(title, language, body, stylesheets, body_class="contents")


def nav_points(entries: tuple[NavEntry, ...], counter: list[int], depth: int = 1) -> str:
    """Render entries as nested NCX navPoints."""
    points = []
    for entry in entries:
        counter[0] += 1
        number = counter[0]
        inner = nav_points(entry.children, counter, depth + 1) if entry.children else ""
        points.append(
            f'<navPoint id="navpoint-{number}"><navLabel><text>{text(entry.title)}</text></navLabel>'
            f"<content src={attribute(entry.href)}/>{inner}</navPoint>"
        )
    return "\n".join(points)


def depth_of(entries: tuple[NavEntry, ...]) -> int:
    """Return how deep the table of contents nests."""
    return 1 + max((depth_of(entry.children) for entry in entries if entry.children), default=0)


def page_targets(pages: tuple[PageTarget, ...], language: Language) -> str:
    """Render the NCX page list, or nothing for a book without print pages."""
    if not pages:
        return ""
    targets = "\n".join(
        f'<pageTarget id="pagetarget-{index}" type="{"normal" if page.label.isdigit() else "front"}"'
        + (f' value="{page.label}"' if page.label.isdigit() else "")
        + f"><navLabel><text>{text(page.label)}</text></navLabel><content src={attribute(page.href)}/></pageTarget>"
        for index, page in enumerate(pages, start=1)
    )
    title = text(language.words.pages)
    return f"\n<pageList><navLabel><text>{title}</text></navLabel>\n{targets}\n</pageList>"


def ncx_document(identifier: str, title: str, language: Language, navigation: Navigation) -> str:
    """Write the EPUB 2 NCX with the same table of contents (and page list) as the navigation document."""
    numbers = [int(page.label) for page in navigation.pages if page.label.isdigit()]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<ncx xmlns="{NCX_NS}" version="2005-1" xml:lang={attribute(language.tag)}>\n<head>\n'
        f'<meta name="dtb:uid" content={attribute(identifier)}/>\n'
        f'<meta name="dtb:depth" content="{depth_of(navigation.toc)}"/>\n'
        f'<meta name="dtb:totalPageCount" content="{len(navigation.pages)}"/>\n'
        f'<meta name="dtb:maxPageNumber" content="{max(numbers, default=0)}"/>\n</head>\n'
        f"<docTitle><text>{text(title)}</text></docTitle>\n"
        f"<navMap>\n{nav_points(navigation.toc, [0])}\n</navMap>{page_targets(navigation.pages, language)}\n</ncx>\n"
    )
