"""The EPUB's zip is written in one pass (epub/zipped.py): the same bytes zipfile writes, the kept deflate checked."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from ebookgen.epub import zipped
from ebookgen.epub.zipped import Entry, zip_archive, zipfile_archive

STAMP = (2024, 3, 9, 17, 45, 31)


def picture(size: int) -> bytes:
    """Return bytes that deflate somewhat, as a JPEG's do: repeated runs with noise between."""
    noise = os.urandom(size // 4)
    return b"".join(noise[i : i + 64] + b"\x00" * 192 for i in range(0, len(noise), 64))[:size]


ENTRIES = [
    Entry("mimetype", b"application/epub+zip", stored=True),
    Entry("META-INF/container.xml", b'<?xml version="1.0"?><container/>'),
    Entry("EPUB/content.opf", "<package>\u00e9t\u00e9</package>".encode() * 40),
    Entry("EPUB/text/chapitre-\u00e9t\u00e9.xhtml", b"<html/>"),  # a name that is not ASCII: UTF-8 and its flag
    Entry("EPUB/text/empty.xhtml", b""),
    Entry("EPUB/images/cover.jpg", picture(100_000)),
]


def test_the_archive_is_the_bytes_zipfile_writes(tmp_path, monkeypatch):
    """Every entry (stored, deflated, empty, a UTF-8 name, a kept cover) comes out as zipfile writes it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = zipfile_archive(ENTRIES, STAMP)
    assert zip_archive(ENTRIES, STAMP) == expected
    assert zip_archive(ENTRIES, STAMP) == expected  # the cover's deflated stream now read from the cache
    assert list((tmp_path / "ebookgen" / "deflated").iterdir())
    with zipfile.ZipFile(io.BytesIO(expected)) as archive:
        assert archive.testzip() is None
        assert [info.filename for info in archive.infolist()] == [entry.name for entry in ENTRIES]
        assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED


def test_a_spoilt_kept_stream_is_deflated_again(tmp_path, monkeypatch):
    """A kept stream that does not inflate to the image (cut short, or another image's) is not used: the book is
    the same as with no cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = zipfile_archive(ENTRIES, STAMP)
    zip_archive(ENTRIES, STAMP)
    (kept,) = (tmp_path / "ebookgen" / "deflated").iterdir()
    kept.write_bytes(kept.read_bytes()[:-100])
    assert zip_archive(ENTRIES, STAMP) == expected
    kept.write_bytes(zipped.deflate(picture(100_000)))
    assert zip_archive(ENTRIES, STAMP) == expected


def test_an_unwritable_cache_costs_only_the_time(tmp_path, monkeypatch):
    """A cache folder that cannot be written leaves the archive the same."""
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert zip_archive(ENTRIES, STAMP) == zipfile_archive(ENTRIES, STAMP)


@pytest.mark.parametrize("stamp", [(1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)])
def test_the_first_and_last_times_a_zip_holds(stamp, tmp_path, monkeypatch):
    """The earliest and latest times an entry can carry are packed as zipfile packs them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert zip_archive(ENTRIES[:3], stamp) == zipfile_archive(ENTRIES[:3], stamp)


def test_a_package_too_large_is_left_to_zipfile(monkeypatch):
    """Past the size this writer packs without zip64 records, zipfile writes the archive."""
    monkeypatch.setattr(zipped, "LIMIT", 100)
    called = []
    monkeypatch.setattr(zipped, "zipfile_archive", lambda entries, stamp: called.append(len(entries)) or b"zip")
    assert zip_archive(ENTRIES, STAMP) == b"zip"
    assert called == [len(ENTRIES)]


def test_only_the_cover_s_stream_is_kept(tmp_path, monkeypatch):
    """A figure is deflated at each build (kept, every image of every book built would double in the cache)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    figure = [Entry("EPUB/images/figure-01.jpg", picture(100_000))]
    assert zip_archive(figure, STAMP) == zipfile_archive(figure, STAMP)
    assert not (tmp_path / "ebookgen" / "deflated").exists()
