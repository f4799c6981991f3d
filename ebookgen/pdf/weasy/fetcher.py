"""The one URL fetcher of every print layout: the book's own files and nothing else, never the network.

WeasyPrint fetches what the document and its stylesheets name: the shared sheets and faces under
``styles/``, the fallback faces and the grey profile the generated sheet names by file, the figures
(carried in the document as ``data:`` URLs) and whatever a figure's SVG drawing names in turn. An SVG can
name any file (``file:///home/...``) or any address (``http://127.0.0.1:.../``); here each of those is
refused before it is opened, so a picture can never bring a file from outside the book into the PDF nor
make a request. The refused addresses are kept, so the build can name them.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ebookgen.resources import styles_dir

# The file URLs a generated stylesheet names itself: `src: url("file:///...")` of a face or a colour profile.
NAMED_FILE = re.compile(r"""url\(\s*["']?(file:[^"')\s]+)""")


def named_files(css: str) -> frozenset[str]:
    """Return the file URLs ebookgen's own generated stylesheet names (faces found by path, the grey profile)."""
    return frozenset(NAMED_FILE.findall(css))


def own_file(url: str, named: frozenset[str]) -> bool:
    """Tell whether a file URL is one of the shipped styles' files or one the generated stylesheet named."""
    if url in named:
        return True
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return path.is_relative_to(styles_dir().resolve())


def book_fetcher(named: frozenset[str]):
    """Return a WeasyPrint URL fetcher that opens data: URLs and the book's own files, refusing the rest."""
    from weasyprint.urls import URLFetcher

    class BookFetcher(URLFetcher):
        """WeasyPrint's fetcher held to ``data:`` URLs and ebookgen's own files; every refusal is remembered."""

        refused: list[str]

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data" or (scheme == "file" and own_file(url.split("?")[0], named)):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"ebookgen fetches nothing from outside the book: {url[:200]}")

    fetcher = BookFetcher(timeout=1, allow_redirects=False)
    fetcher.refused = []
    return fetcher
