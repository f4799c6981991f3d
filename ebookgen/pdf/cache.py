"""Laid-out chunks kept between builds, so that a rebuild after a small edit lays out only what changed.

A chunk of the parallel layout is keyed by everything its pages come from: its HTML, its page rules, the
PDF variant, ebookgen's and WeasyPrint's versions, the shared stylesheets and every font file the rules
load (its path, size and time: a face installed or updated lays the chunk out again). Its page count
depends on that key alone (``<key>.pages``); its drawn pages depend on the folio it starts at too
(``<key>-<folio>``, a PDF and what the join needs to know of it). A rebuild lays out the chunks whose key
is new, learns their page counts, and from them every chunk's first folio: a chunk whose key and first
folio are both known is taken from the cache, one whose folio moved is laid out again.

Every entry carries a checksum over its content and its metadata, checked before it is used: an entry that
fails it is deleted, noted in ``damaged`` (the build warns) and laid out again, never an error. Every file is
written under a temporary name and renamed into place. Cleaning up deletes only the cache's own files (its
names, in its own folder, regular files), never anything through a link: a cache folder that is a link is
not used at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from ebookgen.cachedir import cache_home
from ebookgen.pdf.bodypages import Laid
from ebookgen.resources import styles_dir
from ebookgen.version import __version__

# Bumped whenever what an entry holds changes shape.
ENTRY_FORMAT = 2
# The cache keeps its newest entries up to this size.
MAX_BYTES = 1_000_000_000
# The names of the files the cache writes; cleaning up touches no other.
OWN_NAME = re.compile(r"[0-9a-f]{64}(?:-[0-9]+\.(?:pdf|json)|\.pages)")
# A stylesheet's url(...) of a file: the fonts (and colour profile) the layout loads.
URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def cache_folder() -> Path:
    """Return where laid-out chunks are kept: ebookgen/pdf in the XDG cache folder (~/.cache by default)."""
    return cache_home() / "pdf"


@cache
def salt() -> str:
    """Return what every key shares: the entry format, ebookgen's and WeasyPrint's versions, the fixes made to its
    layout, the setting's rules (the line and page hooks, ``setting.SETTING_RULES``), the stylesheets."""
    from importlib.metadata import version

    from ebookgen.pdf.weasy import LAYOUT_FIXES
    from ebookgen.pdf.weasy.setting import SETTING_RULES

    # The fixes ebookgen makes to WeasyPrint's layout, and the setting's hooks, change pages as a version would.
    versions = f"{ENTRY_FORMAT} {__version__} {version('weasyprint')} {LAYOUT_FIXES} {SETTING_RULES}"
    digest = hashlib.sha256(versions.encode())
    for name in ("base.css", "print.css"):
        text = (styles_dir() / name).read_text(encoding="utf-8")
        digest.update(text.encode())
        digest.update(files_loaded(text, styles_dir()).encode())
    return digest.hexdigest()


def files_loaded(css: str, base: Path) -> str:
    """Name every file a stylesheet loads with its size and time, so that a font installed or changed misses."""
    found = []
    for url in dict.fromkeys(URL.findall(css)):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path))
        elif not parsed.scheme:
            path = base / unquote(parsed.path)
        else:
            continue  # data: URLs are in the stylesheet's own text
        try:
            info = path.stat()
            found.append(f"{path} {info.st_size} {info.st_mtime_ns}")
        except OSError:
            found.append(f"{path} missing")
    return "\n".join(found)


def checksum(pdf: bytes, meta: dict) -> str:
    """Return the checksum of an entry: its PDF's bytes and its metadata, so that a change to either is seen."""
    digest = hashlib.sha256(pdf)
    digest.update(json.dumps(meta, sort_keys=True).encode())
    return digest.hexdigest()


def pages_line(key: str, pages: int) -> str:
    """Write a page count with the checksum of its key and value, so that a changed count is seen."""
    return f"{pages} {hashlib.sha256(f'{key} {pages}'.encode()).hexdigest()}"


