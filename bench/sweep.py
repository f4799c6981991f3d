"""The size sweep of `make bench`: ebookgen at every size a story comes in, each beside its anchor, in one run.

Usage: python bench/sweep.py [--epub-sizes 20,3000,...] [--pdf-sizes 3000,...] [--repeat 2] [--lang en]

EPUB of 20 words to 1,000,000 against ``pandoc -f markdown+smart``; PDF of 3,000 to 100,000 words against
WeasyPrint alone in one process, twice: on the very HTML and stylesheets ebookgen hands it (stock WeasyPrint, no
hook, the host's fontconfig), and on the same chapters as plain HTML with a plain book stylesheet (``bench.py``'s),
with Typst's time
for the same text (justified paragraphs at the same 5.5 x 8.5 in trim) as an outside reference. CPU time (user
and system, the workers' too) is beside the wall time: on a loaded machine it moves less. Every build is
the command a user types, in a fresh process, taken turn about with its anchor; the fastest of ``--repeat`` runs
counts. It prints one Markdown table of seconds, peak memory and ratios (docs/speed.md holds the last one).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GNU_TIME = "/usr/bin/time"
EPUB_SIZES = (20, 3_000, 10_000, 100_000, 1_000_000)
PDF_SIZES = (3_000, 30_000, 100_000)
# What pip writes as the `ebookgen` command of an installed wheel (the project's console script).
INSTALLED_SCRIPT = "import sys; from ebookgen.cli.app import main; sys.argv[0] = 'ebookgen'; sys.exit(main())"
SHORT = "Once upon a time there was a small fox who lived by the river, and liked it there very much."
# The PDF's anchors: WeasyPrint alone on the very HTML and stylesheets ebookgen hands it, and on a plain book.
SAME = "WeasyPrint alone, the same HTML+CSS"
PLAIN = "WeasyPrint alone, plain HTML+CSS"
TYPST_PAGE = """#set page(width: 5.5in, height: 8.5in, margin: (top: 0.7in, bottom: 0.75in, inside: 0.875in,
  outside: 0.55in), numbering: "1")
