"""Write output files atomically: a temporary file beside the target, renamed when complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ebookgen.errors import OutputError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; move it onto target only if the block succeeds."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write here ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def check_output(target: Path, inputs: tuple[Path, ...]) -> None:
    """Refuse an output path that would overwrite one of the inputs."""
    resolved = target.resolve()
    for source in inputs:
        if source.resolve() == resolved or (target.exists() and source.exists() and os.path.samefile(source, target)):
            raise OutputError(f"{target}: the output would overwrite {source}, an input; choose another -o path")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name for the book")
