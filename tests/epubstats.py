"""Count a built EPUB's chapters and words from its chapter sections, as a reader of the file would."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

CHAPTER_SECTION = re.compile(r'<section[^>]*epub:type="[^"]*\bchapter\b[^"]*".*?</section>', re.S)
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class EpubStats:
    """How long a built EPUB is."""

    chapters: int
    words: int


def stats_of_epub(path: Path) -> EpubStats:
    """Count the chapters and words of an EPUB that was written, from its chapter sections."""
    chapters = words = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith((".xhtml", ".html")):
                continue
            for section in CHAPTER_SECTION.findall(archive.read(name).decode("utf-8", "replace")):
                chapters += 1
                words += sum(len(TAG.sub("", paragraph).split()) for paragraph in PARAGRAPH.findall(section))
    return EpubStats(chapters, words)
