"""Laid-out chunks kept between builds, so that a rebuild after a small edit lays out only what changed.

A chunk of the parallel layout is keyed by everything its pages come from: its HTML, its page rules, the
PDF variant, ebookgen's and WeasyPrint's versions and the shared stylesheets. Its page count depends on
that key alone (``<key>.pages``); its drawn pages depend on the folio it starts at too (``<key>-<folio>``,
a PDF and what the join needs to know of it). A rebuild lays out the chunks whose key is new, learns
their page counts, and from them every chunk's first folio: a chunk whose key and first folio are both
known is taken from the cache, one whose folio moved is laid out again. An entry that cannot be read is
a miss, never an error, and every entry is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ebookgen.cachedir import cache_home
from ebookgen.pdf.bodypages import Laid
from ebookgen.resources import styles_dir
from ebookgen.version import __version__

# Bumped whenever what an entry holds changes shape.
ENTRY_FORMAT = 1
# The cache keeps its newest entries up to this size.
MAX_BYTES = 1_000_000_000


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
        digest.update((styles_dir() / name).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class ChunkCache:
    """The cache folder of laid-out chunks."""

    folder: Path

    @classmethod
    def open(cls, folder: Path | None = None) -> ChunkCache | None:
        """Return the cache, or None when its folder cannot be made (the build then simply lays everything out)."""
        folder = folder or cache_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return cls(folder)

    def key(self, html: str, css: str, variant: str | None) -> str:
        """Return the key of a document: what its pages come from."""
        digest = hashlib.sha256(salt().encode())
        for part in (html, "\0", css, "\0", variant or ""):
            digest.update(part.encode("utf-8"))
        return digest.hexdigest()

    def pages(self, key: str) -> int | None:
        """Return how many pages a document of this key lays out to, when one has been laid out before."""
        try:
            return int((self.folder / f"{key}.pages").read_text(encoding="ascii"))
        except (OSError, ValueError):
            return None

    def get(self, key: str, folio: int) -> Laid | None:
        """Return the laid-out chunk of this key starting at this folio, or None."""
        pdf, meta = self.folder / f"{key}-{folio}.pdf", self.folder / f"{key}-{folio}.json"
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            if data["format"] != ENTRY_FORMAT or pdf.stat().st_size != data["bytes"]:
                return None  # another format, or a PDF cut short
            os.utime(pdf)  # recently used: kept longest
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
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, folio: int, laid: Laid) -> None:
        """Keep a laid-out chunk; a cache that cannot be written is left as it is."""
        data = {
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
        try:
            self.write(f"{key}-{folio}.pdf", lambda path: shutil.copyfile(laid.path, path))
            self.write(f"{key}-{folio}.json", lambda path: path.write_text(json.dumps(data), encoding="utf-8"))
            self.write(f"{key}.pages", lambda path: path.write_text(str(laid.pages), encoding="ascii"))
            self.prune()
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
        """Drop the least recently used entries once the cache holds more than `limit` bytes."""
        files = sorted(self.folder.glob("*.pdf"), key=lambda path: path.stat().st_mtime, reverse=True)
        total = 0
        for path in files:
            total += path.stat().st_size
            if total > limit:
                path.unlink(missing_ok=True)
                path.with_suffix(".json").unlink(missing_ok=True)
