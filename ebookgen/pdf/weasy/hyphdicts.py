"""Pyphen's hyphenation patterns read from ebookgen's cache, not parsed from the dictionary file in every process.

Pyphen parses a language's ``hyph_*.dic`` (some 5,000 patterns for English) the first time a process hyphenates
in it: about 0.05 s of CPU in every PDF build's layout process and in every parallel worker. The parsed patterns
are plain strings and numbers, kept here with ``marshal`` beside the other cached code, keyed by the file's path,
size and time and pyphen's version; loading them takes about 0.005 s. Pyphen then finds the same patterns in its own
table (``pyphen.hdcache``), so the words break where they always did. A dictionary whose patterns carry
non-standard hyphenation (Hungarian's, a ``DataInt``) is left to pyphen.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

from ebookgen.cachedir import cache_home, keep


def primed(lang: str) -> None:
    """Put a language's parsed patterns in pyphen's table, read from the cache (parsed and kept the first time)."""
    import pyphen

    name = pyphen.language_fallback(lang)
    path = pyphen.LANGUAGES.get(name) if name else None
    if path is None or path in pyphen.hdcache:
        return
    kept = kept_path(Path(path), pyphen.__version__)
    if kept is None:
        return
    patterns = read_patterns(kept)
    if patterns is None:
        parsed = pyphen.HyphDict(path)
        pyphen.hdcache[path] = parsed
        if plain(parsed.patterns):
            keep(kept, marshal.dumps((parsed.patterns, parsed.maxlen)))
        return
    table = pyphen.HyphDict.__new__(pyphen.HyphDict)
    table.patterns, table.maxlen = patterns
    table.cache = {}
    pyphen.hdcache[path] = table


def kept_path(path: Path, version: str) -> Path | None:
    """Return where a dictionary's parsed patterns are kept, named for the file and pyphen's version."""
    try:
        status = path.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{path}|{status.st_size}|{status.st_mtime_ns}|{version}".encode()).hexdigest()[:24]
    return cache_home() / "hyphenation" / f"{path.stem}-{key}.marshal"


def read_patterns(kept: Path) -> tuple[dict, int] | None:
    """Return the patterns kept in a cache file, or None when it is missing or unreadable."""
    try:
        patterns, longest = marshal.loads(kept.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return (patterns, longest) if isinstance(patterns, dict) and isinstance(longest, int) else None


def plain(patterns: dict) -> bool:
    """Tell whether every pattern holds plain numbers (no non-standard hyphenation to keep with them)."""
    return all(type(value) is int for _, values in patterns.values() for value in values)
