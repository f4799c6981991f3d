"""Markdown emphasis set as CommonMark reads it (issue 27, the corpus test's commonmark examples): nested and
touching marks (`*foo *bar**`, `**foo*bar***`) become nested emphasis, never printed asterisks, and a `*` CommonMark
reads as text (`\\*baz\\*`) prints as typed, in the book's text, its contents and check's lines alike."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from ebookgen.build import build_epub
from ebookgen.check import check_project
from ebookgen.model import Emphasis, Paragraph, Strong, Text
from ebookgen.project.manuscript import load_project
from ebookgen.readers.markdown import markdown_to_text

from .conftest import epubcheck_later
from .rawtext import normalise_text

# The CommonMark spec's emphasis examples (spec 0.31, examples 350-480 in part), as the corpus sample holds them.
SPEC_EXAMPLES = [
    "*foo *bar**",
    "*foo **bar** baz*",
    "*foo**bar**baz*",
    "*foo**bar*",
    "***foo** bar*",
    "*foo **bar***",
    "*foo**bar***",
    "foo***bar***baz",
    "foo******bar*********baz",
    "*foo **bar *baz* bim** bop*",
    "**foo **bar****",
    "a **foo *bar* baz**",  # (a paragraph all in strong alone is read as a heading: not emphasis's business)
    "**foo*bar*baz**",
    "***foo* bar**",
    "**foo *bar***",
    "**foo *bar **baz**\nbim* bop**",
    "foo*bar*",
    "*foo*bar",
    "**foo**bar",
    "foo**bar**",
    "*(*foo*)*",
    "*(**foo**)*",
    "_foo_bar_baz_",
    "__foo, __bar__, baz__",
    "*foo _bar_ baz*",
    "\\*not emphasis\\*",
    "2 * 3 * 4 and snake_case_name",
    "*a `*` b*",
]
PRIVATE = re.compile("[\ue000-\uf8ff]")


def as_tags(runs) -> str:
    """Write a paragraph's runs as CommonMark's HTML writes them: `<em>`, `<strong>`, text."""
    out = []
    for run in runs:
        if isinstance(run, Emphasis):
            out.append(f"<em>{as_tags(run.children)}</em>")
        elif isinstance(run, Strong):
            out.append(f"<strong>{as_tags(run.children)}</strong>")
        elif isinstance(run, Text):
            out.append(run.text)
        else:
            out.append(" ")  # a kept line end: CommonMark's soft break
    return "".join(out)


def commonmark_tags(markdown: str) -> str:
    """Return markdown-it's own HTML of a one-paragraph example, its code spans as text, `***` as strong-em."""
    html = MarkdownIt("commonmark").renderInline(markdown)
    html = re.sub(r"</?code>", "", html).replace("\n", " ")
    html = html.replace("&amp;", "&").replace("&quot;", '"')
    return re.sub(r"<em><strong>([^<]*)</strong></em>", r"<strong><em>\1</em></strong>", html)


@pytest.mark.parametrize("markdown", SPEC_EXAMPLES)
def test_markdown_emphasis_nests_as_commonmark_reads_it(markdown: str) -> None:
    chapters = normalise_text(markdown_to_text(f"# One\n\n{markdown}\n"))
    (paragraph,) = [block for block in chapters[0].blocks if isinstance(block, Paragraph)]
    assert as_tags(paragraph.inlines) == commonmark_tags(markdown)


def test_plain_emphasis_stays_readable_raw_text() -> None:
    # Where both rules read the same, the raw text keeps its own marks (check quotes it, a writer reads it).
    text = "It was *dark* and __stormy__, ***both*** and *one **two** three*; 2 * 3 and snake_case."
    assert (
        markdown_to_text(text)
        == "It was *dark* and **stormy**, ***both*** and *one **two** three*; 2 * 3 and snake_case.\n"
    )


def test_nested_emphasis_reaches_the_book_without_asterisks_or_stand_ins(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "# Chapter *one* \\*draft\\*\n\nShe was *so *very* tired* and **foo*bar***, un*frigging*believable.\n\n"
        "<em>Held</em> *close **and *near*** it*.\n\n## Two\n\nThe end of **it**.\n",
        encoding="utf-8",
    )
    epub = build_epub(story, tmp_path / "story.epub").path
    epubcheck_later(epub)
    with zipfile.ZipFile(epub) as archive:
        pages = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith("html")}
    assert not any(PRIVATE.search(page) for page in pages.values())
    body = "".join(pages.values())
    assert "<em>so <em>very</em> tired</em>" in body
    assert "<strong>foo<em>bar</em></strong>" in body and "un<em>frigging</em>believable" in body
    assert "<em>Held</em> <em>close <strong>and <em>near</em></strong> it</em>" in body
    assert "*draft*" in body and "**" not in body.replace("*draft*", "")
    result = check_project(load_project(story))
    assert not any(PRIVATE.search(line) for line in result.lines)
    # No word counted lost, no mark taken for an unclosed one, no stand-in taken for a character without a glyph.
    assert not [line for line in result.lines if "lost" in line or "never closed" in line or "glyph" in line]
