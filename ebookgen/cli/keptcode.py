"""The records' generated methods, compiled once and kept in the cache, as Python keeps a module's bytecode.

Every record of ebookgen is a frozen dataclass, and ``dataclasses`` writes each one's ``__init__``, ``__eq__``,
``__hash__``, ``__repr__``, ``__setattr__`` and ``__delattr__`` as source text and compiles it at every start:
about 630 functions, 0.05 s of a short story's 0.15 s build. The command line hands ``dataclasses`` an ``exec``
that looks each text up in a table kept in the cache (keyed by the text itself, per Python version) and compiles
only a text it has not seen; the code run is the code ``compile`` makes of that text, so the classes are the same.
New texts are added to the table when the command ends. An unreadable or unwritable cache only costs the time.
"""

from __future__ import annotations

import atexit
import builtins
import importlib.util
import marshal
import sys
from pathlib import Path
from types import CodeType

# The table's name: the interpreter's cache tag (cpython-311) and its bytecode's magic number, as .pyc files are.
TAG = f"{sys.implementation.cache_tag}-{importlib.util.MAGIC_NUMBER.hex()}"


class KeptCode:
    """The compiled code of each generated text: read from the cache, added to as new texts are compiled."""

    def __init__(self, path: Path) -> None:
        self.path, self.added = path, False
        self.codes: dict[str, CodeType] = read_table(path)

    def exec(self, source, globals=None, locals=None, /) -> None:  # noqa: A002 - the signature of builtins.exec
        """Run a generated text as ``exec`` would, from its kept code; any other argument goes to ``exec`` itself."""
        if not isinstance(source, str):
            return builtins.exec(source, globals, locals)
        code = self.codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec")
            self.codes[source] = code
            self.added = True
        return builtins.exec(code, globals, locals)

    def save(self) -> None:
        """Keep the table when this run compiled a text it did not hold."""
        if self.added:
            from ebookgen.cachedir import keep

            keep(self.path, marshal.dumps(read_table(self.path) | self.codes))


def read_table(path: Path) -> dict[str, CodeType]:
    """Return a kept table of texts and their code; an empty one when there is none or it cannot be read."""
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {text: code for text, code in table.items() if isinstance(text, str) and isinstance(code, CodeType)}


def table_path() -> Path:
    """Return where the table of this Python is kept, in ebookgen's cache folder."""
    from ebookgen.cachedir import cache_home

    return cache_home() / "code" / f"records-{TAG}.marshal"


def keep_generated_code() -> KeptCode | None:
    """Hand ``dataclasses`` the kept table's ``exec`` (before any record is defined); save the table at exit."""
    import dataclasses

    if dataclasses.__dict__.get("exec", builtins.exec) is not builtins.exec:
        return None  # already handed one
    kept = KeptCode(table_path())
    dataclasses.exec = kept.exec  # the module's own name `exec` is looked up before the builtin
    atexit.register(kept.save)
    return kept
