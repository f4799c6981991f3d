"""Plan a batch before anything is built: each work's output names, the hash of its source, its resume key.

Names come from the works' slugs. Works whose slugs collide are ordered by their source's absolute path, then
their options: the first keeps the slug, the others get ``-2``, ``-3``..., skipping any name another work has as
its own slug, so the same works get the same names whatever order they were listed in.
The resume key is the hash of the source's bytes (every file the build reads), the work's options and
ebookgen's version: a rerun skips a work whose key is unchanged and whose outputs exist.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ebookgen.batch.sources import Work
from ebookgen.errors import EbookgenError
from ebookgen.project.bookmeta import title_from_filename
from ebookgen.project.manuscript import slugify
from ebookgen.version import __version__

SUFFIXES = {"epub": ".epub", "kepub": ".kepub.epub", "pdf": ".pdf"}


@dataclass(frozen=True)
class Planned:
    """One work as the batch will build it: where its outputs go and what a rerun compares."""

    index: int
    work: Work
    name: str  # The outputs' file name before the suffix.
    formats: tuple[str, ...]
    folder: Path  # OUTDIR, absolute.
    digest: str  # sha256 of the source's bytes; empty when they cannot be read.
    key: str
    epoch: int  # The build's timestamp (SOURCE_DATE_EPOCH, else the source's newest change), seen by every worker.
    problem: str = ""  # Why the work cannot be built at all (no such file, a suffix no reader claims...).

    @property
    def targets(self) -> tuple[tuple[str, Path], ...]:
        """Return each format with the file it is written to."""
        return tuple((form, self.folder / f"{self.name}{SUFFIXES[form]}") for form in self.formats)

    @property
    def options(self) -> dict:
        """Return the work's options as the results manifest records them, its formats included."""
        return {**self.work.options, "formats": list(self.formats)}


@dataclass(frozen=True)
class Survey:
    """What the driver learns of a work's source before naming it: its slug, its files, its timestamp."""

    slug: str
    inputs: tuple[tuple[str, Path], ...]  # Each file the build reads, under a name relative to the work.
    epoch: int
    problem: str = ""


def plan_batch(works: list[Work], folder: Path, formats: tuple[str, ...]) -> list[Planned]:
    """Plan every work: survey its source, hash it, then give each work its output name."""
    folder = folder.resolve()
    surveys = [survey(work) for work in works]
    names = output_names(works, surveys)
    planned = []
    for index, (work, found) in enumerate(zip(works, surveys, strict=True)):
        digest, problem = source_digest(found)
        chosen = work.formats or formats
        key = resume_key(digest, {**work.options, "formats": list(chosen)})
        planned.append(Planned(index, work, names[index], chosen, folder, digest, key, found.epoch, problem))
    return planned


def survey(work: Work) -> Survey:
    """Load the work's project to learn its slug and its files; a work that cannot load keeps why."""
    from ebookgen.build import modification_time, open_project

    if work.problem:
        return Survey(slugify(work.title or title_from_filename(work.source)), (), 0, work.problem)
    source = work.source.resolve()
    try:
        project = open_project(source, work.overrides)
        inputs = tuple((relative_name(path, project.root), path.resolve()) for path in project.inputs)
        return Survey(project.slug, tuple(sorted(inputs)), int(modification_time(project).timestamp()))
    except EbookgenError as error:
        fallback = slugify(work.title or title_from_filename(source))
        return Survey(fallback, (), 0, str(error))
    except OSError as error:
        return Survey(slugify(title_from_filename(source)), (), 0, f"{work.source}: cannot be read ({error.strerror})")


def relative_name(path: Path, root: Path) -> str:
    """Name a file of a work relative to its folder, so that the hash does not depend on where the library is."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def source_digest(found: Survey) -> tuple[str, str]:
    """Return the sha256 of every file a work reads, names and bytes, and any problem reading them."""
    if found.problem:
        return "", found.problem
    digest = hashlib.sha256()
    try:
        for name, path in found.inputs:
            data = path.read_bytes()
            digest.update(f"{name}\0{len(data)}\0".encode())
            digest.update(data)
    except OSError as error:
        return "", f"{path}: cannot be read ({error.strerror})"
    return f"sha256:{digest.hexdigest()}", ""


def resume_key(digest: str, options: dict) -> str:
    """Return the key a rerun compares: the source's hash, the work's options and ebookgen's version."""
    text = json.dumps({"source": digest, "options": options, "ebookgen": __version__}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def output_names(works: list[Work], surveys: list[Survey]) -> list[str]:
    """Give every work a distinct name from its slug, the same names every time for the same works."""
    order = sorted(range(len(works)), key=lambda index: collision_order(works[index], surveys[index]))
    names: dict[int, str] = {}
    taken: set[str] = set()
    for index in order:  # First the works that keep their own slug: the first of each slug.
        if surveys[index].slug not in taken:
            names[index] = surveys[index].slug
            taken.add(names[index])
    for index in order:
        if index not in names:
            names[index] = next_free(surveys[index].slug, taken)
            taken.add(names[index])
    return [names[index] for index in range(len(works))]


def collision_order(work: Work, found: Survey) -> tuple[str, str, str]:
    """Order works by slug, then absolute source path, then options: what decides who keeps a slug."""
    return found.slug, work.source.resolve().as_posix(), json.dumps(work.options, sort_keys=True, default=str)


def next_free(slug: str, taken: set[str]) -> str:
    """Return the first of slug-2, slug-3... that no work has yet."""
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
