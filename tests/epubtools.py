"""Read a built EPUB as a reading system would: the package document, the navigation, the content documents."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


class Epub:
    """A built EPUB, opened once."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.files = {name: archive.read(name) for name in archive.namelist()}
            self.infos = archive.infolist()
        container = etree.fromstring(self.files["META-INF/container.xml"])
        self.opf_path = PurePosixPath(container.find(".//{*}rootfile").get("full-path"))
        self.opf = etree.fromstring(self.files[str(self.opf_path)])

    def path_of(self, href: str) -> str:
        """Return the zip path of a manifest href."""
        return str(self.opf_path.parent / href.split("#")[0])

    def item(self, **attributes: str) -> etree._Element:
        """Return the one manifest item with the given attributes."""
        condition = "".join(f"[@{name.replace('_', '-')}='{value}']" for name, value in attributes.items())
        found = self.opf.findall(f".//opf:manifest/opf:item{condition}", NS)
        assert len(found) == 1, f"{len(found)} manifest items match {attributes}"
        return found[0]

    def xml(self, href: str) -> etree._Element:
        """Parse the document a manifest href points at."""
        return etree.fromstring(self.files[self.path_of(href)])

    def metas(self, prop: str) -> list[str]:
        """Return the values of every `<meta property=prop>`."""
        return [meta.text for meta in self.opf.findall(f".//opf:meta[@property='{prop}']", NS)]

    def spine(self) -> list[str]:
        """Return the hrefs of the spine in reading order."""
        items = {item.get("id"): item.get("href") for item in self.opf.findall(".//opf:item", NS)}
        return [items[ref.get("idref")] for ref in self.opf.findall(".//opf:spine/opf:itemref", NS)]

    def nav(self) -> etree._Element:
        """Parse the navigation document."""
        return self.xml(self.item(properties="nav").get("href"))

    def ncx(self) -> etree._Element:
        """Parse the NCX."""
        return self.xml(self.item(media_type="application/x-dtbncx+xml").get("href"))

    def content_documents(self) -> dict[str, bytes]:
        """Return every XHTML document by its zip path."""
        return {name: data for name, data in self.files.items() if name.endswith(".xhtml")}


def nav_tree(ol: etree._Element) -> list[tuple[str, str, list]]:
    """Return a navigation list as (title, href, children), recursively."""
    entries = []
    for li in ol.findall("x:li", NS):
        link = li.find("x:a", NS)
        nested = li.find("x:ol", NS)
        entries.append((link.text, link.get("href"), nav_tree(nested) if nested is not None else []))
    return entries


def ncx_tree(parent: etree._Element) -> list[tuple[str, str, list]]:
    """Return NCX navPoints as (title, src, children), recursively."""
    return [
        (
            point.findtext("ncx:navLabel/ncx:text", namespaces=NS),
            point.find("ncx:content", NS).get("src"),
            ncx_tree(point),
        )
        for point in parent.findall("ncx:navPoint", NS)
    ]
