"""Issue 13: a book holds only its project's own files, and -o writes only a regular file.

Every refusal is one line with its documented exit code; the manuscript is left as it was and no
book is written.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from ebookgen.cli.app import app

from .conftest import epubcheck_later
from .epubtools import NS, Epub

runner = CliRunner()
STORY = "Chapter 1\n\nIt was a dark night, and the rain fell.\n"


def snapshot(folder: Path) -> dict[str, object]:
    """Return what a folder holds: each file's bytes, each link's target, each special file's kind."""
    held: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            held[str(path)] = ("link", os.readlink(path))
        elif path.is_file():
            held[str(path)] = path.read_bytes()
        else:
            held[str(path)] = ("special", os.lstat(path).st_mode)
    return held


def novel(tmp_path: Path, toml: str = 'title = "T"\n', files: dict[str, str] | None = None) -> Path:
    """Write a manuscript folder with a book.toml, a story and a file outside it that it must not reach."""
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    for name, text in (files or {"01.txt": STORY}).items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "outside.txt").write_text("A secret from outside the project.\n", encoding="utf-8")
    Image.new("RGB", (16, 24)).save(tmp_path / "outside.png")
    return folder


def refused(tmp_path: Path, args: list[str], code: int, *words: str) -> str:
    """Run a build expected to refuse; check its code, its one line, the unchanged files and no book."""
    before = snapshot(tmp_path)
    out = tmp_path / "out" / "book.epub"
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ebookgen: error: "), result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0], lines[0]
    assert not out.exists()
    assert snapshot(tmp_path) == before  # Nothing changed, nothing added (no output folder either).
    return lines[0]


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ('"/etc/passwd.txt"', ("book.toml:2:", "'chapters'", "absolute path")),
        ('"../outside.txt"', ("book.toml:2:", "'chapters'", "'..'")),
        ('"sub/../../outside.txt"', ("book.toml:2:", "'chapters'", "'..'")),
        ('"link.txt"', ("book.toml:2:", "'chapters'", "outside the project folder")),
        ('"C:\\\\story.txt"', ("book.toml:2:", "'chapters'", "absolute path")),
    ],
)
def test_a_chapters_entry_outside_the_project_is_refused(tmp_path: Path, entry: str, words: tuple[str, ...]) -> None:
    folder = novel(tmp_path, f'title = "T"\nchapters = ["01.txt", {entry}]\n')
    (folder / "link.txt").symlink_to(tmp_path / "outside.txt")
    refused(tmp_path, ["epub", str(folder)], 3, *words)


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ('"/tmp/outside.png"', ("book.toml:2:", "'cover'", "absolute path")),
        ('"../outside.png"', ("book.toml:2:", "'cover'", "'..'")),
        ('"cover.png"', ("book.toml:2:", "'cover'", "outside the project folder")),
    ],
)
def test_a_cover_outside_the_project_is_refused(tmp_path: Path, entry: str, words: tuple[str, ...]) -> None:
    folder = novel(tmp_path, f'title = "T"\ncover = {entry}\n')
    (folder / "cover.png").symlink_to(tmp_path / "outside.png")
    refused(tmp_path, ["epub", str(folder)], 3, *words)


@pytest.mark.parametrize(
    ("chapters", "words"),
    [
        ("[[]]", ("book.toml:2:", "'chapters' holds an empty list")),
        ("[]", ("book.toml:2:", "'chapters' holds an empty list")),
        ('["01.txt", []]', ("book.toml:2:", "'chapters' holds an empty list")),
        ('[""]', ("book.toml:2:", "'chapters' holds an empty file name")),
        ('[["01.txt", " "]]', ("book.toml:2:", "'chapters' holds an empty file name")),
    ],
)
def test_empty_chapters_shapes_name_the_key(tmp_path: Path, chapters: str, words: tuple[str, ...]) -> None:
    folder = novel(tmp_path, f'title = "T"\nchapters = {chapters}\n')
    refused(tmp_path, ["epub", str(folder)], 3, *words)


def make_fifo(path: Path) -> None:
    """Make a named pipe: reading it would wait for ever."""
    os.mkfifo(path)


