"""Benchmark ebookgen against Pandoc (EPUB) and single-process WeasyPrint (PDF), in the same run.

Usage: python bench/bench.py [--words 1000000] [--corpus PATH] [--skip-synthetic-pdf] [--jobs N] [--repeat 2]
                            [--no-single]

For the corpus file (War and Peace, ../shared/corpus/pg2600.txt) and a synthetic manuscript it
generates, it prints EPUB build time and peak memory, PDF build time, pages and peak memory (the
main process and the largest worker apart), and, when installed, ``pandoc -f markdown+smart`` to
EPUB and WeasyPrint alone on equivalent HTML with a plain book stylesheet; for the corpus, ebookgen's own
PDF build in one process too (``--jobs 1``), to show what the workers gain. The machine is shared
and noisy: read the ratios, measured side by side, more than the seconds.

Every measurement runs in a fresh process (``--measure``), so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pg2600.txt"
WORDS = (
    "the a and of to in was he she it his her that had with for on at but not as you they said what "
    "would could there were been one all when from this night long door looked back never again "
    "knew thought told little still before after away something nothing always maybe really just "
    "Harry Rory Jess Hermione Draco castle letter window morning smile silence voice hands eyes"
).split()
PLAIN_BOOK_CSS = """
@font-face { font-family: "EB Garamond"; src: url("fonts/EBGaramond-Regular.ttf"); }
@font-face { font-family: "EB Garamond"; src: url("fonts/EBGaramond-Italic.ttf"); font-style: italic; }
@page { size: 5.5in 8.5in; margin: 0.7in 0.55in 0.75in 0.875in; @bottom-center { content: counter(page); } }
html { font-family: "EB Garamond"; font-size: 11pt; line-height: 14.5pt; }
body { text-align: justify; hyphens: auto; }
p { margin: 0; text-indent: 1.2em; }
h1 { break-before: right; font-weight: normal; text-align: center; margin: 1.9in 0 0.45in 0; }
hr { border: 0; text-align: center; }
hr::after { content: "\\2766"; }
"""


def synthetic_manuscript(words: int, seed: int = 7) -> str:
    """Write a fan-fiction-like manuscript of about `words` words: chapters, dialogue, breaks, emphasis."""
    chance = random.Random(seed)
    chapters, written = [], 0
    while written < words:
        paragraphs = [f"Chapter {len(chapters) + 1}"]
        for index in range(chance.randint(40, 80)):
            sentence = [chance.choice(WORDS) for _ in range(chance.randint(12, 90))]
            sentence[chance.randrange(len(sentence))] = f"*{chance.choice(WORDS)}*"
            text = " ".join(sentence).capitalize()
            paragraphs.append(f'"{text}," she said.' if index % 3 else f"{text}.")
            written += len(sentence) + 2
            if index and index % 25 == 0:
                paragraphs.append("* * *")
        chapters.append("\n\n".join(paragraphs))
    return "\n\n".join(chapters) + "\n"


def markdown_of(source: Path) -> str:
    """Write the normalised book as Markdown for Pandoc: headings, paragraphs, breaks, emphasis."""
    from ebookgen.build import load_book
    from ebookgen.model import Emphasis, Flashback, Paragraph, SceneBreak

    def inline(runs) -> str:
        return "".join(f"*{inline(run.children)}*" if isinstance(run, Emphasis) else run.text for run in runs)

    def blocks(items) -> list[str]:
        out: list[str] = []
        for block in items:
            if isinstance(block, SceneBreak):
                out.append("* * *")
            elif isinstance(block, Flashback):
                out.extend(blocks(block.blocks))
            elif isinstance(block, Paragraph) or hasattr(block, "inlines"):
                out.append(inline(block.inlines))
        return out

    from ebookgen.project.manuscript import load_project

    book = load_book(load_project(source))
    parts = [f"---\ntitle: {book.metadata.title}\n---"]
    for chapter in book.chapters:
        parts.append(f"# {chapter.title or f'Chapter {chapter.number}'}")
        parts.extend(blocks(chapter.blocks))
    return "\n\n".join(parts) + "\n"


def plain_html_of(source: Path) -> str:
    """Write the normalised book as one plain HTML document for WeasyPrint alone."""
    from ebookgen.build import load_book
    from ebookgen.languages import language_for
    from ebookgen.project.manuscript import load_project
    from ebookgen.render.xhtml import render_book, text

    book = load_book(load_project(source))
    chapters = render_book(book, language_for(book.metadata.language))
    sections = [item.section.replace("<h2", "<h1").replace("</h2>", "</h1>") for item in chapters]
    body = "\n".join(sections)
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>{text(book.metadata.title)}</title>' + (
        f"</head><body>{body}</body></html>"
    )


def same_html_of(source: Path) -> tuple[str, str]:
    """Write the HTML and page rules ebookgen hands WeasyPrint for a manuscript (the single layout's, at the
    gutter its estimated length calls for), for WeasyPrint alone to lay out the very same document."""
    from dataclasses import replace

    from ebookgen.build import open_project, read_book, settled
    from ebookgen.model import word_count
    from ebookgen.pdf.options import copyright_year, page_style
    from ebookgen.pdf.printbook import book_html, page_css, printed_chapters
    from ebookgen.pdf.trim import estimated_pages

    project = open_project(source, None)
    read = read_book(project)
    options = replace(settled(None, project), language=read.language)
    book, language = read.book, read.language
    html = book_html(book, language, printed_chapters(book, language), copyright_year(options), theme=options.theme)
    pages = estimated_pages(word_count(book), options.trim, options.theme.type_scale)
    return html, page_css(book, page_style(options, pages))


def weasyprint_same(source: str, output: str) -> int:
    """Lay out ebookgen's own HTML and stylesheets (base, print, page rules) with stock WeasyPrint; return pages.

    No ebookgen hook, the host's fontconfig, WeasyPrint's own URL fetcher: WeasyPrint alone, on the same input.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from ebookgen.resources import styles_dir

    folder = styles_dir()
    fonts = FontConfiguration()
    css = Path(source).with_suffix(".css").read_text(encoding="utf-8")
    sheets = [
        CSS(filename=str(folder / "base.css"), font_config=fonts),
        CSS(filename=str(folder / "print.css"), font_config=fonts),
        CSS(string=css, font_config=fonts, base_url=str(folder)),
    ]
    html = Path(source).read_text(encoding="utf-8")
    document = HTML(string=html, base_url=str(folder)).render(stylesheets=sheets, font_config=fonts)
    document.write_pdf(output, full_fonts=False)
    return len(document.pages)


