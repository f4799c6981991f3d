"""Collections: an anthology of three works, each a part with its title, author, notes and copyright line."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from ebookgen.build import build_epub, build_pdf, load_book, open_project
from ebookgen.cli.app import app

from .conftest import epubcheck_later

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def anthology(tmp_path: Path, works: str | None = None) -> Path:
    """Write a collection of three works: a text file, a folder with its own book.toml, a web page."""
    folder = tmp_path / "anthology"
    (folder / "tide").mkdir(parents=True)
    (folder / "harbour.txt").write_text("Chapter 1\n\nThe sea was grey.\n\nChapter 2\n\nThe sea was blue.\n")
    (folder / "tide" / "book.toml").write_text('title = "Tide"\nauthor = "Bo Park"\ndate = 2020-01-01\n')
    (folder / "tide" / "tide.txt").write_text("The tide came in.\n")
    (folder / "fog.html").write_text(
        "<html><head><title>Fog</title></head><body><h1>Fog</h1><p>Fog lay on the bay all day.</p></body></html>"
    )
    works = works or (
        '[{source = "harbour.txt", title = "The Harbour", notes = "Written for the zine."}, {source = "tide/"}, '
        '{source = "fog.html", author = "Cy Dunn", rights = "© 2024 Cy Dunn. Shared with permission."}]'
    )
    toml = f'title = "Three Stories"\nauthor = "Ann Lee"\ndate = 2025-05-01\nworks = {works}\n'
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    return folder


WORK_PAGES = [
    ("The Harbour", ["by Ann Lee", "Written for the zine.", "Copyright © 2025 Ann Lee. All rights reserved."]),
    ("Tide", ["by Bo Park", "Copyright © 2020 Bo Park. All rights reserved."]),
    ("Fog", ["by Cy Dunn", "© 2024 Cy Dunn. Shared with permission."]),
]


def test_each_work_is_a_part_with_its_chapters_numbered_within_it(tmp_path: Path) -> None:
    book = load_book(open_project(anthology(tmp_path)))
    assert [(c.part, c.title) for c in book.chapters] == [
        ("The Harbour", "Chapter 1"),
        ("", "Chapter 2"),
        ("Tide", "Chapter 1"),
        ("Fog", "Fog"),
    ]
    assert [c.number for c in book.chapters] == [1, 2, 3, 4]
    assert [(c.part, list(c.part_lines)) for c in book.chapters if c.part] == WORK_PAGES
    assert book.metadata.title == "Three Stories" and book.metadata.author == "Ann Lee"


def test_the_e_book_has_one_contents_and_a_part_page_per_work(tmp_path: Path) -> None:
    result = build_epub(anthology(tmp_path), tmp_path / "three.epub")
    epubcheck_later(result.path)
    with zipfile.ZipFile(result.path) as epub:
        nav = etree.fromstring(epub.read("EPUB/nav.xhtml"))
        parts = [etree.fromstring(epub.read(f"EPUB/text/part-0{n}.xhtml")) for n in (1, 2, 3)]
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    listed = [
        (item.find("x:a", NS).text, [a.text for a in item.findall("x:ol/x:li/x:a", NS)])
        for item in toc.findall("x:ol/x:li", NS)
    ]
    assert listed == [("The Harbour", ["Chapter 1", "Chapter 2"]), ("Tide", ["Chapter 1"]), ("Fog", ["Fog"])]
    for page, (title, lines) in zip(parts, WORK_PAGES, strict=True):
        assert page.find(".//x:h2", NS).get("data-title") == title
        assert [p.text for p in page.findall(".//x:p[@class='part-line']", NS)] == lines


@pytest.mark.slow
def test_the_print_edition_lists_every_work_and_prints_its_lines(tmp_path: Path) -> None:
    result = build_pdf(anthology(tmp_path), tmp_path / "three.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True).stdout.split())
    contents = text[text.index("Contents") :]
    assert contents.index("The Harbour") < contents.index("Tide") < contents.index("Fog")
    for _title, lines in WORK_PAGES:
        for line in lines:
            assert line in text


@pytest.mark.parametrize(
    ("works", "message"),
    [
        ('[{source = "../elsewhere.txt"}]', "is not inside the project"),
        ('[{source = "missing.txt"}]', "no such file or folder"),
        ('[{source = "fog.html", editor = "X"}]', "editor is not a work's key"),
        ("[]", "works holds an empty list"),
    ],
)
def test_a_wrong_work_is_a_book_toml_mistake(tmp_path: Path, works: str, message: str) -> None:
    (tmp_path / "elsewhere.txt").write_text("Out of the project.\n")
    result = CliRunner().invoke(app, ["epub", str(anthology(tmp_path, works))])
    assert result.exit_code == 3 and message in result.output, result.output


def test_a_work_built_alone_is_its_own_book_not_the_collection(tmp_path: Path) -> None:
    from ebookgen.project.manuscript import load_project

    project = load_project(anthology(tmp_path) / "fog.html")
    assert project.works == () and project.metadata.title == "Fog"


def test_a_german_collection_s_part_pages_speak_german(tmp_path: Path) -> None:
    folder = tmp_path / "sammlung"
    folder.mkdir()
    (folder / "hafen.txt").write_text("Kapitel 1\n\nDas Meer war grau, und der Wind kam von Westen über den Hafen.\n")
    (folder / "nebel.txt").write_text("Kapitel 1\n\nDer Nebel lag den ganzen Tag über der Bucht und dem Dorf.\n")
    works = '[{source = "hafen.txt", title = "Der Hafen"}, {source = "nebel.txt", title = "Nebel", author = "Cy Dunn"}]'
    toml = f'title = "Zwei Geschichten"\nauthor = "Ann Lee"\nlanguage = "de"\ndate = 2025-05-01\nworks = {works}\n'
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    book = load_book(open_project(folder))
    assert [(c.part, list(c.part_lines)) for c in book.chapters if c.part] == [
        ("Der Hafen", ["von Ann Lee", "© 2025 Ann Lee. Alle Rechte vorbehalten."]),
        ("Nebel", ["von Cy Dunn", "© 2025 Cy Dunn. Alle Rechte vorbehalten."]),
    ]


def test_an_undated_work_s_page_carries_the_build_s_year_not_the_clock_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")  # 2000-01-01: the year the copyright page prints
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Chapter 1\n\nThe sea was grey.\n")
    (folder / "fog.txt").write_text("Chapter 1\n\nFog lay on the bay all day.\n")
    works = '[{source = "harbour.txt", title = "The Harbour"}, {source = "fog.txt", title = "Fog"}]'
    (folder / "book.toml").write_text(f'title = "Two Stories"\nauthor = "Ann Lee"\nworks = {works}\n')
    book = load_book(open_project(folder))
    assert [c.part_lines[-1] for c in book.chapters if c.part] == ["Copyright © 2000 Ann Lee. All rights reserved."] * 2


def test_two_works_with_an_image_of_the_same_name_both_keep_theirs(tmp_path: Path) -> None:
    from PIL import Image

    from ebookgen.project.figures import figures_of

    folder = tmp_path / "maps"
    for name, colour in (("north", (200, 0, 0)), ("south", (0, 0, 200))):
        (folder / name).mkdir(parents=True)
        (folder / name / "story.md").write_text(f"# The {name}\n\nThe {name} road.\n\n![A map](map.png)\n")
        Image.new("RGB", (40, 30), colour).save(folder / name / "map.png")
    works = '[{source = "north/"}, {source = "south/"}]'
    (folder / "book.toml").write_text(f'title = "Maps"\nauthor = "Ann Lee"\nworks = {works}\n', encoding="utf-8")
    book = load_book(open_project(folder))
    sources = [figure.source for figure in figures_of(book)]
    assert len(set(sources)) == 2 and {image.name for image in book.images} == set(sources)
    assert len({image.data for image in book.images}) == 2  # each work's own picture
    result = build_epub(folder, tmp_path / "maps.epub")
    epubcheck_later(result.path)
    with zipfile.ZipFile(result.path) as epub:
        pictures = [name for name in epub.namelist() if name.endswith(".png")]
        assert len({epub.read(name) for name in pictures}) == 2


def test_batch_builds_a_collection_and_builds_it_again_when_a_work_s_file_changes(tmp_path: Path) -> None:
    import json

    folder = anthology(tmp_path)
    manifest = tmp_path / "works.jsonl"
    manifest.write_text(json.dumps({"source": "anthology"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    def batch() -> list[dict]:
        result = CliRunner().invoke(app, ["batch", str(manifest), "-o", str(out), "--jobs", "1"])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]

    [row] = batch()
    assert row["status"] == "done" and row["chapters"] == 4 and row["hash"].startswith("sha256:")
    assert [item["path"] for item in row["outputs"]] == ["three-stories.epub"]
    epubcheck_later(out / "three-stories.epub")
    assert batch()[-1]["status"] == "skipped"  # nothing changed: already current
    (folder / "tide" / "tide.txt").write_text("The tide came in, and went out again.\n")  # a work's own file
    again = batch()[-1]
    assert again["status"] == "done" and again["hash"] != row["hash"]


def test_watch_builds_a_collection_and_counts_a_change_inside_a_work_s_folder(tmp_path: Path) -> None:
    from ebookgen.watch.loop import Watched, build_once

    folder = anthology(tmp_path)
    watched = Watched(folder)
    build = build_once(watched)
    assert build.title == "Three Stories" and (folder / "dist" / "three-stories.epub").is_file()
    assert watched.counts(folder / "tide" / "tide.txt") and watched.counts(folder / "tide" / "book.toml")
    assert not watched.counts(folder / "dist" / "three-stories.epub")


def saga(tmp_path: Path) -> Path:
    """Write a collection whose first work has parts of its own (two chapters, then one), then a work without."""
    folder = tmp_path / "roads"
    folder.mkdir()
    (folder / "saga.md").write_text(
        "# Part One\n\n## Chapter 1\n\nThe road ran north.\n\n## Chapter 2\n\nThe road bent west.\n\n"
        "# Part Two\n\n## Chapter 3\n\nThe road ran south.\n"
    )
    (folder / "coda.txt").write_text("Chapter 1\n\nThe end of the road.\n")
    works = '[{source = "saga.md", title = "The Saga"}, {source = "coda.txt", title = "Coda"}]'
    (folder / "book.toml").write_text(f'title = "Roads"\nauthor = "Ann Lee"\nworks = {works}\n', encoding="utf-8")
    return folder


# The contents a collection with a work's own parts lists: (title, depth), work, then its parts, then chapters.
SAGA_CONTENTS = [
    ("The Saga", 0),
    ("Part One", 1),
    ("Chapter 1", 2),
    ("Chapter 2", 2),
    ("Part Two", 1),
    ("Chapter 3", 2),
    ("Coda", 0),
    ("Chapter 1", 1),
]


def test_a_work_s_own_parts_come_after_its_page_not_beside_it(tmp_path: Path) -> None:
    book = load_book(open_project(saga(tmp_path)))
    assert [(c.part, c.subpart, c.title) for c in book.chapters] == [
        ("The Saga", "Part One", "Chapter 1"),
        ("", "", "Chapter 2"),
        ("", "Part Two", "Chapter 3"),
        ("Coda", "", "Chapter 1"),
    ]
    assert book.chapters[0].part_lines[0] == "by Ann Lee"  # the work's page keeps its byline, not its part's title


def nav_depths(items, depth: int = 0) -> list[tuple[str, int]]:
    """List a navigation list's entries with their depth, in reading order."""
    found = []
    for item in items:
        found.append((item.find("x:a", NS).text, depth))
        found += nav_depths(item.findall("x:ol/x:li", NS), depth + 1)
    return found


