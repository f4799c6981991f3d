"""The record of one user option: a row of the settings table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

EDITIONS = ("epub", "pdf", "both", "none")


@dataclass(frozen=True)
class Setting:
    """One user option: what it is, where a user may set it, and which editions it changes."""

    name: str  # the option's own name: the library's field and, unless it says otherwise, key and column
    help: str  # one line: what it means, the same wherever it is set
    kind: type = str  # the value's type on the command line and in a manifest
    default: str = ""  # the default, as the reference docs show it ("" when there is none to show)
    key: str = ""  # book.toml's key ("" when book.toml cannot set it)
    types: tuple[type | str, ...] = ()  # the TOML types book.toml's key accepts
    choices: tuple[str, ...] = ()
    rule: Callable[[object], object] | None = None  # a check beyond the type; returns the value's typed record
    flags: tuple[str, ...] = ()  # the command line's flags ("" when the CLI cannot set it)
    commands: tuple[str, ...] = ()  # the commands that take the flags
    cli_help: str = ""  # the CLI's help, when it says more than ``help`` (where the default comes from)
    least: int | None = None  # the smallest number the CLI takes
    column: str = ""  # a batch manifest's column ("" when a manifest cannot set it)
    column_alias: str = ""  # another name a manifest may give the column
    editions: str = "both"  # the editions it changes: epub, pdf, both, or none (it changes how the book is read)
    example: str = ""  # the TOML value ``init`` shows for the key, commented

    @property
    def flag(self) -> str:
        """Return the long flag, such as ``--trim``, or ""."""
        return self.flags[0] if self.flags else ""

    @property
    def option_help(self) -> str:
        """Return the help the command line shows."""
        return self.cli_help or self.help
