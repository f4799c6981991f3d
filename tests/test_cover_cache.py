"""The EPUB's rebuild reuses the generated cover: drawn once per title and author, again when what is on it changes."""

from __future__ import annotations

from ebookgen.cachedir import cache_home
from ebookgen.epub import cover
from ebookgen.model import Metadata


def test_a_cover_is_drawn_once_and_then_taken_from_the_cache(monkeypatch) -> None:
    drawn: list[str] = []
    original = cover.generate_cover
    monkeypatch.setattr(cover, "generate_cover", lambda metadata: drawn.append(metadata.title) or original(metadata))
    book = Metadata(title="The Lamp", authors=("Ann Lee",))
    first = cover.cover_image(book).data
    again = cover.cover_image(book).data
    assert again == first and drawn == ["The Lamp"]
    cover.cover_image(Metadata(title="The Lamp", authors=("Bo Park",)))
    assert drawn == ["The Lamp", "The Lamp"]  # another author: another cover


def test_a_broken_cache_entry_is_drawn_again(monkeypatch) -> None:
    book = Metadata(title="The Lamp", authors=("Ann Lee",))
    first = cover.cover_image(book).data
    for entry in (cache_home() / "covers").glob("*.jpg"):
        entry.write_bytes(entry.read_bytes()[:1000])  # cut short
    assert cover.cover_image(book).data == first
