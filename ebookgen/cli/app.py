"""The ``ebookgen`` entry point: a plain ``ebookgen epub FILE`` line built at once, any other line through Typer.

A short story's EPUB is mostly start-up, and Typer (with the option declarations of every command) is a
third of it. ``cli/plain.py`` reads the one line most builds are, ``epub`` with a source, ``-o``, ``--lang``
and the global flags, and runs the same command body; help, errors of usage, every other option and command
go to the Typer application in ``cli/commands.py``, whose messages and exit codes stay the only ones.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the CLI."""
    from ebookgen.cli.keptcode import keep_generated_code

    keep_generated_code()  # before any record is defined: their generated methods compiled once, then kept
    # A short book's layout process, forked before anything else is imported.
    building_pdf = "pdf" in sys.argv[1:] and pdf_head_start()
    from ebookgen.cli.plain import plain_line, run_plain

    try:
        line = plain_line(sys.argv[1:], os.environ)
        if line is not None:
            run_plain(line)
            return
        from ebookgen.cli.commands import app

        app()
    except KeyboardInterrupt:
        from ebookgen.cli.console import to_stderr

        to_stderr("ebookgen: error: interrupted; nothing was written")
        sys.exit(130)
    finally:
        if building_pdf:
            from ebookgen.pdf.headstart import dismiss

            dismiss()  # not taken (an error of usage, say): the layout process stops now


def pdf_head_start() -> bool:
    """Fork a short book's layout process from a ``pdf`` command line (``pdf/headstart.py``); say if it is one."""
    from ebookgen.pdf.headstart import head_start_from_line

    return head_start_from_line(sys.argv[1:])


def __getattr__(name: str):
    """Give the Typer application (``from ebookgen.cli.app import app``) on first use, not at start-up."""
    if name == "app":
        from ebookgen.cli.commands import app

        return app
    raise AttributeError(name)
