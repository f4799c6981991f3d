"""Where ebookgen keeps what a later build can reuse: its folder in the XDG cache (``~/.cache/ebookgen``)."""

from __future__ import annotations

import os
from pathlib import Path

try:  # CPython's own SHA-1 and SHA-256 (caches' keys, a book's UUID): hashlib loads OpenSSL, 2 ms of a short build
    from _sha1 import sha1
    from _sha256 import sha256
except ImportError:  # another Python (3.12 calls it _sha2): hashlib's, the same digests
    from hashlib import sha1, sha256  # noqa: F401 - imported for the modules that take them from here


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
