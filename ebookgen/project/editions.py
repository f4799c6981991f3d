"""The editions' ISBNs: book.toml's isbn (the book's), and isbn_ebook, isbn_paperback, isbn_hardcover (each its own).

Each edition's copyright page prints its own ISBN and lists the others' (``render/frontmatter.py``); the EPUB is
identified by ``isbn``, else ``isbn_ebook``, when ``identifier`` is not set.
"""

from __future__ import annotations

EDITIONS = ("ebook", "paperback", "hardcover")


def isbn_digits(value: str) -> str:
    """Return an ISBN's digits (and X), without the hyphens and spaces it was written with."""
    return value.replace("-", "").replace(" ", "")


def identifier_from(config: dict) -> str:
    """Return the book's identifier: book.toml's, else its ISBN's URN (isbn, else isbn_ebook), else ""."""
    isbn = config.get("isbn", "") or config.get("isbn_ebook", "")
    return config.get("identifier", "") or (f"urn:isbn:{isbn_digits(isbn)}" if isbn else "")


def edition_isbns(config: dict) -> tuple[tuple[str, str], ...]:
    """Return each edition's own ISBN book.toml gives, as (edition, digits), in the editions' order."""
    return tuple((name, isbn_digits(config[f"isbn_{name}"])) for name in EDITIONS if config.get(f"isbn_{name}"))
