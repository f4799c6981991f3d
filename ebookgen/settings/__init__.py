"""Every user option, declared once: its type, default, rule, help, book.toml key, CLI flag and batch column.

A ``Setting`` is one row of ``SETTINGS`` (``table.py``). From the table come the command line's options
(``cli/options.py``), book.toml's keys and their checks (``project/manuscript.py``), the commented
book.toml ``ebookgen init`` writes, a batch manifest's columns (``batch/sources.py``) and the reference
pages in ``docs/reference/`` (``python -m ebookgen.settings.docs`` writes them). A new option is one row.
"""

from __future__ import annotations

from ebookgen.settings.setting import EDITIONS, Setting
from ebookgen.settings.table import SETTINGS

__all__ = ["EDITIONS", "SETTINGS", "Setting", "book_keys", "command_settings", "manifest_columns", "setting"]


def settings() -> tuple[Setting, ...]:
    """Return every setting, in the order the docs and ``init`` list them."""
    return SETTINGS


def setting(name: str) -> Setting:
    """Return the named setting (a programming error when there is none)."""
    return next(item for item in settings() if item.name == name)


def book_keys() -> dict[str, Setting]:
    """Return every setting book.toml may hold, by its key."""
    return {item.key: item for item in settings() if item.key}


def command_settings(command: str) -> tuple[Setting, ...]:
    """Return the settings a command takes as options, in table order."""
    return tuple(item for item in settings() if command in item.commands)


def manifest_columns() -> dict[str, str]:
    """Return a batch manifest's columns and the ``Work`` field each fills, an alias (``lang``) last."""
    columns = {"source": "source"} | {item.column: item.name for item in settings() if item.column}
    aliases = {item.column_alias: item.name for item in settings() if item.column_alias}
    return columns | {"formats": "formats"} | aliases
