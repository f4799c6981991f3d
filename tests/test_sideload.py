"""Sideloading into temporary folders shaped like each kind of e-reader."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.devices.sideload import KINDLE, KOBO, READER, choose_device, device_kind, sideload
from ebookgen.errors import DeviceError

runner = CliRunner()
STORY = "Chapter 1\n\nShe read it on the train.\n"


def kobo(root: Path) -> Path:
    (root / ".kobo").mkdir(parents=True)
    return root


def kindle(root: Path) -> Path:
    for name in ("documents", "system"):
        (root / name).mkdir(parents=True)
    return root


def pocketbook(root: Path) -> Path:
    (root / "system" / "config").mkdir(parents=True)
    (root / "system" / "config" / "books.cfg").write_text("", encoding="utf-8")
    (root / "Books").mkdir()
    return root


def koreader(root: Path) -> Path:
    (root / "koreader").mkdir(parents=True)
    return root


@pytest.fixture
def no_calibre(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without Calibre's ebook-convert, whatever this one has."""
    monkeypatch.setattr("ebookgen.devices.kindle.find_converter", lambda: None)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "night_train.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def fake_kepub(project, form: str, folder: Path) -> Path:
    """Stand in for the KEPUB builder: write a file named as the real one would be."""
    path = folder / f"{project.slug}.{'kepub.epub' if form == 'kepub' else form}"
    path.write_bytes(b"PK fake " + form.encode())
    return path


def test_devices_are_told_apart(tmp_path: Path) -> None:
    assert device_kind(kobo(tmp_path / "k")) == KOBO
    assert device_kind(kindle(tmp_path / "kin")) == KINDLE
    assert device_kind(pocketbook(tmp_path / "pb")) == READER
    assert device_kind(koreader(tmp_path / "ko")) == READER
    (tmp_path / "stick").mkdir()
    assert device_kind(tmp_path / "stick") is None


def test_a_kobo_gets_the_kepub_form(story: Path, tmp_path: Path) -> None:
    device = kobo(tmp_path / "KOBOeReader")
    result = sideload(story, device, produce=fake_kepub)
    assert result.copied == device / "night-train.kepub.epub"
    assert result.copied.read_bytes() == b"PK fake kepub"
    assert result.notes == ()


def test_a_kobo_gets_a_real_kepub_from_the_library(story: Path, tmp_path: Path) -> None:
    device = kobo(tmp_path / "KOBOeReader")
    result = runner.invoke(app, ["sideload", str(story), "--device", str(device)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in device.iterdir()) == [".kobo", "night-train.kepub.epub"]
    with zipfile.ZipFile(device / "night-train.kepub.epub") as archive:
        chapters = [name for name in archive.namelist() if "chapter" in name and name.endswith(".xhtml")]
        assert 'class="koboSpan"' in archive.read(chapters[0]).decode()


def test_a_kobo_gets_the_epub_with_a_note_when_no_kepub_builder_exists(story: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr("ebookgen.devices.sideload.find_kepub_builder", lambda: None)
    device = kobo(tmp_path / "KOBOeReader")
    result = runner.invoke(app, ["sideload", str(story), "--device", str(device)])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(device / "night-train.epub") and "kepub" in result.stdout


@pytest.mark.parametrize("make", [pocketbook, koreader], ids=["pocketbook", "koreader"])
def test_a_generic_reader_gets_the_epub(story: Path, tmp_path: Path, make) -> None:
    device = make(tmp_path / "READER")
    result = runner.invoke(app, ["sideload", str(story), "-d", str(device), "--title", "Night Train"])
    assert result.exit_code == 0, result.output
    folder = device / "Books" if (device / "Books").is_dir() else device
    copied = folder / "night-train.epub"
    with zipfile.ZipFile(copied) as archive:
        assert "<dc:title>Night Train</dc:title>" in archive.read("EPUB/content.opf").decode()
    assert f"copied {copied} to your e-reader" in result.stdout
    assert [path.name for path in device.rglob("*.part")] == []


def test_a_kindle_is_told_how_to_read_epub_and_gets_nothing(story: Path, tmp_path: Path, no_calibre) -> None:
    device = kindle(tmp_path / "Kindle")
    result = runner.invoke(app, ["sideload", str(story), "-d", str(device)])
    assert result.exit_code == 6
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "does not read EPUB" in message and "Send to Kindle" in message and "--pdf" in message
    assert list((device / "documents").iterdir()) == []


def test_a_kindle_gets_the_pdf_when_asked(story: Path, tmp_path: Path) -> None:
    device = kindle(tmp_path / "Kindle")
    result = runner.invoke(app, ["sideload", str(story), "-d", str(device), "--pdf"])
    assert result.exit_code == 0, result.output
    assert (device / "documents" / "night-train.pdf").read_bytes().startswith(b"%PDF")


def test_a_built_book_is_copied_as_it_is(story: Path, tmp_path: Path, no_calibre) -> None:
    built = tmp_path / "mine.epub"
    assert runner.invoke(app, ["-q", "epub", str(story), "-o", str(built)]).exit_code == 0
    device = koreader(tmp_path / "READER")
    result = sideload(built, device)
    assert result.copied.read_bytes() == built.read_bytes()
    with pytest.raises(DeviceError, match="Send to Kindle"):
        sideload(built, kindle(tmp_path / "Kindle"))


def test_the_reader_is_found_under_the_mount_points(tmp_path: Path, story: Path) -> None:
    media = tmp_path / "media"
    (media / "ann" / "USB STICK").mkdir(parents=True)
    roots = ((media, 2), (tmp_path / "nothing-here", 1))
    with pytest.raises(DeviceError, match="no e-reader found"):
        choose_device(None, roots)
    reader = kobo(media / "ann" / "KOBOeReader")
    assert choose_device(None, roots).root == reader
    kindle(media / "ann" / "Kindle")
    with pytest.raises(DeviceError, match="several e-readers"):
        choose_device(None, roots)
    shutil.rmtree(media / "ann" / "Kindle")
    result = sideload(story, None, produce=fake_kepub, mount_roots=roots)
    assert result.copied == reader / "night-train.kepub.epub"


def test_a_missing_device_is_one_line(story: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sideload", str(story), "-d", str(tmp_path / "unplugged")])
    assert result.exit_code == 6
    assert "is the e-reader plugged in" in result.stderr


def test_a_copy_that_fails_leaves_nothing_on_the_device(story: Path, tmp_path: Path, monkeypatch) -> None:
    device = koreader(tmp_path / "READER")
    (device / "night-train.epub").write_bytes(b"the copy from last week")

    def device_full(source, destination):
        Path(destination).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", device_full)
    result = runner.invoke(app, ["sideload", str(story), "-d", str(device)])
    assert result.exit_code == 4 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        f"ebookgen: error: {device / 'night-train.epub'}: cannot copy to the e-reader (No space left on device)"
    ]
    assert (device / "night-train.epub").read_bytes() == b"the copy from last week"
    assert sorted(path.name for path in device.iterdir()) == ["koreader", "night-train.epub"]