def measure(kind: str, source: str, output: str, jobs: int) -> dict:
    """Run one build in this process and report its time, pages and peak memory (MB)."""
    started = time.perf_counter()
    pages = 0
    if kind == "epub":
        from ebookgen import build_epub

        build_epub(Path(source), Path(output))
        assert "weasyprint" not in sys.modules, "ebookgen epub imported WeasyPrint"
    elif kind == "pdf":
        from ebookgen import build_pdf
        from ebookgen.pdf.options import PdfOptions

        pages = build_pdf(Path(source), Path(output), PdfOptions(jobs=jobs)).pages
    elif kind == "weasyprint":
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        from ebookgen.resources import styles_dir

        html = Path(source).read_text(encoding="utf-8")
        fonts = FontConfiguration()  # without it WeasyPrint skips @font-face: the host's Noto Sans set the book
        sheet = CSS(string=PLAIN_BOOK_CSS, base_url=styles_dir().as_uri() + "/", font_config=fonts)
        document = HTML(string=html, base_url=styles_dir().as_uri() + "/").render(
            stylesheets=[sheet], font_config=fonts
        )
        document.write_pdf(output)
        pages = len(document.pages)
    elif kind == "weasyprint-same":
        pages = weasyprint_same(source, output)
    elif kind == "pandoc":
        subprocess.run(["pandoc", "-f", "markdown+smart", "-o", output, source], check=True)
    seconds = time.perf_counter() - started
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return {
        "seconds": seconds,
        "cpu": cpu,
        "pages": pages,
        "main_mb": own.ru_maxrss / 1024,
        "child_mb": children.ru_maxrss / 1024,
    }


