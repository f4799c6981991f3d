"""The TOML value types book.toml's keys accept, and how a message names them."""

from __future__ import annotations

import datetime as dt

STRING = (str,)
STRINGS = "list of strings"
TABLES = "list of tables"
DATE = (str, dt.date, dt.datetime)


def matches(value: object, kind: type | str) -> bool:
    """Tell whether a TOML value has one of the types a key accepts."""
    if kind == STRINGS:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == TABLES:
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    if isinstance(kind, str):  # A list of file names, or of lists of file names (one chapter over files).
        return isinstance(value, list) and all(isinstance(item, str) or matches(item, STRINGS) for item in value)
    if kind in (int, float) and isinstance(value, bool):
        return False
    return isinstance(value, kind)


def article(kind: type) -> str:
    """Name a type for a message: `a string`, `an integer`."""
    name = {str: "string", int: "integer", float: "number", dt.date: "date", dt.datetime: "date", dict: "table"}[kind]
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def toml_type(value: object) -> str:
    """Name a TOML value's type as the user wrote it."""
    names = {
        bool: "a true/false",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    return next((name for kind, name in names.items() if isinstance(value, kind)), "a date")
