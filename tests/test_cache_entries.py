"""Issue 31 items 7 and 8: cache entries are checked before use, and cleaning up deletes only the cache's own files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ebookgen.pdf.bodypages import Laid
from ebookgen.pdf.cache import ChunkCache

KEY = "ab" * 32


def laid(tmp_path: Path, pages: int = 3, name: str = "chunk.pdf") -> Laid:
    """Return a laid-out chunk of a few pages, its PDF a file of its own."""
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n" + b"pages " * 200 + b"\n%%EOF\n")
    return Laid(path, pages, frozenset({1}), {"chapter-1": 1, "chapter-2": 3}, {"F1": {7: ("a", 0.5)}}, (("p1", 0),))


@pytest.fixture()
def kept(tmp_path: Path) -> ChunkCache:
    """Return a cache holding one entry: KEY at folio 19, three pages."""
    cache = ChunkCache.open(tmp_path / "cache")
    cache.put(KEY, 19, laid(tmp_path))
    assert cache.pages(KEY) == 3 and cache.get(KEY, 19) is not None and cache.warning() == ""
    return cache


def test_a_changed_page_count_is_not_trusted(kept: ChunkCache) -> None:
    (kept.folder / f"{KEY}.pages").write_text("1", encoding="ascii")  # folios 3, 4, 5 would follow for 19, 20, 21
    assert kept.pages(KEY) is None
    assert not (kept.folder / f"{KEY}.pages").exists()
    assert "damaged" in kept.warning() and KEY[:12] in kept.warning()


@pytest.mark.parametrize("damage", ["pdf byte", "pdf cut", "pages", "anchors", "not json", "no checksum"])
def test_an_entry_whose_content_or_metadata_changed_is_dropped_with_a_warning(kept: ChunkCache, damage: str) -> None:
    pdf, meta = kept.folder / f"{KEY}-19.pdf", kept.folder / f"{KEY}-19.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    if damage == "pdf byte":  # the same size, one byte changed
        content = bytearray(pdf.read_bytes())
        content[20] ^= 1
        pdf.write_bytes(bytes(content))
    elif damage == "pdf cut":
        pdf.write_bytes(pdf.read_bytes()[:100])
    elif damage == "not json":
        meta.write_text("{not json", encoding="utf-8")
    else:
        if damage == "pages":
            data["pages"] = 5
        elif damage == "anchors":
            data["anchors"]["chapter-2"] = 2
        else:
            del data["checksum"]
        meta.write_text(json.dumps(data), encoding="utf-8")
    assert kept.get(KEY, 19) is None
    assert not pdf.exists() and not meta.exists()
    assert "laid out again" in kept.warning()


def test_a_kept_entry_gives_back_what_was_put(kept: ChunkCache, tmp_path: Path) -> None:
    got = kept.get(KEY, 19)
    original = laid(tmp_path, name="again.pdf")
    assert (got.pages, got.blanks, got.anchors, got.glyphs, got.starts) == (
        original.pages,
        original.blanks,
        original.anchors,
        original.glyphs,
        original.starts,
    )
    assert kept.get(KEY, 20) is None and kept.warning() == ""  # another folio: a plain miss, nothing damaged


def test_the_key_changes_with_the_font_files_the_rules_load(tmp_path: Path) -> None:
    cache = ChunkCache.open(tmp_path / "cache")
    face = tmp_path / "fonts" / "NotoSerifHebrew-Regular.ttf"
    css = f'@font-face {{ font-family: "ebookgen Noto Serif Hebrew"; src: url("{face.as_uri()}"); }}'
    missing = cache.key("<p>שלום</p>", css, None)
    face.parent.mkdir()
    face.write_bytes(b"a font")
    installed = cache.key("<p>שלום</p>", css, None)
    face.write_bytes(b"another font, updated")
    os.utime(face, ns=(1, 1))
    updated = cache.key("<p>שלום</p>", css, None)
    assert len({missing, installed, updated}) == 3
    assert cache.key("<p>שלום</p>", css, None) == updated


def test_cleaning_up_deletes_only_the_caches_own_files(tmp_path: Path) -> None:
    cache = ChunkCache.open(tmp_path / "cache")
    cache.put(KEY, 1, laid(tmp_path))
    thesis = cache.folder / "thesis.pdf"
    thesis.write_bytes(b"%PDF my thesis")
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"%PDF kept")
    (cache.folder / f"{'cd' * 32}-1.pdf").symlink_to(elsewhere)  # named like an entry, but a link
    cache.prune(limit=0)
    assert not (cache.folder / f"{KEY}-1.pdf").exists() and not (cache.folder / f"{KEY}-1.json").exists()
    assert thesis.read_bytes() == b"%PDF my thesis" and elsewhere.read_bytes() == b"%PDF kept"


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "thesis.pdf").write_bytes(b"%PDF my thesis")
    link = tmp_path / "cache" / "pdf"
    link.parent.mkdir()
    link.symlink_to(papers)
    assert ChunkCache.open(link) is None
    cache = ChunkCache(link)  # even one made by hand deletes nothing through the link
    cache.prune(limit=0)
    cache.remove(link / "thesis.pdf")
    assert (papers / "thesis.pdf").read_bytes() == b"%PDF my thesis"
