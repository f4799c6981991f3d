"""The readers' registry: a new input format is one new module in ebookgen/readers/, and the build finds it.

The test copies the package to a temporary tree, adds a dummy reader module there (a `.scroll` file of
`H:` heading and `P:` paragraph lines, read into model blocks) and builds an EPUB from such a file in a
subprocess with that tree on the path; the tree as it is refuses the same file, naming the formats it reads.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import zipfile
from pathlib import Path

from ebookgen.readers.table import READERS, formats_read

from .conftest import epubcheck_later
from .test_registries import copied_tree, run_in

SCROLL_READER = '''"""Read a scroll: a dummy format for the readers' registry test."""

from pathlib import Path

from ebookgen.model import Paragraph, Text
from ebookgen.model.document import Document, Heading
from ebookgen.model.outline import outline
from ebookgen.readers.reader import Reader


def read_scroll(path: Path, encoding: str | None = None) -> Document:
    """Read `H:` lines as headings and `P:` lines as paragraphs, typed marks kept as text."""
    blocks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, words = line.partition(": ")
        blocks.append(Heading(1, words) if kind == "H" else Paragraph((Text(words),)))
    return Document(path, outline(tuple(blocks))[0], "utf-8", reader="scroll", blocks=tuple(blocks))


READER = Reader("scroll", (".scroll",), read_scroll, rank=60)
'''
SCROLL = 'H: The Scroll\nP: "Unrolled," she said. *Slowly.*\nP: # not a heading\nH: The Seal\nP: It broke.\n'


def test_the_table_lists_each_reader_module_once_plain_text_first() -> None:
    assert [reader.name for reader in READERS] == ["plain text", "Markdown", "Word", "HTML", "EPUB"]
    assert formats_read().startswith("plain text (.txt, .text), Markdown (.md, .markdown)")


def test_a_reader_module_added_to_the_package_reads_its_files_into_a_book(tmp_path: Path) -> None:
    tree = copied_tree(tmp_path)
    story = tmp_path / "story.scroll"
    story.write_text(SCROLL, encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "ebookgen", "epub", str(story), "-o", str(tmp_path / "before.epub")],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert refused.returncode != 0 and "does not read .scroll files" in refused.stderr
    (tree / "ebookgen" / "readers" / "scroll.py").write_text(SCROLL_READER, encoding="utf-8")
    run_in(tree, "-m", "ebookgen", "epub", str(story), "-o", str(tmp_path / "scroll.epub"))
    epubcheck_later(tmp_path / "scroll.epub")
    with zipfile.ZipFile(tmp_path / "scroll.epub") as archive:
        pages = sorted(name for name in archive.namelist() if "text/chapter" in name)
        text = "".join(archive.read(name).decode() for name in pages)
    assert len(pages) == 2 and "The Seal" in text
    assert "\u201cUnrolled,\u201d she said. *Slowly.*" in text  # typography ran; the typed stars stayed text
    assert "># not a heading</p>" in text
    listed = run_in(tree, "-c", "from ebookgen.readers.table import formats_read; print(formats_read())")
    assert listed.stdout.strip().endswith("EPUB (.epub) and scroll (.scroll)")


def test_the_table_kept_in_the_cache_is_the_table_the_modules_declare() -> None:
    from ebookgen.readers.table import Deferred, declared_readers, table_of_readers

    table_of_readers()  # listed and kept, if it was not yet
    kept = table_of_readers()
    assert all(isinstance(reader.read, Deferred) for reader in kept)
    declared = declared_readers()
    assert [(r.name, r.suffixes, r.in_folders, r.rank) for r in kept] == [
        (r.name, r.suffixes, r.in_folders, r.rank) for r in declared
    ]
    assert [getattr(importlib.import_module(r.read.module), r.read.name) for r in kept] == [r.read for r in declared]
