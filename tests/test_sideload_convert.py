"""Sideloading a built EPUB converts it for the reader: a kepub for a Kobo, an AZW3 (Calibre) for a Kindle."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.devices import kindle as kindle_module
from ebookgen.devices.sideload import sideload
from ebookgen.errors import DeviceError

from .conftest import epubcheck_later
from .foreign import fanficfare_epub
from .test_sideload import kindle, kobo

runner = CliRunner()
CALIBRE = shutil.which("ebook-convert")
needs_calibre = pytest.mark.skipif(CALIBRE is None, reason="Calibre's ebook-convert is not installed (make calibre)")


@pytest.fixture
def no_calibre(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kindle_module, "find_converter", lambda: None)


@pytest.fixture
def no_mtp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No Kindle over MTP: an empty /run/user and no lsusb lines; returns the stand-in /run/user."""
    run_user = tmp_path / "run-user"
    run_user.mkdir()
    monkeypatch.setattr(kindle_module, "RUN_USER", run_user)
    monkeypatch.setattr(kindle_module, "usb_devices", lambda: [])
    return run_user


def test_a_foreign_epub_reaches_a_kobo_as_a_kepub(tmp_path: Path) -> None:
    device = kobo(tmp_path / "KOBOeReader")
    (device / ".kobo" / "KoboReader.sqlite").write_bytes(b"the reader's own database")
    source = fanficfare_epub(tmp_path / "ferry.epub")
    result = runner.invoke(app, ["sideload", str(source), "-d", str(device)])
    assert result.exit_code == 0, result.output
    copied = device / "ferry.kepub.epub"
    assert sorted(path.name for path in device.iterdir()) == [".kobo", "ferry.kepub.epub"]
    assert f"copied {copied} to your Kobo" in result.stdout
    with zipfile.ZipFile(copied) as archive:
        assert 'class="koboSpan"' in archive.read("OEBPS/file0001.xhtml").decode()
    assert (device / ".kobo" / "KoboReader.sqlite").read_bytes() == b"the reader's own database"
    assert [path.name for path in (device / ".kobo").iterdir()] == ["KoboReader.sqlite"]
    epubcheck_later(copied)


def test_a_kindle_without_calibre_is_told_both_ways(tmp_path: Path, no_calibre) -> None:
    device = kindle(tmp_path / "Kindle")
    source = fanficfare_epub(tmp_path / "ferry.epub")
    result = runner.invoke(app, ["sideload", str(source), "-d", str(device)])
    assert result.exit_code == 6 and len(result.stderr.strip().splitlines()) == 1
    assert "install Calibre" in result.stderr and "Send to Kindle" in result.stderr
    assert list((device / "documents").iterdir()) == [] and list((device / "system").iterdir()) == []


def test_a_kindle_over_mtp_is_named_plainly(tmp_path: Path, no_mtp: Path, monkeypatch) -> None:
    empty = ((tmp_path / "media", 2),)
    source = fanficfare_epub(tmp_path / "ferry.epub")
    with pytest.raises(DeviceError, match="no e-reader found"):
        sideload(source, None, mount_roots=empty)
    mtp = no_mtp / "1000" / "gvfs" / "mtp:host=Amazon_Kindle_G000XX0000000000"
    mtp.mkdir(parents=True)
    with pytest.raises(DeviceError, match="not as a drive: newer Kindles connect over MTP"):
        sideload(source, None, mount_roots=empty)
    with pytest.raises(DeviceError, match="over MTP"):
        sideload(source, mtp)
    mtp.rmdir()
    monkeypatch.setattr(kindle_module, "usb_devices", lambda: ["Bus 001 Device 007: ID 1949:9981 Lab126, Inc. Kindle"])
    with pytest.raises(DeviceError, match=r"connected \(USB: Lab126, Inc. Kindle\) but not as a drive"):
        sideload(source, None, mount_roots=empty)


@pytest.mark.slow
@needs_calibre
def test_a_kindle_gets_an_azw3_made_by_calibre(tmp_path: Path) -> None:
    device = kindle(tmp_path / "Kindle")
    source = fanficfare_epub(tmp_path / "ferry.epub")
    result = runner.invoke(app, ["sideload", str(source), "-d", str(device)])
    assert result.exit_code == 0, result.output
    azw3 = device / "documents" / "ferry.azw3"
    assert [path.name for path in (device / "documents").iterdir()] == ["ferry.azw3"]
    assert azw3.read_bytes()[60:68] == b"BOOKMOBI"
    assert list((device / "system").iterdir()) == []
    assert "Calibre" in result.stdout


@pytest.mark.slow
@needs_calibre
def test_a_manuscript_reaches_a_kindle_as_azw3(tmp_path: Path) -> None:
    story = tmp_path / "night_train.txt"
    story.write_text("Chapter 1\n\nShe read it on the train.\n", encoding="utf-8")
    device = kindle(tmp_path / "Kindle")
    result = runner.invoke(app, ["sideload", str(story), "-d", str(device)])
    assert result.exit_code == 0, result.output
    assert (device / "documents" / "night-train.azw3").read_bytes()[60:68] == b"BOOKMOBI"
