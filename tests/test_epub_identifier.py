"""A book's identifier, when none is given, is the UUID 5 of its title and author (made without hashlib's OpenSSL,
which a short build no longer loads): the same as ``uuid.uuid5`` gives, so a rebuilt book keeps its identifier."""

from __future__ import annotations

import uuid

import pytest

from ebookgen.epub.opf import book_identifier
from ebookgen.model import Metadata


@pytest.mark.parametrize(
    ("title", "author"),
    [("A Small Fox", "Ann Author"), ("\u00c9t\u00e9 \u2014 \u00fc", "\u6625 \u00dcn\u00efcode"), ("", "")],
)
def test_the_identifier_is_uuid5_of_title_and_author(title, author):
    expected = uuid.uuid5(uuid.NAMESPACE_URL, "ebookgen:" + title + "\x1f" + author)
    assert book_identifier(Metadata(title=title, authors=(author,))) == f"urn:uuid:{expected}"


def test_a_given_identifier_is_kept():
    assert book_identifier(Metadata(title="T", identifier="isbn:9780000000002")) == "isbn:9780000000002"
