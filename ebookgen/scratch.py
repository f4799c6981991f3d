"""ebookgen's temporary folders in TMPDIR: named ``ebookgen-<pid>-<purpose>-...`` after the process that made them.

A build removes its folders when it ends, however it ends, but a process killed outright (``kill -9``, a power
cut) cannot: the next build that starts removes the folders of every ebookgen process that is gone
(``sweep_stale``), only folders of this user, never through a link.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

# A folder of ebookgen's own: the process that made it is in its name.
OWN_FOLDER = re.compile(r"ebookgen-(\d+)-[a-z]+-.+")


def scratch_folder(purpose: str) -> Path:
    """Make a temporary folder for this process, named after it so a later build can tell when it is stale."""
    return Path(tempfile.mkdtemp(prefix=f"ebookgen-{os.getpid()}-{purpose}-"))


def gone(pid: int) -> bool:
    """Tell whether no process of that number runs any more."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # another user's process: it runs
    return False


def sweep_stale(folder: Path | None = None) -> list[Path]:
    """Remove the temporary folders of ebookgen processes that died without removing them; return them."""
    folder = Path(folder or tempfile.gettempdir())
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = OWN_FOLDER.fullmatch(entry.name)
        if not found or int(found.group(1)) == os.getpid():
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and gone(int(found.group(1))):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed
