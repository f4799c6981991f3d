"""Turn a Markdown manuscript into ebookgen's raw-text conventions, through markdown-it-py.

The result reads like a ``.txt`` manuscript: paragraphs separated by blank lines, ``*em*``
for emphasis (strong too: a novel has one kind), ``* * *`` for a thematic break and
``# Heading`` lines (one ``#`` per level) for headings, which the normaliser reads as chapters.
"""

from __future__ import annotations

from pathlib import Path

from ebookgen.readers.decode import decode_file
from ebookgen.readers.header import text_source
from ebookgen.readers.source import SourceText

MARKDOWN_SUFFIXES = (".md", ".markdown")
SCENE_BREAK = "* * *"


def read_markdown(path: Path, encoding: str | None = None) -> SourceText:
    """Read a Markdown file: its text in raw-text conventions and what a header block there says."""
    decoded = decode_file(path, encoding)
    return text_source(path, decoded, markdown_to_text(decoded.text))


def markdown_to_text(source: str) -> str:
    """Convert Markdown to raw manuscript text."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(source)
    blocks: list[str] = []
    heading_level = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "hr":
            blocks.append(SCENE_BREAK)
        elif token.type in ("fence", "code_block", "html_block"):
            blocks.extend(part.strip() for part in token.content.split("\n\n") if part.strip())
        elif token.type == "inline":
            text = inline_text(token.children or [])
            if text.strip():
                blocks.append(f"{'#' * heading_level} {text.strip()}" if heading_level else text.strip())
    return "\n\n".join(blocks) + "\n"


def inline_text(children: list) -> str:
    """Render inline tokens as plain text with ``*`` around emphasised runs."""
    parts: list[str] = []
    depth = 0
    for child in children:
        kind = child.type
        if kind in ("em_open", "strong_open"):
            if depth == 0:
                parts.append("*")
            depth += 1
        elif kind in ("em_close", "strong_close"):
            depth -= 1
            if depth == 0:
                parts.append("*")
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(child.content)
        elif kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
    return "".join(parts)
