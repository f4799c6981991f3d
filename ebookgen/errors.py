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


BATCH_INCOMPLETE = 7  # `ebookgen batch` finished, but some works failed: results.jsonl says why.

# Every exit code the command line uses, for `ebookgen --help` and the docs (docs/commands.md).
EXIT_CODES = {
    0: "the book was written",
    1: "an unexpected error (run again with --verbose and report the traceback)",
    2: "the manuscript cannot be read, or the command line is wrong",
    3: "book.toml or an option is wrong",
    4: "the output cannot be written there",
    5: "the PDF layout failed",
    6: "no e-reader found, or the e-reader cannot take this book",
    BATCH_INCOMPLETE: "a batch finished but some of its works failed (results.jsonl says why)",
    129: "stopped by SIGHUP (the terminal closed); nothing was written",
    130: "interrupted (Ctrl-C); nothing was written",
    143: "stopped by SIGTERM; nothing was written",
}
