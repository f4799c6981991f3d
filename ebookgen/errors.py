"""Domain errors: the library raises them, only the CLI turns them into a message and an exit code."""

from __future__ import annotations


class EbookgenError(Exception):
    """Base class of every error ebookgen reports to a user (exit code 1 unless overridden)."""

    exit_code = 1


class InputError(EbookgenError):
    """The manuscript cannot be read or is not a manuscript (exit code 2)."""

    exit_code = 2


class ConfigError(EbookgenError):
    """``book.toml`` or the options are wrong (exit code 3)."""

    exit_code = 3


class OutputError(EbookgenError):
    """The book cannot be written where it was asked for (exit code 4)."""

    exit_code = 4


class RenderError(EbookgenError):
    """A writer failed to lay out the book (exit code 5)."""

    exit_code = 5


class DeviceError(EbookgenError):
    """No e-reader was found, or the reader cannot take this book over USB (exit code 6)."""

    exit_code = 6


class PdfUnreadableError(EbookgenError):
    """`check BOOK.pdf`: the PDF cannot be read to check it: not a PDF, damaged, or malformed (exit code 8)."""

    exit_code = 8


BATCH_INCOMPLETE = 7  # `ebookgen batch` finished, but some works failed: results.jsonl says why.

# Every exit code the command line uses, for `ebookgen --help` and docs/reference/exit-codes.md (settings/docs.py).
EXIT_CODES = {
    0: "the book was written",
    1: "an unexpected error (run again with --verbose and report the traceback)",
    2: "the manuscript cannot be read, or the command line is wrong",
    3: "book.toml or an option is wrong",
    4: "the output cannot be written there",
    5: "the PDF layout failed",
    6: "no e-reader found, or the e-reader cannot take this book",
    BATCH_INCOMPLETE: "a batch finished but some of its works failed (results.jsonl says why)",
    8: "`check BOOK.pdf`: the PDF cannot be read to check it",
    129: "stopped by SIGHUP (the terminal closed); nothing was written",
    130: "interrupted (Ctrl-C); nothing was written",
    143: "stopped by SIGTERM; nothing was written",
}

# What brings each code about, for the exit-codes reference page (docs/reference/exit-codes.md).
EXIT_CAUSES = {
    0: "`check`: no errors found, or the PDF passes its preflight",
    1: "`check`: the manuscript has errors, or the PDF fails its preflight",
    2: "the manuscript is missing, empty, binary, unreadable or undecodable; a named pipe, device, socket or folder "
    "named like a text file; a link out of the manuscript folder; an EPUB given to `kepub` is not one (or is "
    "DRM-protected)",
    3: "the message names the key and its line: a `chapters` entry or `cover` outside the project, an empty "
    "`chapters` list, a cover that is not a whole JPEG/PNG/GIF/WebP/SVG image of a sane size, a `language` or "
    "`--lang` that is not a BCP 47 tag",
    4: "the folder is not writable, the disk is full, the output would overwrite the manuscript, `-o` names a "
    "symlink, a named pipe or a device",
    6: "several e-readers found, a Kindle over MTP, a Kindle and an EPUB without Calibre",
    8: "the file is not a PDF, is damaged or cut short, or is malformed (page boxes, fonts, colour spaces, output "
    "intents or forms not as the PDF reference has them, or forms nested past what a printer reads)",
    BATCH_INCOMPLETE: "`batch` ran to the end; `results.jsonl` has each failed work's error (0: every work was "
    "built or already current)",
}
