"""What the preview shows: the last good build, and what went wrong since, shared by the loop and the server."""

from __future__ import annotations

import threading
import zipfile
from dataclasses import dataclass, field, replace
from io import BytesIO
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Build:
    """One good build as the preview serves it: the EPUB's files, the PDF's bytes, what check said."""

    title: str
    files: dict[str, bytes]  # path inside the EPUB -> bytes
    spine: tuple[str, ...]  # the EPUB's content documents in reading order, as paths inside the EPUB
    titles: tuple[str, ...]  # each content document's title
    pdf: bytes | None = None
    check: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shown:
    """What the preview shows now: a generation number, the last good build, and the last error if any."""

    generation: int = 0
    build: Build | None = None
    error: str = ""
    changed: tuple[str, ...] = ()


@dataclass
class Preview:
    """The shared state: the loop publishes builds and errors, the server's requests read them and wait for news."""

    shown: Shown = field(default_factory=Shown)
    condition: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, build: Build | None, error: str, changed: tuple[str, ...]) -> Shown:
        """Show a new build (or keep the last good one beside an error) and wake whoever waits."""
        with self.condition:
            kept = build if build is not None else self.shown.build
            self.shown = replace(
                self.shown, generation=self.shown.generation + 1, build=kept, error=error, changed=changed
            )
            self.condition.notify_all()
            return self.shown

    def wait_after(self, generation: int, seconds: float) -> Shown:
        """Return what is shown once it is newer than `generation`, or after `seconds` whatever it is."""
        with self.condition:
            self.condition.wait_for(lambda: self.shown.generation != generation, timeout=seconds)
            return self.shown


def read_epub(data: bytes, pdf: bytes | None, check: tuple[str, ...]) -> Build:
    """Take an EPUB's files and reading order into memory, so later builds cannot change what is served."""
    from lxml import etree

    with zipfile.ZipFile(BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}
    container = etree.fromstring(files["META-INF/container.xml"])
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(files[opf_path])
    folder = PurePosixPath(opf_path).parent
    hrefs = {item.get("id"): item.get("href") for item in opf.iter("{*}item")}
    spine = tuple(str(folder / hrefs[ref.get("idref")]) for ref in opf.iter("{*}itemref") if ref.get("idref") in hrefs)
    title = opf.findtext(".//{http://purl.org/dc/elements/1.1/}title") or "Untitled"
    titles = tuple(etree.fromstring(files[path]).findtext(".//{*}title") or path for path in spine)
    return Build(title, files, spine, titles, pdf, check)