@dataclass(frozen=True)
class ChunkCache:
    """The cache folder of laid-out chunks, and the entries found damaged in this build."""

    folder: Path
    damaged: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def open(cls, folder: Path | None = None) -> ChunkCache | None:
        """Return the cache, or None when its folder cannot be made or is a link (then everything is laid out)."""
        folder = folder or cache_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not stat.S_ISDIR(folder.lstat().st_mode):
                return None  # a link: the cache's files are kept, and deleted, only in a folder of its own
        except OSError:
            return None
        return cls(folder)

    def key(self, html: str, css: str, variant: str | None) -> str:
        """Return the key of a document: what its pages come from, the font files its rules load included."""
        digest = hashlib.sha256(salt().encode())
        for part in (html, "\0", css, "\0", variant or "", "\0", files_loaded(css, styles_dir())):
            digest.update(part.encode("utf-8"))
        return digest.hexdigest()

    def pages(self, key: str) -> int | None:
        """Return how many pages a document of this key lays out to, when one has been laid out before."""
        path = self.folder / f"{key}.pages"
        try:
            text = path.read_text(encoding="ascii")
        except (OSError, ValueError):
            return None
        count = text.split(" ", 1)[0]
        if count.isdigit() and text == pages_line(key, int(count)):
            return int(count)
        self.drop(path, "its page count")
        return None

    def get(self, key: str, folio: int) -> Laid | None:
        """Return the laid-out chunk of this key starting at this folio, or None; a damaged entry is dropped."""
        pdf, meta = self.folder / f"{key}-{folio}.pdf", self.folder / f"{key}-{folio}.json"
        try:
            text = meta.read_text(encoding="utf-8")
        except (OSError, ValueError):
            return None  # not kept: a plain miss
        try:
            data = json.loads(text)
            if data["format"] != ENTRY_FORMAT:
                return None  # another version's entry
            sealed = data.pop("checksum")
            if checksum(pdf.read_bytes(), data) != sealed:
                raise ValueError("checksum")
            laid = laid_from(pdf, data)
            os.utime(pdf)  # recently used: kept longest
            return laid
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            self.drop(pdf, "a laid-out chunk")
            self.drop(meta, "")
            return None

    def put(self, key: str, folio: int, laid: Laid) -> None:
        """Keep a laid-out chunk, sealed with its checksum; a cache that cannot be written is left as it is."""
        try:
            content = laid.path.read_bytes()
            data = entry_data(laid)
            data["checksum"] = checksum(content, data)
            self.write(f"{key}-{folio}.pdf", lambda path: path.write_bytes(content))
            self.write(f"{key}-{folio}.json", lambda path: path.write_text(json.dumps(data), encoding="utf-8"))
            self.write(f"{key}.pages", lambda path: path.write_text(pages_line(key, laid.pages), encoding="ascii"))
            self.prune()
        except OSError:
            return

    def forget_pages(self, key: str) -> None:
        """Drop a page count the kept pages contradict, with a warning."""
        self.drop(self.folder / f"{key}.pages", "its page count")

    def drop(self, path: Path, what: str) -> None:
        """Delete a damaged entry's file (one of the cache's own) and note it, once per entry, for the warning."""
        if what:
            self.damaged.append(f"{path.name.split('-')[0].split('.')[0][:12]} ({what})")
        self.remove(path)

    def remove(self, path: Path) -> None:
        """Delete one of the cache's own files: a regular file of its names in its folder, never through a link."""
        if path.parent != self.folder or not OWN_NAME.fullmatch(path.name):
            return
        try:
            if stat.S_ISREG(path.lstat().st_mode):
                path.unlink()
        except OSError:
            return

    def write(self, name: str, fill) -> None:
        """Write one file of an entry under a temporary name, then rename it into place."""
        temporary = self.folder / f".{name}.{os.getpid()}.part"
        try:
            fill(temporary)
            os.replace(temporary, self.folder / name)
        finally:
            temporary.unlink(missing_ok=True)

    def prune(self, limit: int = MAX_BYTES) -> None:
        """Drop the least recently used entries once the cache's own files hold more than `limit` bytes."""
        if not stat.S_ISDIR(self.folder.lstat().st_mode):
            return  # the folder became a link: nothing in it is the cache's to delete
        kept = []
        for path in self.folder.iterdir():
            if OWN_NAME.fullmatch(path.name) and path.suffix == ".pdf":
                info = path.lstat()
                if stat.S_ISREG(info.st_mode):
                    kept.append((info.st_mtime, info.st_size, path))
        total = 0
        for _, size, path in sorted(kept, key=lambda entry: entry[0], reverse=True):
            total += size
            if total > limit:
                self.remove(path)
                self.remove(path.with_suffix(".json"))

    def warning(self) -> str:
        """Say which damaged entries were laid out again, "" when none was."""
        if not self.damaged:
            return ""
        names = ", ".join(dict.fromkeys(self.damaged))
        return f"the PDF cache held damaged entries ({names}): they were laid out again"


def entry_data(laid: Laid) -> dict:
    """Return what the join needs to know of a laid-out chunk, as an entry's metadata."""
    return {
        "format": ENTRY_FORMAT,
        "bytes": laid.path.stat().st_size,
        "pages": laid.pages,
        "blanks": sorted(laid.blanks),
        "anchors": laid.anchors,
        "glyphs": {
            font: {str(gid): list(pair) for gid, pair in glyphs.items()} for font, glyphs in laid.glyphs.items()
        },
        "starts": [list(start) for start in laid.starts],
    }


def laid_from(pdf: Path, data: dict) -> Laid:
    """Return the laid-out chunk an entry's metadata describes."""
    return Laid(
        pdf,
        int(data["pages"]),
        frozenset(data["blanks"]),
        {anchor: int(page) for anchor, page in data["anchors"].items()},
        {
            font: {int(gid): (text, width) for gid, (text, width) in glyphs.items()}
            for font, glyphs in data["glyphs"].items()
        },
        tuple((anchor, int(offset)) for anchor, offset in data["starts"]),
    )
