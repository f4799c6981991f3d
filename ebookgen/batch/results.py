"""The results manifest, ``OUTDIR/results.jsonl``: the current state of the batch's works, one JSON line a work.

While a batch runs, each finished work's row is appended, flushed and synced before the next is counted, so a
crash loses nothing already done; when it ends (finished, failed, Ctrl-C or a signal), the file is rewritten
under a temporary name and renamed into place with one row a work, the last of each name. A rerun reads the
rows back to skip what is current; a line cut short by a crash, or a row without what a rerun reads (outputs
that are not a list...), is ignored, and its work built again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ebookgen.batch.plan import Planned
from ebookgen.batch.task import Outcome
from ebookgen.errors import OutputError
from ebookgen.version import __version__

RESULTS = "results.jsonl"
DONE, FAILED, SKIPPED = "done", "failed", "skipped"


@dataclass(frozen=True)
class Row:
    """One line of the results manifest: a work, what it was built from and what came of it."""

    source: str
    origin: str
    name: str
    hash: str
    key: str
    options: dict
    status: str
    outputs: list[dict] = field(default_factory=list)  # Each: format, path (relative to OUTDIR), bytes, pages.
    error: str = ""
    seconds: float = 0.0
    chapters: int = 0
    words: int = 0
    ebookgen: str = __version__


def row_for(planned: Planned, outcome: Outcome) -> Row:
    """Make the row of a work that was built, or failed to be."""
    outputs = [
        {"format": item.format, "path": item.path.name, "bytes": item.size, "pages": item.pages}
        for item in outcome.outputs
    ]
    status = FAILED if outcome.error else DONE
    return make_row(planned, status, outputs, outcome.error, outcome.seconds, outcome.chapters, outcome.words)


def make_row(
    planned: Planned,
    status: str,
    outputs: list[dict],
    error: str = "",
    seconds: float = 0.0,
    chapters: int = 0,
    words: int = 0,
) -> Row:
    """Make a planned work's row with the given status and outputs."""
    work = planned.work
    return Row(
        source=str(work.source),
        origin=work.origin,
        name=planned.name,
        hash=planned.digest,
        key=planned.key,
        options=planned.options,
        status=status,
        outputs=outputs,
        error=error,
        seconds=round(seconds, 3),
        chapters=chapters,
        words=words,
    )


def read_rows(path: Path) -> list[dict]:
    """Return an earlier results manifest's rows that make sense, in order; any other line is ignored."""
    return parsed_rows(path.read_bytes()) if path.is_file() else []


def split_at(path: Path, start: int) -> tuple[list[dict], list[dict]]:
    """Return the rows of a results manifest before a place in it, and after."""
    data = path.read_bytes()
    return parsed_rows(data[:start]), parsed_rows(data[start:])


def parsed_rows(data: bytes) -> list[dict]:
    """Return the rows of a results manifest's bytes that make sense, in order; any other line is ignored."""
    found = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
        except (ValueError, RecursionError):
            continue  # The last line of a run that was killed mid-write, or a line edited by hand.
        if well_formed(row):
            found.append(row)
    return found


def well_formed(row: object) -> bool:
    """Tell whether a row has what a rerun reads: a name, a key, a status and a list of outputs."""
    if not isinstance(row, dict) or not all(isinstance(row.get(name), str) for name in ("name", "key", "status")):
        return False
    outputs = row.get("outputs")
    return isinstance(outputs, list) and all(isinstance(item, dict) for item in outputs)


def earlier_rows(path: Path) -> dict[str, dict]:
    """Return the last finished row of each resume key in an earlier results manifest (none if there is none)."""
    return {row["key"]: row for row in read_rows(path) if row["status"] in (DONE, SKIPPED)}


def is_current(planned: Planned, earlier: dict[str, dict]) -> dict | None:
    """Return the earlier row when the work's key is unchanged and each of its outputs is there, whole."""
    row = earlier.get(planned.key)
    if row is None:
        return None
    recorded = {item.get("path"): item.get("bytes") for item in row["outputs"]}
    for _, target in planned.targets:
        if target.name not in recorded or not target.is_file() or target.stat().st_size != recorded[target.name]:
            return None
    return row


class ResultsFile:
    """The results manifest: each row appended, flushed and synced as it comes, then the file made the current
    state, one row a work (the last of its name), written under a temporary name and renamed into place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = path.open("a+b")
        except OSError as error:
            raise OutputError(f"{path}: cannot write the results manifest here ({error.strerror})") from None
        self.handle.seek(0, os.SEEK_END)
        if self.handle.tell():  # A run killed mid-line left no newline: start on a line of our own.
            self.handle.seek(-1, os.SEEK_END)
            if self.handle.read(1) != b"\n":
                self.handle.write(b"\n")
        self.start = self.handle.tell()  # Where this run's rows begin.

    def append(self, row: Row) -> None:
        """Write one row and make sure it is on disk before going on."""
        self.handle.write(json.dumps(asdict(row), ensure_ascii=False).encode() + b"\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        """Close the manifest, leaving one row a work: the last row of each name, in the order first seen.

        An earlier run's row of a work this run did not build stays if it says where a book is (done, skipped);
        an earlier failure of a work no longer listed goes.
        """
        self.handle.close()
        earlier, this_run = split_at(self.path, self.start)
        current = {row["name"]: row for row in earlier if row["status"] in (DONE, SKIPPED)}
        current.update({row["name"]: row for row in this_run})
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        try:
            with temporary.open("wb") as out:
                for row in current.values():
                    out.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)  # The appended rows stand: a rerun reads the last of each name.

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