def make_socket(path: Path) -> None:
    """Make a Unix socket file."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


SPECIAL: list[tuple[str, Callable[[Path], None], str]] = [
    ("pipe", make_fifo, "is a named pipe (FIFO), not a text file"),
    ("socket", make_socket, "is a socket, not a text file"),
    ("folder", Path.mkdir, "is a folder, not a text file"),
    ("device", lambda path: path.symlink_to("/dev/zero"), "is under /proc, /dev or /sys, not a manuscript"),
    ("proc", lambda path: path.symlink_to("/proc/self/environ"), "is under /proc, /dev or /sys, not a manuscript"),
]


@pytest.mark.parametrize(("kind", "make", "words"), SPECIAL, ids=[case[0] for case in SPECIAL])
def test_a_special_file_named_in_chapters_is_refused_for_what_it_is(
    tmp_path: Path, kind: str, make: Callable[[Path], None], words: str
) -> None:
    folder = novel(tmp_path, 'title = "T"\nchapters = ["01.txt", "x.txt"]\n')
    if kind in ("device", "proc"):
        # A link to /dev or /proc also leaves the project: either refusal keeps the file from being read.
        words = "outside the project folder"
    make(folder / "x.txt")
    refused(tmp_path, ["epub", str(folder)], 3, "book.toml:2:", words)


@pytest.mark.parametrize(("kind", "make", "words"), SPECIAL, ids=[case[0] for case in SPECIAL])
def test_a_special_file_in_a_manuscript_folder_is_refused_for_what_it_is(
    tmp_path: Path, kind: str, make: Callable[[Path], None], words: str
) -> None:
    folder = novel(tmp_path)
    make(folder / "02.txt")
    if kind in ("device", "proc"):
        words = "outside the manuscript folder"
    refused(tmp_path, ["epub", str(folder)], 2, "02.txt", words)


@pytest.mark.parametrize(("kind", "make", "words"), SPECIAL[:2] + SPECIAL[3:], ids=["pipe", "socket", "dev", "proc"])
def test_a_special_file_given_as_the_manuscript_is_refused_for_what_it_is(
    tmp_path: Path, kind: str, make: Callable[[Path], None], words: str
) -> None:
    make(tmp_path / "story.txt")
    refused(tmp_path, ["epub", str(tmp_path / "story.txt")], 2, "story.txt", words)


def test_a_link_out_of_a_manuscript_folder_is_never_published(tmp_path: Path) -> None:
    folder = novel(tmp_path)
    (folder / "02.txt").symlink_to(tmp_path / "outside.txt")
    refused(tmp_path, ["epub", str(folder)], 2, "02.txt", "outside the manuscript folder", "outside.txt")


def test_a_link_inside_the_project_is_read(tmp_path: Path) -> None:
    folder = novel(tmp_path, 'title = "T"\nchapters = ["story.txt"]\n')
    (folder / "drafts").mkdir()
    (folder / "drafts" / "final.txt").write_text(STORY, encoding="utf-8")
    (folder / "01.txt").unlink()
    (folder / "story.txt").symlink_to(folder / "drafts" / "final.txt")
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 0, result.output
    epubcheck_later(tmp_path / "book.epub")


@pytest.mark.parametrize("language", ["not a language", "en_GB", "xx-YY", "english", " en"])
def test_a_language_that_is_not_bcp_47_is_refused_at_load(tmp_path: Path, language: str) -> None:
    folder = novel(tmp_path, f'title = "T"\nlanguage = "{language}"\n')
    refused(tmp_path, ["epub", str(folder)], 3, "book.toml:2:", "is not a language tag")


@pytest.mark.parametrize("language", ["not a language", "en_GB", "zz"])
def test_a_lang_option_that_is_not_bcp_47_is_refused(tmp_path: Path, language: str) -> None:
    folder = novel(tmp_path)
    refused(tmp_path, ["epub", str(folder), "--lang", language], 3, "--lang:", "is not a language tag")


@pytest.mark.parametrize("language", ["en", "en-GB", "pt-BR", "zh-Hant-TW", "de-CH-1996"])
def test_bcp_47_languages_are_taken(tmp_path: Path, language: str) -> None:
    folder = novel(tmp_path, f'title = "T"\nlanguage = "{language}"\n')
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 0, result.output
    assert Epub(tmp_path / "book.epub").opf.findtext(".//dc:language", namespaces=NS) == language


def test_line_breaks_and_controls_in_title_author_and_series_fold_to_spaces(tmp_path: Path) -> None:
    toml = 'title = "The\\nLong\\tNight"\nauthor = "Ann\\r\\nLee\\u0007"\nseries = "Night\\u2028Books"\n'
    folder = novel(tmp_path, toml)
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 0, result.output
    book = Epub(tmp_path / "book.epub")
    assert book.opf.findtext(".//dc:title", namespaces=NS) == "The Long Night"
    assert book.opf.findtext(".//dc:creator", namespaces=NS) == "Ann Lee"
    assert book.opf.find(".//opf:meta[@property='belongs-to-collection']", NS).text == "Night Books"
    epubcheck_later(tmp_path / "book.epub")


def test_a_line_break_in_the_author_option_folds_to_a_space(tmp_path: Path) -> None:
    folder = novel(tmp_path)
    args = ["epub", str(folder), "--author", "Ann\nLee", "--title", "A\rB", "-o", str(tmp_path / "b.epub")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    book = Epub(tmp_path / "b.epub")
    assert book.opf.findtext(".//dc:creator", namespaces=NS) == "Ann Lee"
    assert book.opf.findtext(".//dc:title", namespaces=NS) == "A B"


def jpeg(path: Path, size: tuple[int, int] = (160, 256)) -> None:
    """Save a small real JPEG."""
    Image.new("RGB", size, (30, 50, 90)).save(path, "JPEG")


def bomb(path: Path) -> None:
    """Save a PNG of 81 million pixels that packs into a few kilobytes: a decompression bomb."""
    Image.new("1", (9000, 9000)).save(path, "PNG")


def truncated(path: Path) -> None:
    """Save a JPEG cut off halfway, as an interrupted download leaves it."""
    noisy = Image.effect_noise((400, 640), 60).convert("RGB")
    noisy.save(path, "JPEG")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


COVERS: list[tuple[str, Callable[[Path], None], str]] = [
    ("cover.png", bomb, "too many"),
    ("cover.jpg", truncated, "damaged or cut short"),
    ("cover.png", jpeg, "is a JPEG image named .png; rename it cover.jpg"),
    ("cover.jpg", lambda path: path.write_text("not an image\n"), "is not an image; the cover must be a JPEG"),
    ("cover.bmp", lambda path: Image.new("RGB", (8, 8)).save(path, "BMP"), "is a BMP image; the cover must be"),
    ("cover.svg", lambda path: path.write_text("<svg><unclosed"), "is not a readable SVG"),
    ("cover.svg", lambda path: path.write_text("<?xml version='1.0'?><html/>"), "is XML but not SVG"),
]


@pytest.mark.parametrize(("name", "make", "words"), COVERS, ids=[case[2][:20] for case in COVERS])
def test_a_cover_that_is_not_a_whole_sane_image_is_refused(
    tmp_path: Path, name: str, make: Callable[[Path], None], words: str
) -> None:
    import weasyprint  # noqa: F401  It makes Pillow lenient with truncated images for the whole process.

    folder = novel(tmp_path, f'title = "T"\ncover = "{name}"\n')
    make(folder / name)
    refused(tmp_path, ["epub", str(folder)], 3, "book.toml:2:", words)


SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="2560" viewBox="0 0 1600 2560">'
    '<rect width="1600" height="2560" fill="#1c2a44"/></svg>\n'
)


def test_an_svg_cover_is_taken(tmp_path: Path) -> None:
    folder = novel(tmp_path, 'title = "T"\ncover = "cover.svg"\n')
    (folder / "cover.svg").write_text(SVG, encoding="utf-8")
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 0, result.output
    book = Epub(tmp_path / "book.epub")
    assert book.item(properties="cover-image").get("media-type") == "image/svg+xml"
    epubcheck_later(tmp_path / "book.epub")


def test_a_real_cover_is_taken(tmp_path: Path) -> None:
    folder = novel(tmp_path, 'title = "T"\ncover = "art/cover.jpeg"\n')
    (folder / "art").mkdir()
    jpeg(folder / "art" / "cover.jpeg")
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 0, result.output
    assert Epub(tmp_path / "book.epub").item(properties="cover-image").get("media-type") == "image/jpeg"


LINK = "is a symbolic link, not a regular file"
OUTPUTS: list[tuple[str, Callable[[Path, Path], None], str]] = [
    ("pipe", lambda path, _: os.mkfifo(path), "is a named pipe (FIFO), not a regular file"),
    ("link", lambda path, other: path.symlink_to(other), LINK),
    ("dangling link", lambda path, other: path.symlink_to(other.parent / "gone.epub"), LINK),
    ("socket", lambda path, _: make_socket(path), "is a socket, not a regular file"),
]


@pytest.mark.parametrize(("kind", "make", "words"), OUTPUTS, ids=[case[0] for case in OUTPUTS])
def test_output_onto_a_special_file_is_refused_and_left_as_it_was(
    tmp_path: Path, kind: str, make: Callable[[Path, Path], None], words: str
) -> None:
    folder = novel(tmp_path)
    target = tmp_path / "book.epub"
    (tmp_path / "other.epub").write_bytes(b"an older book")
    make(target, tmp_path / "other.epub")
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["epub", str(folder), "-o", str(target)])
    assert result.exit_code == 4, result.output
    assert result.stderr.strip() == f"ebookgen: error: {target}: {words}; give another -o path"
    assert snapshot(tmp_path) == before


def test_output_onto_a_device_is_refused(tmp_path: Path) -> None:
    folder = novel(tmp_path)
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["epub", str(folder), "-o", "/dev/null"])
    assert result.exit_code == 4, result.output
    assert result.stderr.strip() == "ebookgen: error: /dev/null: is a device, not a regular file; give another -o path"
    assert snapshot(tmp_path) == before
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize("source", ["/proc/self", "/dev", "/proc/self/environ", "/sys/kernel"])
def test_a_system_folder_or_file_as_the_manuscript_is_never_read(tmp_path: Path, source: str) -> None:
    result = runner.invoke(app, ["epub", source, "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"ebookgen: error: {source}: is under /proc, /dev or /sys, not a manuscript"
    assert not (tmp_path / "b.epub").exists()
