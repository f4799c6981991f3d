"""What a Kindle needs: an AZW3 made by Calibre's ``ebook-convert``, and a plain word when it is not a drive.

A Kindle reads no EPUB copied over USB; Calibre converts one to AZW3, which it does read.
Newer Kindles connect over MTP (a media device, not a drive): ebookgen copies only to drives,
so it recognises one (a gvfs ``mtp:`` folder, or Amazon's USB vendor id 1949) and says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ebookgen.devices.asin import epub_facts, set_stable_asin
from ebookgen.errors import DeviceError

CONVERTER = "ebook-convert"
AMAZON_USB_VENDOR = "1949"
RUN_USER = Path("/run/user")  # Where gvfs shows MTP devices: /run/user/<uid>/gvfs/mtp:host=Amazon_Kindle_...
CONVERT_SECONDS = 600
SEND_TO_KINDLE = (
    "a Kindle does not read EPUB copied over USB; install Calibre (its ebook-convert makes the AZW3 a Kindle "
    "reads, e.g. `apt-get install calibre`, then sideload again), send the EPUB with Send to Kindle "
    "(https://www.amazon.com/sendtokindle, or e-mail it to your Kindle address), or copy the print PDF with --pdf"
)
OVER_MTP = (
    "a Kindle is connected ({how}) but not as a drive: newer Kindles connect over MTP, and ebookgen copies "
    "only to drives; send the EPUB with Send to Kindle (https://www.amazon.com/sendtokindle), "
    "or copy the book with Calibre or your file manager"
)


def find_converter() -> str | None:
    """Return the path of Calibre's ebook-convert, or None where Calibre is not installed."""
    return shutil.which(CONVERTER)


def require_converter(book: Path) -> str:
    """Return Calibre's ebook-convert, or refuse in a line that says how to read the book on a Kindle."""
    converter = find_converter()
    if converter is None:
        raise DeviceError(f"{book}: {SEND_TO_KINDLE}")
    return converter


def to_azw3(epub: Path, folder: Path, converter: str) -> Path:
    """Convert an EPUB into an AZW3 in folder with Calibre, its temporary files kept in folder too.

    The AZW3 keeps the same ASIN every time (the EPUB's identifier's, ``asin.py``) and, for a book without a date,
    its edition's date as "Published" rather than the time of the conversion.
    """
    name = epub.name[: -len(".kepub.epub")] if epub.name.endswith(".kepub.epub") else epub.stem
    target = folder / f"{name}.azw3"
    scratch = folder / "calibre"
    scratch.mkdir(exist_ok=True)
    environment = {**os.environ, "CALIBRE_TEMP_DIR": str(scratch)}
    facts = epub_facts(epub)
    dated = ["--pubdate", facts.published] if facts.published else []
    try:
        run = subprocess.run(
            [converter, str(epub), str(target), *dated],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=environment,
            timeout=CONVERT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise DeviceError(
            f"{epub}: Calibre's ebook-convert took over {CONVERT_SECONDS} s; nothing was copied"
        ) from None
    if run.returncode != 0 or not target.is_file():
        last = (run.stderr.strip() or run.stdout.strip() or "no message").splitlines()[-1]
        raise DeviceError(f"{epub}: Calibre's ebook-convert could not make the AZW3 ({last}); nothing was copied")
    if facts.identifier:
        set_stable_asin(target, facts.identifier)
    return target


def usb_devices() -> list[str]:
    """List the USB devices lsusb sees, one line each, or nothing where lsusb is missing."""
    lsusb = shutil.which("lsusb")
    if lsusb is None:
        return []
    try:
        run = subprocess.run([lsusb], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return run.stdout.splitlines()


def kindle_over_mtp() -> str | None:
    """Tell how a Kindle that is plugged in but not mounted as a drive shows itself, or None."""
    for folder in sorted(RUN_USER.glob("*/gvfs/mtp:*")):
        if "kindle" in folder.name.lower() or "amazon" in folder.name.lower():
            return f"as {folder}"
    for line in usb_devices():
        if f"ID {AMAZON_USB_VENDOR}:" in line:
            return f"USB: {line.split(f'ID {AMAZON_USB_VENDOR}:', 1)[1].split(None, 1)[-1].strip()}"
    return None


def refuse_mtp_folder(root: Path) -> None:
    """Refuse a Kindle's gvfs MTP folder given as the device: it is no drive, and copies through it are unsafe."""
    if any(part.startswith("mtp:") and ("kindle" in part.lower() or "amazon" in part.lower()) for part in root.parts):
        raise DeviceError(OVER_MTP.format(how=f"as {root}"))
