"""Where ebookgen keeps what a later build can reuse: its folder in the XDG cache (``~/.cache/ebookgen``)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_home() -> Path:
    """Return ebookgen's cache folder: $XDG_CACHE_HOME/ebookgen, ~/.cache/ebookgen by default."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ebookgen"


def keep(path: Path, data: bytes) -> None:
    """Write a cache entry under a temporary name, then rename it into place; an unwritable cache is skipped."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # no folder to hold it (the cache's path is a file)
            pass
