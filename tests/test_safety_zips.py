"""Issue 31 item 3: `kepub` and `sideload` to a Kobo refuse a zip bomb as `epub` does, before reading a member.

A 2 MB EPUB whose members unpack to gigabytes took 4.25 GB of memory through `kepub`, exit 0. Now the
conversion checks every member's declared size and packing ratio first (zipfile never unpacks past it), so
the bomb is one line, exit 2, and nothing is written, neither beside the EPUB nor on the e-reader.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .foreign import fanficfare_epub

BOMB_BYTES = 64 * 1024 * 1024  # packs to about 64 KB: a thousand to one


def with_bomb(path: Path, member: str) -> Path:
    """Add to a real EPUB a member that unpacks a thousand times larger than it is packed."""
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(member, "w") as handle:
            block = b"\0" * (1024 * 1024)
            for _ in range(BOMB_BYTES // len(block)):
                handle.write(block)
    return path


def run_limited(*args: str) -> subprocess.CompletedProcess:
    """Run ebookgen with its memory held to 1.5 GB, well under what unpacking the bomb whole would take."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))

    command = [sys.executable, "-m", "ebookgen", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, preexec_fn=limit)


@pytest.mark.parametrize("member", ["OEBPS/images/noise.bin", "OEBPS/chapter-bomb.xhtml"])
def test_kepub_refuses_a_zip_bomb_as_epub_does(tmp_path: Path, member: str) -> None:
    epub = with_bomb(fanficfare_epub(tmp_path / "story.epub"), member)
    result = run_limited("kepub", str(epub))
    assert result.returncode == 2, result.stderr
    assert "zip bomb" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["story.epub"]
    read = run_limited("epub", str(epub), "-o", str(tmp_path / "out.epub"))
    assert read.returncode == 2 and "zip bomb" in read.stderr


def test_sideload_to_a_kobo_refuses_a_zip_bomb_and_copies_nothing(tmp_path: Path) -> None:
    epub = with_bomb(fanficfare_epub(tmp_path / "story.epub"), "OEBPS/images/noise.bin")
    device = tmp_path / "KOBOeReader"
    (device / ".kobo").mkdir(parents=True)
    result = run_limited("sideload", str(epub), "--device", str(device))
    assert result.returncode == 2 and "zip bomb" in result.stderr, result.stderr
    assert [path.name for path in device.iterdir()] == [".kobo"]


def test_a_member_that_cannot_be_unpacked_is_one_line(tmp_path: Path) -> None:
    epub = fanficfare_epub(tmp_path / "story.epub")
    data = bytearray(epub.read_bytes())
    at = data.find(b"OEBPS/")  # the first member's name, in its local header: its data follows it
    data[at + 200 : at + 260] = b"\xff" * 60
    epub.write_bytes(bytes(data))
    result = run_limited("kepub", str(epub))
    assert result.returncode == 2 and "unexpected" not in result.stderr, result.stderr
