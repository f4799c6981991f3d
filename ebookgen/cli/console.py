"""What a command says besides its result: errors and warnings on stderr, the closing summary on stdout.

The global options (``--quiet``, ``--verbose``) are kept in ``SETTINGS`` once per invocation.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from ebookgen.cli.summary import Written
from ebookgen.errors import EbookgenError
from ebookgen.output import DISK_ERRORS


@dataclass
class Settings:
    """The global options, set once per invocation."""

    quiet: bool = False
    verbose: bool = False


SETTINGS = Settings()


def to_stderr(line: str) -> None:
    """Write one line on stderr at once, as Typer's echo does (without importing Typer for a plain build)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def say_error(message: str) -> None:
    """Print one error line on stderr, with the traceback first when --verbose is on."""
    if SETTINGS.verbose and sys.exc_info()[0] is not None:
        import traceback  # an error's traceback is shown with --verbose only

        to_stderr(traceback.format_exc().rstrip())
    to_stderr(f"ebookgen: error: {escaped(message)}")


def typer_exit(error: BaseException) -> bool:
    """Tell an exit a command raised on purpose through Typer (`typer.Exit`), passed on as it is."""
    typer = sys.modules.get("typer")
    return typer is not None and isinstance(error, typer.Exit)


def escaped(message: str) -> str:
    """Show a file name's bytes that are not UTF-8 escaped (`caf\\xe9.txt`), so the line can always be printed."""
    return message.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")


class Stopped(KeyboardInterrupt):
    """A signal asked the command to stop (SIGTERM, SIGHUP): unwound like Ctrl-C, so nothing is left behind."""

    def __init__(self, number: int):
        super().__init__(number)
        self.number = number


def stop(number: int, _frame: object) -> None:
    """Stop the command on a signal by unwinding it, so every temporary file and worker is cleaned up."""
    raise Stopped(number)


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into ``Stopped`` while a command runs; restore the handlers after."""
    saved = {}
    for number in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError):  # Not the main thread: signals are left as they are.
            saved[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """Turn whatever a command raises into one line on stderr and its documented exit code.

    The exit is a SystemExit, which Typer passes on as it is (its own `typer.Exit` ends in one too), so the
    same code reaches the shell whether Typer runs the command or the plain line does (``cli/plain.py``)."""
    try:
        with stopped_by_signals():
            yield
    except Stopped as stopped:
        say_error(f"stopped by {signal.Signals(stopped.number).name}; nothing was written")
        raise SystemExit(128 + stopped.number) from None
    except EbookgenError as error:
        say_error(str(error))
        raise SystemExit(error.exit_code) from None
    except KeyboardInterrupt:
        say_error("interrupted; nothing was written")
        raise SystemExit(130) from None
    except MemoryError:
        say_error("out of memory; close other programs or split the manuscript into several files")
        raise SystemExit(1) from None
    except OSError as error:
        if error.errno not in DISK_ERRORS:
            say_error(f"unexpected OSError: {error}; run again with --verbose and report it")
            raise SystemExit(1) from None
        say_error(f"{error.filename or 'the output'}: {DISK_ERRORS[error.errno]}; nothing was written")
        raise SystemExit(4) from None
    except Exception as error:  # A bug: still one line, and the way to see more.
        if typer_exit(error):
            raise
        say_error(f"unexpected {type(error).__name__}: {error}; run again with --verbose and report it")
        raise SystemExit(1) from None


def say_notes(notes: tuple[str, ...]) -> None:
    """Print what the library did differently, one warning line each, on stderr (not with --quiet)."""
    for note in () if SETTINGS.quiet else notes:
        to_stderr(f"ebookgen: warning: {escaped(note)}")


def summarise(written: list[Written], chapters: int, words: int) -> None:
    """Print the closing summary unless --quiet: files, sizes, pages, chapters, words, reading time."""
    if SETTINGS.quiet:
        return
    from ebookgen.cli.summary import print_summary

    print_summary(written, chapters, words)