def run_measure(kind: str, source: Path, output: Path, jobs: int = 0, cache: Path | None = None) -> dict:
    """Measure one build in a fresh Python process, with a cache folder of its own (a new one: a cold build)."""
    command = [sys.executable, __file__, "--measure", kind, str(source), str(output), "--jobs", str(jobs)]
    cache = cache or Path(tempfile.mkdtemp(prefix="cache-", dir=output.parent))  # removed with the bench folder
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode:
        raise SystemExit(f"{kind} on {source} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def help_seconds() -> float:
    """Time `ebookgen --help` in a fresh process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ebookgen", "--help"], capture_output=True, check=True)
    return time.perf_counter() - started


def paired(first: tuple, second: tuple | None, repeat: int) -> tuple[dict, dict | None]:
    """Measure two builds turn about, `repeat` times each; keep each one's fastest run.

    Taking turns and the fastest run keeps the ratio fair on a machine others are loading.
    """
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(run_measure(*first))
        if second is not None:
            theirs.append(run_measure(*second))
    fastest = min(ours, key=lambda item: item["seconds"])
    return fastest, min(theirs, key=lambda item: item["seconds"]) if theirs else None


def bench_book(name: str, source: Path, folder: Path, options: argparse.Namespace, with_pdf: bool) -> dict:
    """Measure ebookgen and the reference tools on one manuscript; print a block of figures."""
    figures: dict = {"name": name, "words": len(source.read_text(encoding="utf-8").split())}
    pandoc = None
    if shutil.which("pandoc"):
        markdown = folder / f"{name}.md"
        markdown.write_text(markdown_of(source), encoding="utf-8")
        pandoc = ("pandoc", markdown, folder / f"{name}-pandoc.epub")
    figures["epub"], figures["pandoc"] = paired(("epub", source, folder / f"{name}.epub"), pandoc, options.repeat)
    if with_pdf:
        html = folder / f"{name}.html"
        html.write_text(plain_html_of(source), encoding="utf-8")
        ours = ("pdf", source, folder / f"{name}.pdf", options.jobs)
        alone = ("weasyprint", html, folder / f"{name}-weasyprint.pdf")
        figures["pdf"], figures["weasyprint"] = paired(ours, alone, options.repeat)
        if options.single and name == "corpus":
            figures["pdf -j 1"], _ = paired(("pdf", source, folder / f"{name}-single.pdf", 1), None, options.repeat)
    print_figures(figures)
    return figures


def bench_rebuild(source: Path, folder: Path, options: argparse.Namespace) -> None:
    """Measure a rebuild after a one-paragraph edit in the middle of the book against a cold build of the edit."""
    rebuilds, colds = [], []
    for turn in range(options.repeat):
        manuscript = folder / f"rebuild-{turn}" / source.name
        manuscript.parent.mkdir()
        text = source.read_text(encoding="utf-8")
        manuscript.write_text(text, encoding="utf-8")
        cache = folder / f"rebuild-{turn}" / "cache"
        run_measure("pdf", manuscript, manuscript.with_suffix(".first.pdf"), options.jobs, cache)
        middle = text.index("\n\n", len(text) // 2)
        added = "\n\nA paragraph the writer added in the middle of the book, to see what a rebuild lays out again."
        manuscript.write_text(text[:middle] + added + text[middle:], encoding="utf-8")
        rebuilds.append(run_measure("pdf", manuscript, manuscript.with_suffix(".again.pdf"), options.jobs, cache))
        colds.append(run_measure("pdf", manuscript, manuscript.with_suffix(".cold.pdf"), options.jobs))
    rebuild, cold = (min(items, key=lambda item: item["seconds"]) for items in (rebuilds, colds))
    print("\n== rebuild after a one-paragraph edit in the middle (laid-out chunks from the cache) ==")
    print(f"   rebuild: {rebuild['seconds']:7.2f} s wall, {rebuild['pages']} pages")
    print(f"      cold: {cold['seconds']:7.2f} s wall, {cold['pages']} pages")
    print(f"  rebuild / cold build of the same manuscript: {rebuild['seconds'] / cold['seconds']:.2f}x")


def print_figures(figures: dict) -> None:
    """Print one manuscript's figures and the ratios that matter."""
    print(f"\n== {figures['name']} ==")
    for kind in ("epub", "pandoc", "pdf", "pdf -j 1", "weasyprint"):
        if figures.get(kind):
            item = figures[kind]
            pages = f", {item['pages']} pages" if item["pages"] else ""
            print(
                f"{kind:>10}: {item['seconds']:7.2f} s wall, {item['cpu']:7.2f} s CPU{pages},"
                f" peak {item['main_mb']:.0f} MB (largest child {item['child_mb']:.0f} MB)"
            )
    if figures.get("pandoc"):
        print(f"  EPUB / Pandoc wall time: {figures['epub']['seconds'] / figures['pandoc']['seconds']:.2f}x")
    if figures.get("weasyprint"):
        pdf, alone = figures["pdf"], figures["weasyprint"]
        print(f"  PDF / single-process WeasyPrint wall time: {pdf['seconds'] / alone['seconds']:.2f}x")
        if figures.get("pdf -j 1"):
            single = figures["pdf -j 1"]
            print(
                f"  PDF in workers / ebookgen in one process: {pdf['seconds'] / single['seconds']:.2f}x"
                f" (one process / WeasyPrint alone: {single['seconds'] / alone['seconds']:.2f}x)"
            )
        print(
            f"  PDF peak per process / WeasyPrint peak: main {pdf['main_mb'] / alone['main_mb']:.2f}x, "
            f"largest worker {pdf['child_mb'] / alone['main_mb']:.2f}x"
        )


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "SOURCE", "OUTPUT"))
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--skip-synthetic-pdf", action="store_true")
    parser.add_argument(
        "--single", action=argparse.BooleanOptionalAction, default=True, help="also build the corpus PDF in one process"
    )
    parser.add_argument("--repeat", type=int, default=2, help="runs of each build, taken in turns; the fastest counts")
    parser.add_argument("--only-rebuild", action="store_true", help="measure only the corpus's rebuild after an edit")
    args = parser.parse_args()
    if args.measure:
        kind, source, output = args.measure
        print(json.dumps(measure(kind, source, output, args.jobs)))
        return
    print(f"ebookgen --help: {help_seconds():.2f} s")
    with tempfile.TemporaryDirectory(prefix="ebookgen-bench-") as name:
        folder = Path(name)
        if args.only_rebuild:
            return bench_rebuild(args.corpus, folder, args)
        results = []
        if args.corpus.is_file():
            results.append(bench_book("corpus", args.corpus, folder, args, True))
            bench_rebuild(args.corpus, folder, args)
        else:
            print(f"(no corpus at {args.corpus}: skipped)")
        synthetic = folder / "synthetic.txt"
        synthetic.write_text(synthetic_manuscript(args.words), encoding="utf-8")
        synthetic_pdf = not args.skip_synthetic_pdf
        results.append(bench_book(f"synthetic-{args.words}", synthetic, folder, args, synthetic_pdf))
        print_linearity(results)


def print_linearity(results: list[dict]) -> None:
    """Print EPUB seconds per 100,000 words for each manuscript, to show the build is linear in words."""
    print("\nEPUB seconds per 100,000 words (equal figures mean linear):")
    for figures in results:
        per = figures["epub"]["seconds"] / figures["words"] * 1e5
        print(f"  {figures['name']} ({figures['words']:,} words): {per:.2f} s")


if __name__ == "__main__":
    main()