def test_the_e_book_gives_a_work_s_own_parts_documents_of_their_own_under_the_work(tmp_path: Path) -> None:
    result = build_epub(saga(tmp_path), tmp_path / "roads.epub")
    epubcheck_later(result.path)
    with zipfile.ZipFile(result.path) as epub:
        nav = etree.fromstring(epub.read("EPUB/nav.xhtml"))
        ncx = etree.fromstring(epub.read("EPUB/toc.ncx"))
        spine = [name for name in epub.namelist() if name.startswith("EPUB/text/part-")]
        titles = [etree.fromstring(epub.read(name)).find(".//x:h2", NS).get("data-title") for name in sorted(spine)]
    assert titles == ["The Saga", "Part One", "Part Two", "Coda"]
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert nav_depths(toc.findall("x:ol/x:li", NS)) == SAGA_CONTENTS
    points = ncx.findall(".//{http://www.daisy.org/z3986/2005/ncx/}navPoint")
    assert len(points) == len(SAGA_CONTENTS)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_the_print_edition_prints_a_work_s_page_then_its_parts_then_chapters(tmp_path: Path, jobs: int) -> None:
    import pikepdf

    from ebookgen.build import PrintChoices

    result = build_pdf(saga(tmp_path), tmp_path / "roads.pdf", PrintChoices(jobs=jobs))
    pages = [page_text(result.path, n) for n in range(1, result.pages + 1)]
    starts = {title: next(i for i, page in enumerate(pages) if page.startswith(title)) for title in WORK_ORDER}
    assert sorted(starts, key=starts.get) == WORK_ORDER  # each on its own page, in reading order
    contents = next(page for page in pages if page.startswith("Contents"))
    listed = [line for line in contents.splitlines()[1:] if not line.replace(" ", "").isdigit()]
    assert listed == [title for title, _depth in SAGA_CONTENTS]
    with pikepdf.open(result.path) as pdf, pdf.open_outline() as outline:
        assert outline_depths(outline.root) == SAGA_CONTENTS


# The pages the first work opens with, then its chapters, then the second work's: each page begins with its title.
WORK_ORDER = ["The Saga", "Part One", "Chapter 1", "Chapter 2", "Part Two", "Chapter 3", "Coda"]


def page_text(pdf: Path, number: int) -> str:
    """Return one page's text, its words joined by single spaces line by line."""
    out = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"], capture_output=True)
    return "\n".join(" ".join(line.split()) for line in out.stdout.decode().splitlines() if line.strip())


def outline_depths(items, depth: int = 0) -> list[tuple[str, int]]:
    """List a PDF outline's bookmarks with their depth, in order."""
    found = []
    for item in items:
        found.append((item.title, depth))
        found += outline_depths(item.children, depth + 1)
    return found
