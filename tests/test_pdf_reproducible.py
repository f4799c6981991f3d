"""The same manuscript gives the same PDF, to the byte, build after build: archives converting libraries and
fanbinders reprinting a book need it.

Each book is built twice by the command, each time in a fresh process with its own PYTHONHASHSEED, its own
cache folder, ``--no-cache`` and no SOURCE_DATE_EPOCH (the suite's conftest sets one; a user's build has none),
the second build started a clock second after the first ended, so nothing the hash seed, a cache or the hour
decides can hide. The romance theme is the one whose face WeasyPrint rewrites (Cinzel is a variable face, made
static when written); two workers are the parallel layout, whose pieces are joined by pikepdf.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from ebookgen.build import PrintChoices, build_pdf

from .conftest import ROOT
from .spreadtools import dialogue_story

LAYOUTS = {
    "one process": ("--jobs", "1"),
    "two workers": ("--jobs", "2"),
    "PDF/X-4 for IngramSpark": ("--jobs", "1", "--profile", "ingram"),  # dated, as PDF/X asks
}


def built(manuscript: Path, target: Path, seed: int, *options: str, command: str = "pdf") -> bytes:
    """Build the manuscript's PDF (or cover wrap) with the command in a fresh process, and return its bytes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": str(seed)}
    env["XDG_CACHE_HOME"] = str(target.with_suffix(".cache"))
    env.pop("SOURCE_DATE_EPOCH", None)
    line = [sys.executable, "-m", "ebookgen", command, str(manuscript), "-o", str(target), "--no-cache", *options]
    done = subprocess.run(line, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return target.read_bytes()


def next_second() -> None:
    """Wait until the clock's whole second has turned: a date written in seconds then differs."""
    time.sleep(1 - time.time() % 1 + 0.05)


def differences(first: Path, second: Path) -> list[str]:
    """Name what differs between two PDFs: the trailer's /ID and the objects (by number), for the message."""
    with pikepdf.open(first) as one, pikepdf.open(second) as other:
        found = ["trailer /ID"] if repr(one.trailer.get("/ID")) != repr(other.trailer.get("/ID")) else []
        found += [
            f"object {mine.objgen[0]} ({mine.get('/Type', 'stream')})"
            for mine, theirs in zip(one.objects, other.objects, strict=False)
            if written(mine) != written(theirs)
        ]
        if len(one.objects) != len(other.objects):
            found.append(f"{len(one.objects)} objects against {len(other.objects)}")
    return found


def written(item) -> bytes | str:
    """Return an object as written: a stream's raw data, else the object itself."""
    return item.read_raw_bytes() if isinstance(item, pikepdf.Stream) else repr(item)


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_romance_book_built_twice_is_the_same_pdf_to_the_byte(tmp_path: Path, layout: tuple[str, ...]) -> None:
    manuscript = tmp_path / "story.txt"
    manuscript.write_text(dialogue_story(3200), encoding="utf-8")  # two chapters: two pieces for two workers
    first = built(manuscript, tmp_path / "first.pdf", 1, "--theme", "romance", *layout)
    next_second()
    second = built(manuscript, tmp_path / "second.pdf", 2, "--theme", "romance", *layout)
    assert first == second, differences(tmp_path / "first.pdf", tmp_path / "second.pdf")


def test_a_romance_cover_wrap_made_twice_is_the_same_pdf_to_the_byte(tmp_path: Path) -> None:
    manuscript = tmp_path / "book"
    manuscript.mkdir()
    (manuscript / "story.txt").write_text(dialogue_story(400), encoding="utf-8")
    (manuscript / "book.toml").write_text('title = "Tell Me"\nauthor = "Ann Lee"\ntheme = "romance"\n')
    interior = tmp_path / "interior.pdf"
    with pikepdf.new() as pdf:  # what the wrap is sized from: 120 pages of 5.5 x 8.5 in
        for _ in range(120):
            pdf.add_blank_page(page_size=(396, 612))
        pdf.save(interior)
    first = built(manuscript, tmp_path / "first.pdf", 1, "--interior", str(interior), command="cover")
    next_second()
    second = built(manuscript, tmp_path / "second.pdf", 2, "--interior", str(interior), command="cover")
    assert first == second, differences(tmp_path / "first.pdf", tmp_path / "second.pdf")


def test_a_pdf_x_interior_is_dated_when_its_build_is_not_by_the_clock(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"  # the conftest's SOURCE_DATE_EPOCH, 1700000000: the build's timestamp
    story.write_text(dialogue_story(400), encoding="utf-8")
    built = build_pdf(story, tmp_path / "book.pdf", PrintChoices(jobs=1, profile="ingram")).path
    with pikepdf.open(built) as pdf:
        dates = [str(pdf.docinfo[key]) for key in ("/CreationDate", "/ModDate")]
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp_dates = [xmp[key] for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate")]
    assert dates == ["D:20231114221320+00'00'"] * 2
    assert xmp_dates == ["2023-11-14T22:13:20+00:00"] * 3


def test_a_face_cut_from_a_collection_keeps_its_own_date_not_the_clock_s(tmp_path: Path) -> None:
    from fontTools.ttLib import TTCollection, TTFont

    from ebookgen.resources import styles_dir
    from ebookgen.resources.faces import single_face

    collection = TTCollection()  # a .ttc of two faces, each with its file's date
    names = ("EBGaramond-Regular.ttf", "EBGaramond-Italic.ttf")
    collection.fonts = [TTFont(styles_dir() / "fonts" / name, recalcTimestamp=False) for name in names]
    collection.save(tmp_path / "garamond.ttc")
    own = TTCollection(tmp_path / "garamond.ttc").fonts[1]["head"].modified
    assert TTFont(single_face(tmp_path / "garamond.ttc", 1))["head"].modified == own