#set text(font: "EB Garamond", size: 11pt)
#set par(justify: true, first-line-indent: 1.2em, spacing: 0.65em)
#show heading: it => { pagebreak(to: "odd", weak: true); v(1.9in); align(center, text(weight: "regular", it.body)) }
"""


@dataclass(frozen=True)
class Run:
    """One build in a fresh process: its wall time, its peak memory and its CPU time (user and system)."""

    seconds: float
    peak_mb: float
    cpu: float = 0.0


@dataclass(frozen=True)
class Row:
    """One line of the table: ebookgen against its anchor on one text, and Typst beside a print row."""

    work: str
    ours: Run
    anchor_name: str
    anchor: Run | None
    typst: Run | None = None


def base_bench():
    """Load bench.py (the corpus bench) for its manuscript generator and its plain HTML and Markdown writers."""
    spec = importlib.util.spec_from_file_location("ebookgen_bench", HERE / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def story_of(words: int) -> str:
    """Return a story of about `words` words: a line or two when short, else chapters of the generated manuscript."""
    if words < 1_000:
        return (SHORT + " ") * max(1, words // len(SHORT.split())) + "\n"
    return base_bench().synthetic_manuscript(words)


def timed(command: list[str], env: dict | None = None, cwd: Path | None = None) -> Run:
    """Run a command in a fresh process; return its wall time and the peak memory of it and what it waited for."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        # GNU time reports the command's own peak; a peak read here would count this process's too (the high
        # water mark of a forked child outlives its exec).
        counted = [GNU_TIME, "-f", "%M %U %S", "-o", peak.name, *command] if Path(GNU_TIME).exists() else command
        started = time.perf_counter()
        done = subprocess.run(counted, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        seconds = time.perf_counter() - started
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
        counted = peak.read().split()
    if len(counted) < 3:
        return Run(seconds, 0.0)
    return Run(seconds, int(counted[-3]) / 1024, float(counted[-2]) + float(counted[-1]))


def fastest(runs: list[Run]) -> Run:
    """Return the fastest of several runs of one build."""
    return min(runs, key=lambda run: run.seconds)


def typst_source(text: str) -> str:
    """Write the generated story as Typst markup: headings, justified paragraphs, emphasis, centred breaks."""
    blocks = []
    for block in text.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("Chapter "):
            blocks.append(f"= {block}")
        elif block == "* * *":
            blocks.append("#align(center)[\\* \\* \\*]")
        else:
            escaped = block.replace("\\", "\\\\").replace("#", "\\#").replace("$", "\\$").replace("@", "\\@")
            escaped = escaped.replace("<", "\\<").replace("/", "\\/").replace("_", "\\_")
            blocks.append(escaped.replace("*", "_"))
    return TYPST_PAGE + "\n\n".join(blocks) + "\n"


class Sweep:
    """The builds of the sweep, each in a fresh process with a cold cache, in one working folder."""

    def __init__(self, folder: Path, repeat: int, lang: str | None = None) -> None:
        self.folder, self.repeat, self.bench = folder, repeat, base_bench()
        self.given = ("--lang", lang) if lang else ()  # a language given: no detection
        self.env = {**os.environ, "PYTHONPATH": str(HERE.parent), "XDG_CACHE_HOME": str(folder / "cache")}
        # As installed: pip compiles the package's bytecode, so no build pays for compiling ebookgen's source.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "ebookgen")], check=False)
        self.fonts = HERE.parent / "styles" / "fonts"

    def ebookgen(self, command: str, source: Path) -> Run:
        """Build with the ebookgen command line: a PDF cold (nothing laid out before: the laid-out pages' cache
        emptied; what any build keeps, the records' code, the fonts' list, the hyphenation patterns, kept by a first
        build as a user's first build keeps them), an EPUB as built again (its cover drawn by the first build)."""
        output = source.with_suffix(f".{command}")
        # An EPUB as the installed `ebookgen` command runs it (pip's script: no runpy, about 5 ms of a short build).
        entry = ["-c", INSTALLED_SCRIPT] if command == "epub" else ["-m", "ebookgen"]
        line = [sys.executable, *entry, command, str(source), "-o", str(output), "-q", *self.given]
        if command == "pdf":
            self.first_build()
            shutil.rmtree(self.folder / "cache" / "ebookgen" / "pdf", ignore_errors=True)
        elif not output.exists():
            timed(line, self.env, self.folder)
        # In the sweep's own folder: `python -m` puts the working folder first on the path, before PYTHONPATH, so a
        # sweep run from another checkout (main's) would measure that checkout's ebookgen.
        return timed(line, self.env, self.folder)

    def first_build(self) -> None:
        """Build a short story's PDF once, untimed: the caches every build fills (not the laid-out pages) are full."""
        first = self.folder / "first.txt"
        if not first.exists():
            first.write_text(story_of(20), encoding="utf-8")
            line = [sys.executable, "-m", "ebookgen", "pdf", str(first), "-o", str(first.with_suffix(".pdf")), "-q"]
            timed([*line, *self.given], self.env, self.folder)

    def pandoc(self, source: Path) -> Run:
        """Build the same book with Pandoc from Markdown."""
        markdown = source.with_suffix(".md")
        if not markdown.exists():
            markdown.write_text(self.bench.markdown_of(source), encoding="utf-8")
        return timed(["pandoc", "-f", "markdown+smart", "-o", str(source.with_suffix(".pandoc.epub")), str(markdown)])

    def weasyprint(self, source: Path) -> Run:
        """Lay the same chapters out with WeasyPrint alone, as plain HTML with a plain book stylesheet."""
        html = source.with_suffix(".html")
        if not html.exists():
            html.write_text(self.bench.plain_html_of(source), encoding="utf-8")
        output = source.with_suffix(".weasyprint.pdf")
        command = [sys.executable, str(HERE / "bench.py"), "--measure", "weasyprint", str(html), str(output)]
        return timed(command, self.env)

    def weasyprint_same(self, source: Path) -> Run:
        """Lay out the very HTML and stylesheets ebookgen hands WeasyPrint, with stock WeasyPrint in one process."""
        html = source.with_suffix(".same.html")
        if not html.exists():
            markup, css = self.bench.same_html_of(source)
            html.write_text(markup, encoding="utf-8")
            html.with_suffix(".css").write_text(css, encoding="utf-8")
        output = source.with_suffix(".same.pdf")
        command = [sys.executable, str(HERE / "bench.py"), "--measure", "weasyprint-same", str(html), str(output)]
        return timed(command, self.env)

    def typst(self, source: Path) -> Run:
        """Set the same text with Typst (its Python binding), the book's faces offered."""
        markup = source.with_suffix(".typ")
        markup.write_text(typst_source(source.read_text(encoding="utf-8")), encoding="utf-8")
        code = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])"
        output = source.with_suffix(".typst.pdf")
        return timed([sys.executable, "-c", code, str(markup), str(output), str(self.fonts)], self.env)

    def turns(self, *builds) -> list[Run | None]:
        """Run each build `repeat` times, taking turns; keep each one's fastest (None for a build left out)."""
        runs: list[list[Run]] = [[] for _ in builds]
        for _ in range(self.repeat):
            for index, build in enumerate(builds):
                if build is not None:
                    runs[index].append(build())
        return [fastest(found) if found else None for found in runs]

    def source(self, words: int) -> Path:
        """Write (once) the story of `words` words."""
        path = self.folder / f"story-{words}.txt"
        if not path.exists():
            path.write_text(story_of(words), encoding="utf-8")
        return path

    def epub_row(self, words: int) -> Row:
        """Measure the EPUB of one size against Pandoc."""
        source = self.source(words)
        pandoc = (lambda: self.pandoc(source)) if shutil.which("pandoc") else None
        ours, anchor = self.turns(lambda: self.ebookgen("epub", source), pandoc)
        return Row(f"EPUB, {words:,} words", ours, "Pandoc", anchor)

    def pdf_rows(self, words: int) -> list[Row]:
        """Measure the PDF of one size against WeasyPrint alone, on ebookgen's own HTML and stylesheets and on
        the plain ones, with Typst's time beside; all four taken turn about."""
        source = self.source(words)
        typst = (lambda: self.typst(source)) if importlib.util.find_spec("typst") else None
        ours, same, plain, outside = self.turns(
            lambda: self.ebookgen("pdf", source),
            lambda: self.weasyprint_same(source),
            lambda: self.weasyprint(source),
            typst,
        )
        work = f"PDF, {words:,} words"
        return [Row(work, ours, SAME, same, outside), Row(work, ours, PLAIN, plain, outside)]


