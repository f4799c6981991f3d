"""Copy a book onto a mounted e-reader, in the form that reader wants.

A Kobo (a ``.kobo`` folder) gets the ``.kepub.epub`` form (a built EPUB, ours or another
tool's, is converted on the way), a Kindle (``documents`` and ``system`` folders) reads no
EPUB over USB and gets an AZW3 made by Calibre (``kindle.py``), or the PDF when asked, any
other reader (PocketBook, Tolino, Nook, Boox, KOReader) gets the EPUB. Copies are atomic: a
temporary name on the device, renamed when the data is safely written. Only the books folder
is written: never a reader's own database (``.kobo/KoboReader.sqlite``, a Kindle's ``system``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ebookgen.devices.kindle import OVER_MTP, kindle_over_mtp, refuse_mtp_folder, require_converter, to_azw3
from ebookgen.errors import DeviceError, OutputError
from ebookgen.output import atomic_path

KOBO, KINDLE, READER = "kobo", "kindle", "reader"
LABELS = {KOBO: "Kobo", KINDLE: "Kindle", READER: "e-reader"}
# Where desktops mount USB drives, and how deep below them a drive sits (/media/<user>/<label>).
MOUNT_ROOTS = ((Path("/media"), 2), (Path("/run/media"), 2), (Path("/mnt"), 1), (Path("/Volumes"), 1))
# Files or folders that mark a drive as an e-reader that reads EPUB.
READER_MARKERS = (
    "koreader",
    ".adds/koreader",
    ".adobe-digital-editions",
    "Digital Editions",
    "NOOK",
    "system/config/books.cfg",  # PocketBook
    ".tolino",
    "Tolino",
    "Books/.metadata.calibre",
    "metadata.calibre",
)
BUILT_SUFFIXES = (".kepub.epub", ".epub", ".pdf")


@dataclass(frozen=True)
class Device:
    """A mounted e-reader: what kind it is and where it is mounted."""

    kind: str
    root: Path

    @property
    def label(self) -> str:
        """Name the kind of reader for a message."""
        return LABELS[self.kind]

    @property
    def books_folder(self) -> Path:
        """Return the folder the reader looks for books in."""
        if self.kind == KINDLE:
            return self.root / "documents"
        if self.kind == READER and (self.root / "Books").is_dir():
            return self.root / "Books"
        return self.root


@dataclass(frozen=True)
class Sideloaded:
    """What was copied where, and anything the user should know."""

    copied: Path
    device: Device
    notes: tuple[str, ...] = ()


# Builds the book in one form ("epub", "kepub" or "pdf") into a folder and returns the file.
Producer = Callable[[object, str, Path], Path]


def device_kind(root: Path) -> str | None:
    """Tell what kind of e-reader is mounted at root, or None if it does not look like one."""
    if (root / ".kobo").is_dir():
        return KOBO
    if (root / "documents").is_dir() and (root / "system").is_dir():
        return KINDLE
    if any((root / marker).exists() for marker in READER_MARKERS):
        return READER
    return None


def open_device(root: Path) -> Device:
    """Return the device mounted at a path the user gave; an unknown drive counts as an EPUB reader."""
    refuse_mtp_folder(root)
    if not root.exists():
        raise DeviceError(f"{root}: no such folder; is the e-reader plugged in and mounted?")
    if not root.is_dir():
        raise DeviceError(f"{root}: not a folder; give the e-reader's mount point with --device")
    return Device(device_kind(root) or READER, root)


def find_devices(mount_roots=MOUNT_ROOTS) -> list[Device]:
    """Look for mounted e-readers under the usual mount points."""
    found = []
    for base, depth in mount_roots:
        for root in folders_below(Path(base), depth):
            kind = device_kind(root)
            if kind:
                found.append(Device(kind, root))
    return found


def folders_below(base: Path, depth: int) -> list[Path]:
    """Return the folders exactly `depth` levels below base, ignoring what cannot be listed."""
    level = [base]
    for _ in range(depth):
        below = []
        for folder in level:
            try:
                below.extend(sorted(child for child in folder.iterdir() if child.is_dir()))
            except OSError:
                continue
        level = below
    return level


def choose_device(device: Path | None, mount_roots=MOUNT_ROOTS) -> Device:
    """Return the device given, or the one e-reader mounted; refuse when there is none or several."""
    if device is not None:
        return open_device(device)
    found = find_devices(mount_roots)
    if not found and (mtp := kindle_over_mtp()):
        raise DeviceError(OVER_MTP.format(how=mtp))
    if not found:
        places = ", ".join(str(base) for base, _ in mount_roots)
        raise DeviceError(f"no e-reader found under {places}; plug it in, or give its folder with --device PATH")
    if len(found) > 1:
        names = ", ".join(str(item.root) for item in found)
        raise DeviceError(f"several e-readers are mounted ({names}); choose one with --device PATH")
    return found[0]


def form_for(device: Device, want_pdf: bool) -> str:
    """Choose the form of the book for a device: kepub, epub, azw3 (made by Calibre) or pdf."""
    if want_pdf:
        return "pdf"
    if device.kind == KINDLE:
        require_converter(device.root)
        return "azw3"
    return "kepub" if device.kind == KOBO else "epub"


def built_form(path: Path) -> str | None:
    """Return the form of an already built book file, or None for a manuscript."""
    name = path.name.lower()
    if path.is_file() and name.endswith(BUILT_SUFFIXES):
        return "kepub" if name.endswith(".kepub.epub") else name.rsplit(".", 1)[1]
    return None


def sideload(
    book: Path,
    device: Path | None = None,
    *,
    want_pdf: bool = False,
    prepare: Callable[[Path], object] | None = None,
    produce: Producer | None = None,
    mount_roots=MOUNT_ROOTS,
) -> Sideloaded:
    """Put the book on the e-reader in its form: build it from a manuscript, or copy a built file."""
    reader = choose_device(device, mount_roots)
    form = built_form(book)
    if form is not None:
        return copy_built(book, form, reader)
    wanted = form_for(reader, want_pdf)
    project = (prepare or default_prepare)(book)
    with tempfile.TemporaryDirectory(prefix="ebookgen-sideload-") as folder:
        made = (produce or produce_book)(project, "epub" if wanted == "azw3" else wanted, Path(folder))
        if wanted == "azw3":
            made = to_azw3(made, Path(folder), require_converter(book))
        copied = copy_atomically(made, reader.books_folder)
    notes = () if made.name.endswith(".kepub.epub") or wanted != "kepub" else (KEPUB_MISSING,)
    return Sideloaded(copied, reader, notes + ((MADE_AZW3,) if wanted == "azw3" else ()))


def copy_built(book: Path, form: str, reader: Device) -> Sideloaded:
    """Copy an already built book, converting an EPUB to a kepub for a Kobo and to an AZW3 for a Kindle."""
    kindle_epub = reader.kind == KINDLE and form != "pdf"
    kobo_epub = reader.kind == KOBO and form == "epub"
    if not (kindle_epub or kobo_epub):
        return Sideloaded(copy_atomically(book, reader.books_folder), reader)
    converter = require_converter(book) if kindle_epub else ""
    with tempfile.TemporaryDirectory(prefix="ebookgen-sideload-") as folder:
        if kindle_epub:
            made = to_azw3(book, Path(folder), converter)
        else:
            from ebookgen.epub.kepub import convert_epub, kepub_name

            made = convert_epub(book, Path(folder) / kepub_name(book).name).path
        copied = copy_atomically(made, reader.books_folder)
    return Sideloaded(copied, reader, (MADE_AZW3,) if kindle_epub else ())


def copy_atomically(source: Path, folder: Path) -> Path:
    """Copy a file into folder under a temporary name, flush it to the device, then rename it."""
    target = folder / source.name
    try:
        with atomic_path(target) as temporary:
            shutil.copyfile(source, temporary)
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
    except OSError as error:
        raise OutputError(f"{target}: cannot copy to the e-reader ({error.strerror})") from None
    return target


def default_prepare(source: Path):
    """Load a manuscript project without overrides."""
    from ebookgen.project.manuscript import load_project

    return load_project(source)


MADE_AZW3 = "made the AZW3 a Kindle reads with Calibre's ebook-convert"
KEPUB_MISSING = "this ebookgen cannot make the .kepub.epub form yet, so the Kobo got the plain EPUB (it reads it too)"


def produce_book(project, form: str, folder: Path) -> Path:
    """Build the book in the form a device wants into folder, through the library's builders."""
    from ebookgen import build

    name = project.slug
    if form == "pdf":
        return build.build_pdf(project, folder / f"{name}.pdf").path
    if form == "kepub":
        kepub_builder = find_kepub_builder()
        if kepub_builder is not None:
            return kepub_builder(project, folder / f"{name}.kepub.epub")
    return build.build_epub(project, folder / f"{name}.epub").path


def find_kepub_builder() -> Callable | None:
    """Return the library's KEPUB builder, `(project, target) -> Path`."""
    from ebookgen.build import build_epub

    return lambda project, target: build_epub(project, target, kobo=True).path
