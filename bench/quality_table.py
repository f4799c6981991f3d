"""Build every theme on the three texts and print issue 28's table of setting figures (`make quality`).

The texts: War and Peace's first 60,000 words (../shared/corpus/pg2600.txt, cut at a paragraph's end), the
bundled story (manuscript/) and a generated 10,000-word dialogue-heavy story (bench/dialogue.py). Each theme at
its trim: classic 6x9, the others 5.5x8.5 (large print at its own 17 pt). Two builds run at once, one layout
worker each, with the page cache on, so that a second run only measures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dialogue import dialogue_story

from ebookgen.pdf.measure import Quality, measure

ROOT = Path(__file__).resolve().parent.parent
SHARED = [folder / "shared" / "corpus" / "pg2600.txt" for folder in (ROOT.parent, ROOT.parent.parent)]
CORPUS = Path(os.environ.get("CORPUS") or next((path for path in SHARED if path.is_file()), SHARED[0]))
THEMES = {"classic": "6x9", "modern": "5.5x8.5", "romance": "5.5x8.5", "large-print": "5.5x8.5"}
WAR_AND_PEACE_WORDS = 60_000
HEADER = (
    "theme",
    "text",
    "pages",
    "uneven spreads",
    "short pages",
    "runts (hyphenated tails)",
    "loose lines",
    "loose openers",
    "widows / orphans",
    "capitals hyphenated",
    "characters a line",
    "median space",
    "openers off grid",
)


@dataclass(frozen=True)
class Text:
    """One of the table's texts: its name and the manuscript ebookgen builds."""

    name: str
    source: Path


def first_words(text: str, words: int) -> str:
    """Return a text's opening up to the paragraph end after `words` words."""
    count, kept = 0, []
    for paragraph in text.split("\n\n"):
        kept.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return "\n\n".join(kept) + "\n"


def texts(work: Path) -> list[Text]:
    """Write the texts the table measures (War and Peace only where the shared corpus is)."""
    work.mkdir(parents=True, exist_ok=True)
    found = []
    if CORPUS.is_file():
        cut = work / "war-and-peace-60k.txt"
        cut.write_text(first_words(CORPUS.read_text(encoding="utf-8"), WAR_AND_PEACE_WORDS), encoding="utf-8")
        found.append(Text("War and Peace 60k", cut))
    found.append(Text("bundled story", ROOT / "manuscript"))
    story = work / "dialogue-10k.txt"
    story.write_text(dialogue_story(), encoding="utf-8")
    found.append(Text("dialogue 10k", story))
    return found


def build(text: Text, theme: str, work: Path) -> Path:
    """Build one text in one theme at its trim, with the checkout's ebookgen."""
    target = work / f"{text.source.stem}-{theme}.pdf"
    command = [sys.executable, "-m", "ebookgen", "pdf", str(text.source), "-o", str(target)]
    command += ["--theme", theme, "--trim", THEMES[theme], "--jobs", "1"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(command, check=True, capture_output=True, env=environment, cwd=ROOT)
    return target


def row(theme: str, text: Text, quality: Quality) -> list[str]:
    """Write one theme's figures on one text as the table's cells."""
    loose = f"{quality.loose_percent:.1f}% ({quality.loose_lines})" if quality.justified else "ragged"
    openers = f"{quality.loose_openers} of {quality.openers}" if quality.justified else "-"
    return [
        theme,
        text.name,
        str(quality.pages),
        f"{quality.uneven_percent:.1f}% ({quality.uneven_spreads} of {quality.spreads})",
        str(quality.short_pages),
        f"{quality.runts} ({quality.hyphenated_tails})",
        loose,
        openers,
        f"{quality.widows} / {quality.orphans}",
        str(quality.capital_hyphens),
        str(quality.characters_per_line),
        f"{quality.median_space:.2f}x" if quality.justified else "-",
        f"{quality.openers_off_grid} of {quality.openers}",
    ]


def table(rows: list[list[str]]) -> str:
    """Write the rows as a Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    return "\n".join(lines + ["| " + " | ".join(cells) + " |" for cells in rows])


def print_table(work: Path) -> int:
    """Build every theme on every text, two at a time, then measure each book and print the table."""
    jobs = [(theme, text) for text in texts(work) for theme in THEMES]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(lambda job: build(job[1], job[0], work), jobs))
    rows = [row(theme, text, measure(pdf)) for (theme, text), pdf in zip(jobs, pdfs, strict=True)]
    print(table(rows))
    return 0
