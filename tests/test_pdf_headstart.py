"""A short book's PDF is laid out in a process `ebookgen pdf` forks first, and is the same PDF as ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pikepdf

from ebookgen.languages import english
from ebookgen.pdf import headstart
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.writer import write_short

from .test_pdf_print import make_book

ROOT = Path(__file__).resolve().parent.parent
STORY = "Chapter 1\n\n" + "The fox ran by the river and the night was long. " * 120 + "\n\nChapter 2\n\nHe left.\n"
# Build through the command line, then say whether the command's own process imported WeasyPrint.
CLI = (
    "import sys; from ebookgen.cli.app import app\n"
    "try:\n    app(sys.argv[1:])\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
    "print('weasyprint' in sys.modules)"
)
LIBRARY = (
    "import sys; from ebookgen.build import build_pdf, PrintChoices\n"
    "from ebookgen.project.manuscript import Overrides\n"
    "build_pdf(sys.argv[1], sys.argv[2], PrintChoices(), overrides=Overrides(language='en'))"
)


def run(code: str, *arguments: str | Path, cache: Path) -> str:
    """Run Python code in a fresh process with a cache of its own and a fixed date; return what it printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache), "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run([sys.executable, "-c", code, *map(str, arguments)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def built_twice(tmp_path: Path, script: str) -> tuple[str, Path, Path]:
    """Build the story's PDF through `script` (forked) and through the library in this process's way (own);
    return what the script printed and the two PDFs."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    forked, own = tmp_path / "forked.pdf", tmp_path / "own.pdf"
    said = run(script, "pdf", story, "-o", forked, "-q", "--lang", "en", cache=tmp_path / "one")
    run(LIBRARY, story, own, cache=tmp_path / "two")
    return said, forked, own


def test_the_command_lays_a_short_story_out_in_its_head_start_the_same_pdf(tmp_path: Path) -> None:
    imported, forked, own = built_twice(tmp_path, CLI)
    assert imported == "False", "the command's own process imported WeasyPrint: it laid the book out itself"
    assert forked.read_bytes() == own.read_bytes()  # the layout process makes the PDF this process would
    with pikepdf.open(forked) as pdf:
        assert len(pdf.pages) >= 5


def test_a_long_manuscript_gets_no_head_start(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_bytes(b"word " * (headstart.SHORT_BYTES // 5 + 1))
    headstart.head_start(long)
    assert headstart.taken() is None  # the parallel workers have their own start


def test_a_dismissed_head_start_leaves_no_process(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    headstart.head_start(story)
    pool = headstart._started[0][0]
    pool.submit(os.getpid).result()
    processes = list(pool._processes.values())
    headstart.dismiss()
    assert headstart.taken() is None
    assert processes and all(not process.is_alive() for process in processes)


def test_a_killed_layout_process_leaves_the_book_to_the_command(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    headstart.head_start(story)
    pool = headstart._started[0][0]
    pool.submit(os.getpid).result()
    for process in list(pool._processes.values()):
        process.kill()
        process.join()
    result = write_short(make_book(2, parts=False), tmp_path / "book.pdf", PdfOptions(jobs=1, language=english()), None)
    assert headstart.taken() is None
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.pages) == result.pages > 4


# Build through the entry point `ebookgen` runs, which forks the layout process from the bare command line.
ENTRY = (
    "import sys; from ebookgen.cli.app import main\n"
    "sys.argv = ['ebookgen', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as done:\n    print('exit', done.code)\n"
    "import multiprocessing; print('left', len(multiprocessing.active_children()))"
)


def test_the_entry_point_forks_first_and_makes_the_same_pdf(tmp_path: Path) -> None:
    said, forked, own = built_twice(tmp_path, ENTRY)
    assert said.splitlines()[-1] == "left 0"
    assert forked.read_bytes() == own.read_bytes()


def test_a_usage_error_or_help_leaves_no_layout_process(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    wrong = run(ENTRY, "pdf", story, "--no-such-option", cache=tmp_path / "one")
    assert wrong.splitlines()[-2:] == ["exit 2", "left 0"]
    helped = run(ENTRY, "pdf", "--help", cache=tmp_path / "one")
    assert "exit 0" in helped and helped.endswith("left 0")
    assert not (tmp_path / "story.pdf").exists()


def test_the_command_line_is_read_for_a_head_start_only_when_it_builds_a_pdf(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert not headstart.head_start_from_line(["epub", str(story)])
    assert not headstart.head_start_from_line(["pdf", "--help"])
    assert headstart.taken() is None
    assert headstart.head_start_from_line(["-q", "pdf", str(story), "-o", str(tmp_path / "out.pdf")])
    pool = headstart.taken()
    assert (pool is not None) == ((os.cpu_count() or 1) > 1)  # one layout process where there is a second core
    if pool is not None:
        headstart.stop(pool)
    assert headstart.jobs_asked(["pdf", "x", "--jobs", "3"]) == 3
    assert headstart.jobs_asked(["pdf", "x", "-j=2"]) == 2
    assert headstart.jobs_asked(["pdf", "x", "--jobs"]) == 0
