"""An EPUB made by another tool, in FanFicFare's shape: EPUB 2, title and contents pages, file0001.xhtml chapters."""

from __future__ import annotations

import zipfile
from pathlib import Path

DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
CHAPTERS = (
    (
        "Chapter 1: The Ferry",
        (
            "“Are you coming?” she asked. He shrugged… Maybe.",
            "The ferry left at six. It was late!",
        ),
    ),
    ("Chapter 2: Ashore", ("Nobody waited on the pier. <em>Nobody at all.</em> Then a dog barked.",)),
)


def page(title: str, body: str) -> str:
    """Write one XHTML 1.1 page as FanFicFare does."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{DOCTYPE}\n<html xmlns="http://www.w3.org/1999/xhtml">\n'
        f'<head>\n<title>{title}</title>\n<link href="stylesheet.css" type="text/css" rel="stylesheet"/>\n</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def chapter_pages() -> dict[str, str]:
    """Return the chapter files, file0001.xhtml onwards."""
    pages = {}
    for number, (title, paragraphs) in enumerate(CHAPTERS, start=1):
        text = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        pages[f"OEBPS/file{number:04d}.xhtml"] = page(title, f"<h3>{title}</h3>\n{text}")
    return pages


def package(names: list[str], cover: bool = False) -> str:
    """Write FanFicFare's EPUB 2 package document: subjects as tags, the story's URL as its source."""
    items = "\n".join(
        f'<item id="{Path(name).stem}" href="{name}" media-type="application/xhtml+xml"/>' for name in names
    )
    if cover:  # FanFicFare's cover: an image item named by <meta name="cover">, and a cover page first
        items += '\n<item id="image0000" href="OEBPS/images/cover.jpg" media-type="image/jpeg"/>'
    cover_meta = '<meta name="cover" content="image0000"/>' if cover else ""
    spine = "\n".join(f'<itemref idref="{Path(name).stem}" linear="yes"/>' for name in names)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package version="2.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="fanficfare-uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="fanficfare-uid">archiveofourown.org-u12345-s98765</dc:identifier>
<dc:title>The Ferry at Six</dc:title>
<dc:creator opf:role="aut">inkwell_writes</dc:creator>
<dc:language>en</dc:language>
<dc:date opf:event="publication">2024-02-01</dc:date>
<dc:subject>Fanfiction</dc:subject>
<dc:subject>Hurt/Comfort</dc:subject>
<dc:source>https://archiveofourown.org/works/98765</dc:source>
<dc:publisher>archiveofourown.org</dc:publisher>
{cover_meta}
</metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="style" href="OEBPS/stylesheet.css" media-type="text/css"/>
{items}
</manifest>
<spine toc="ncx">
{spine}
</spine>
</package>
"""


def ncx(names: list[str]) -> str:
    """Write the EPUB 2 NCX listing every page."""
    points = "\n".join(
        f'<navPoint id="{Path(name).stem}" playOrder="{order}"><navLabel><text>{Path(name).stem}</text></navLabel>'
        f'<content src="{name}"/></navPoint>'
        for order, name in enumerate(names, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n'
        '<head><meta name="dtb:uid" content="archiveofourown.org-u12345-s98765"/><meta name="dtb:depth" content="1"/>'
        '<meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>\n'
        f"<docTitle><text>The Ferry at Six</text></docTitle>\n<navMap>\n{points}\n</navMap>\n</ncx>\n"
    )


def fanficfare_epub(path: Path, cover: bytes | None = None) -> Path:
    """Write a FanFicFare-shaped EPUB 2 at path (the OPF at the root, pages in OEBPS/), with a cover if given."""
    chapters = chapter_pages()
    titles = "\n".join(f'<a href="{Path(name).name}">{name}</a><br/>' for name in chapters)
    cover_page = '<div><img src="images/cover.jpg" alt="cover"/></div>'
    files = {
        **({"OEBPS/cover.xhtml": page("Cover", cover_page)} if cover is not None else {}),
        "OEBPS/title_page.xhtml": page(
            "The Ferry at Six", "<h3>The Ferry at Six by inkwell_writes</h3>\n<div><b>Words:</b> 42</div>"
        ),
        "OEBPS/toc_page.xhtml": page("Table of Contents", f"<div>\n<h3>Table of Contents</h3>\n{titles}\n</div>"),
        **chapters,
    }
    names = list(files)
    container = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>\n'
        "</container>\n"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.opf", package(names, cover is not None), compress_type=zipfile.ZIP_DEFLATED)
        if cover is not None:
            archive.writestr("OEBPS/images/cover.jpg", cover, compress_type=zipfile.ZIP_STORED)
        archive.writestr("toc.ncx", ncx(names), compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/stylesheet.css", "body { margin: 2%; }\n", compress_type=zipfile.ZIP_DEFLATED)
        for name, text in files.items():
            archive.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return path
