"""Libraries for the batch tests: generated works, bad ones, and a build that kills its own worker once."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

from ebookgen.batch.plan import Planned
from ebookgen.batch.task import Outcome, build_work
from ebookgen.output import atomic_path

WORDS = "the a and of to in was she he it said night door letter window morning voice hands eyes smile".split()


def story(words: int, seed: int) -> str:
    """Return a story of about `words` words in chapters, with dialogue and a scene break."""
    chance = random.Random(seed)
    chapters, written = [], 0
    while written < words:
        paragraphs = [f"Chapter {len(chapters) + 1}"]
        for index in range(chance.randint(4, 12)):
            sentence = " ".join(chance.choice(WORDS) for _ in range(chance.randint(8, 40))).capitalize()
            paragraphs.append(f'"{sentence}," she said.' if index % 2 else f"{sentence}.")
            written += sentence.count(" ") + 3
            if index == 3:
                paragraphs.append("* * *")
        chapters.append("\n\n".join(paragraphs))
    return "\n\n".join(chapters) + "\n"


def write_story(path: Path, words: int = 300, seed: int = 1) -> Path:
    """Write a generated story to path and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(story(words, seed), encoding="utf-8")
    return path


def library(folder: Path, count: int = 3) -> list[Path]:
    """Write `count` generated works into folder, and a book.toml folder among them."""
    works = [write_story(folder / f"work-{number}.txt", 200 + 150 * number, number) for number in range(count - 1)]
    book = folder / "novel"
    write_story(book / "01-one.txt", 400, 90)
    (book / "book.toml").write_text('title = "The Novel"\nauthor = "Ann Lee"\n', encoding="utf-8")
    return [*works, book]


def bad_works(folder: Path) -> tuple[Path, Path]:
    """Write two works no build can take: a binary file named .txt and a file of a suffix no reader claims."""
    binary = folder / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    unknown = folder / "essay.rtf"
    unknown.write_text("{\\rtf1 Hello}", encoding="utf-8")
    return binary, unknown


def dies_once(planned: Planned) -> Outcome:
    """Build a work, except that a work named `doomed` kills its worker mid-write the first time it is tried."""
    marker = planned.work.source.with_name(f"{planned.work.source.name}.died")
    if planned.work.source.stem == "doomed" and not marker.exists():
        marker.write_text(str(os.getpid()), encoding="utf-8")
        _, target = planned.targets[0]
        with atomic_path(target) as temporary:  # Half a book under its temporary name, then the worker dies.
            temporary.write_bytes(b"PK\x03\x04 half a book")
            os.kill(os.getpid(), signal.SIGKILL)
    return build_work(planned)


def always_dies(planned: Planned) -> Outcome:
    """Build a work, except that a work named `doomed` kills its worker every time."""
    if planned.work.source.stem == "doomed":
        os.kill(os.getpid(), signal.SIGKILL)
    return build_work(planned)


def slow_or_built(planned: Planned) -> Outcome:
    """Build a work, except that a work named `slow-*` or `stuck-*` says it started (a file beside it) and sleeps for
    ever, and one named `*-instant` is done at once without a book."""
    source = planned.work.source
    if source.stem.endswith("instant"):  # Done at once, whatever the machine's load: the time limit's control.
        return Outcome(planned.index)
    if source.stem.startswith("slow"):
        source.with_name(f"{source.name}.started").write_text(str(os.getpid()), encoding="ascii")
        time.sleep(3600)
    if source.stem.startswith("stuck"):  # Stuck where no alarm reaches, as a build in native code can be.
        source.with_name(f"{source.name}.started").write_text(str(os.getpid()), encoding="ascii")
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return build_work(planned)


def batch_with_slow_works() -> None:
    """Run `ebookgen batch` with the command line's arguments, its works built by ``slow_or_built``."""
    import ebookgen.batch.task as task
    from ebookgen.pdf.headstart import die_with_parent

    # Its slow works never end: a test run stopped before it signals the batch must not leave it running.
    die_with_parent(os.getppid())
    task.build_work = slow_or_built  # Before the batch's modules are imported: their default builder is this one.
    from ebookgen.cli.app import main

    main()


def warmth_noted(planned: Planned) -> Outcome:
    """Note, before building a work, whether its worker already had the build's libraries and Lingua's models."""
    from ebookgen.normalise.detect import detector

    warm = "mammoth" in sys.modules and "ebookgen.build" in sys.modules and detector.cache_info().currsize == 1
    with (planned.work.source.parent / "warmth").open("a", encoding="ascii") as notes:
        notes.write(f"{planned.work.source.stem} {os.getpid()} {'warm' if warm else 'cold'}\n")
    return build_work(planned)


def pid_noted(planned: Planned) -> Outcome:
    """Build a work and note which worker process built it (a line `work pid` in `pids` beside the works)."""
    with (planned.work.source.parent / "pids").open("a", encoding="ascii") as notes:
        notes.write(f"{planned.work.source.stem} {os.getpid()}\n")
    return build_work(planned)