def ratio(ours: Run, other: Run | None) -> str:
    """Return ebookgen's time as a multiple of another's (`0.42x`), or a dash when the other was not measured."""
    return f"{ours.seconds / other.seconds:.2f}x" if other else "-"


def shown(run: Run | None) -> str:
    """Return a run's seconds and peak memory for the table, or a dash."""
    return f"{run.seconds:.2f} s, {run.peak_mb:.0f} MB" if run else "-"


HEADER = (
    "work",
    "ebookgen",
    "anchor",
    "anchor's time",
    "ratio",
    "CPU ratio",
    "memory ratio",
    "Typst",
    "ebookgen / Typst",
)


def table(rows: list[Row]) -> str:
    """Return the rows as one Markdown table of times, peaks and ratios."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        memory = f"{row.ours.peak_mb / row.anchor.peak_mb:.2f}x" if row.anchor and row.anchor.peak_mb else "-"
        cpu = f"{row.ours.cpu / row.anchor.cpu:.2f}x" if row.anchor and row.anchor.cpu else "-"
        cells = (
            row.work,
            shown(row.ours),
            row.anchor_name,
            shown(row.anchor),
            ratio(row.ours, row.anchor),
            cpu,
            memory,
        )
        typst = (shown(row.typst), ratio(row.ours, row.typst)) if row.typst else ("-", "-")
        lines.append("| " + " | ".join((*cells, *typst)) + " |")
    return "\n".join(lines)


def sizes(text: str) -> tuple[int, ...]:
    """Read a comma-separated list of word counts."""
    return tuple(int(part) for part in text.split(",") if part.strip())


def main() -> None:
    """Run the sweep and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epub-sizes", type=sizes, default=EPUB_SIZES)
    parser.add_argument("--pdf-sizes", type=sizes, default=PDF_SIZES)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each build, taken in turns; the fastest counts")
    parser.add_argument("--lang", help="give ebookgen the story's language (no detection), as book.toml would")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ebookgen-sweep-") as name:
        sweep = Sweep(Path(name), args.repeat, args.lang)
        rows = [sweep.epub_row(words) for words in args.epub_sizes]
        rows += [row for words in args.pdf_sizes for row in sweep.pdf_rows(words)]
    print(table(rows))


if __name__ == "__main__":
    main()
