"""Turn a Markdown manuscript into ebookgen's raw text (docs/raw-text.md), through markdown-it-py.

Every Markdown construct a story uses maps to a raw-text mark: headings to ``#`` lines, ``*em*``,
``**strong**``, ``***both***``, a thematic break to ``* * *``, block quotes to ``> `` lines, lists to
``- `` and ``1.`` lines, an image alone in its paragraph to a figure, footnotes (mdit-py-plugins'
footnote plugin) to ``[^label]`` calls and ``[^label]:`` notes, a hard line break to a ``\\`` line end and
a code block to verse (its lines kept). HTML is mapped where a story's HTML means something
(``<em>``, ``<i>``, ``<strong>``, ``<b>``, ``<br>``, ``<p>``) and otherwise dropped, its text kept: what
was dropped is named in ``SourceText.unmapped``, never printed into the book.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from ebookgen.model.maths import formulas_as_alt
from ebookgen.model.rawtext import FENCED_KINDS, as_literal, is_chat
from ebookgen.readers.decode import decode_file
from ebookgen.readers.embedded import tex_mark
from ebookgen.readers.header import text_source
from ebookgen.readers.htmltables import pipe_rows
from ebookgen.readers.htmlwords import NestedTooDeep
from ebookgen.readers.markdown_marks import MARKED, PARSED_HTML, inner, marks_for, needs_parsed
from ebookgen.readers.reader import Reader
from ebookgen.readers.source import SourceText

MARKDOWN_SUFFIXES = (".md", ".markdown")
SCENE_BREAK = "* * *"
# HTML tags that map to raw-text marks: the mark each opens and closes with.
HTML_MARKS = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}
# HTML tags that only hold text (their text is kept, the tag needs no word in check).
HTML_QUIET = frozenset({"p", "div", "span", "br", "html", "body", "section", "article", "main", "center", "small"})


# How deep markdown-it reads nested blocks (its CommonMark preset's 20 lost a tenth list level's text), past
# which it drops the rest silently; a deeper file is refused in one line instead.
MOST_NESTING = 100


def read_markdown(path: Path, encoding: str | None = None) -> SourceText:
    """Read a Markdown file: its text in raw-text conventions and what a header block there says."""
    decoded = decode_file(path, encoding)
    unmapped: list[str] = []
    text, lines = markdown_with_lines(decoded.text, unmapped)
    source = text_source(path, decoded, text)
    return replace(source, reader="Markdown", unmapped=tuple(dict.fromkeys(unmapped)), lines=lines)


def markdown_to_text(source: str, unmapped: list[str] | None = None) -> str:
    """Convert Markdown to raw text; what could not be mapped is added to `unmapped`, one line each."""
    return markdown_with_lines(source, unmapped)[0]


def markdown_with_lines(source: str, unmapped: list[str] | None = None) -> tuple[str, tuple[int, ...]]:
    """Convert Markdown to raw text, with the Markdown line each raw line came from (check's FILE:LINE)."""
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": MOST_NESTING}).enable("table").use(footnote_plugin)
    # TeX maths, `$x^2$` and `$$...$$`, as pandoc reads it: `$5 and $10` is money (no space inside, no digit after)
    parser.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True, allow_labels=False)
    for name in FENCED_KINDS:  # the raw text's fences, read in Markdown as containers
        parser.use(container_plugin, name=name)
    tokens = parser.parse(source)
    if any(token.level >= MOST_NESTING - 1 for token in tokens):  # markdown-it drops what lies deeper: refuse
        raise NestedTooDeep(f"its block quotes, lists or containers nest more than {MOST_NESTING - 2} deep")
    tree = SyntaxTreeNode(tokens)
    writer = RawWriter([] if unmapped is None else unmapped, source.split("\n"))
    blocks: list[str] = []
    lines: list[int] = []
    for node in tree.children:
        for text, start, end in writer.placed_blocks(node):
            if lines:
                lines.append(start)  # the blank line between two blocks: the next one's first line
            count = text.count("\n") + 1
            lines += [min(start + offset, max(start, end)) for offset in range(count)]
            blocks.append(text)
    lines.append(lines[-1] if lines else 1)  # the text's last line end
    return "\n\n".join(blocks) + "\n", tuple(lines)


class RawWriter:
    """Write a Markdown syntax tree as raw-text blocks, noting what it cannot map."""

    def __init__(self, unmapped: list[str], lines: list[str]):
        self.unmapped = unmapped
        self.lines = lines  # the Markdown's own lines, for verse kept exactly as typed

    def placed_blocks(self, node) -> list[tuple[str, int, int]]:
        """Return a top-level node's raw-text blocks, each with the first and last Markdown line it came from."""
        if node.type == "footnote_block":  # each note has lines of its own
            return [placed for child in node.children for placed in self.placed_notes(child)]
        start, end = node.map if node.map else (0, 0)
        return [(text, start + 1, end) for text in self.block(node) if text.strip()]

    def placed_notes(self, node) -> list[tuple[str, int, int]]:
        """Return one note's raw text with the Markdown line that defines it (the plugin keeps no map for notes)."""
        label = node.meta.get("label") or ""
        start = self.note_lines.get(f"[^{label}]:") or len(self.lines)
        return [(self.note(node), start, start)]

    @cached_property
    def note_lines(self) -> dict[str, int]:
        """Return the first Markdown line of each note's `[^label]:`, found once (a search a note was quadratic)."""
        found: dict[str, int] = {}
        for number, line in enumerate(self.lines, 1):
            text = line.lstrip()
            if text.startswith("[^") and (end := text.find("]:")) > 1:
                found.setdefault(text[: end + 2], number)
        return found

    def blocks(self, nodes) -> list[str]:
        """Return the raw-text blocks of a run of block nodes."""
        return [text for node in nodes for text in self.block(node) if text.strip()]

    def block(self, node) -> list[str]:
        """Return the raw-text blocks one block node stands for."""
        kind = node.type
        if kind == "heading":  # a title is plain words: a formula in it as its TeX
            return [f"{'#' * int(node.tag[1:])} {formulas_as_alt(self.inline(node.children[0]).strip(), False)}"]
        if kind == "math_block":
            return [tex_mark(node.content, True, self.unmapped)]
        if kind == "paragraph":
            return [self.paragraph(node)]
        if kind == "hr":
            return [SCENE_BREAK]
        if kind == "blockquote":
            inner = "\n\n".join(self.blocks(node.children))
            return ["\n".join(f"> {line}" if line.strip() else ">" for line in inner.split("\n"))]
        if kind in ("bullet_list", "ordered_list"):
            return self.list_lines(node)
        if kind in ("fence", "code_block"):
            lines = node.content.rstrip("\n")
            return [f"::: verse\n{lines}\n:::"] if lines.strip() else []
        if kind == "table":
            return [self.table_lines(node)]
        if kind == "html_block" and (table := pipe_rows(node.content)):  # an HTML table typed in the Markdown
            return [table[0], *(part for part in html_text(table[1], self.unmapped).split("\n\n") if part.strip())]
        if kind == "html_block":
            return [part for part in html_text(node.content, self.unmapped).split("\n\n") if part.strip()]
        if kind == "footnote_block":
            return [self.note(child) for child in node.children]
        if kind == "container_verse":
            start, end = node.map
            inner = [line for line in self.lines[start + 1 : end] if not line.strip().startswith(":::")]
            return [f"::: verse\n{chr(10).join(inner).strip(chr(10))}\n:::"]
        if kind.startswith("container_"):
            inner = "\n\n".join(self.blocks(unwrapped(node.children)))
            return [f":::{node.info.rstrip()}\n{inner}\n:::"]
        self.unmapped.append(f"a Markdown {kind.replace('_', ' ')}: its text kept as paragraphs")
        return self.blocks(node.children)

    def paragraph(self, node) -> str:
        """Return a paragraph's raw text, or a figure's line when an image stands alone in it."""
        children = [child for child in node.children[0].children if not is_blank(child)] if node.children else []
        if len(children) == 1 and children[0].type == "image":
            image = children[0]
            alt = formulas_as_alt(self.inline_runs(image.children)).replace("]", ")").replace("\n", " ")
            title = image.attrs.get("title") or ""
            caption = f' "{title}"' if title and '"' not in title else ""
            return f"![{alt}]({str(image.attrs.get('src', '')).replace(' ', '%20')}{caption})"
        if not node.children:
            return ""
        lines = self.inline_runs(node.children[0].children, softbreak="\n").strip()
        # Messages typed a line each (`Sam: where are you?`) keep their lines: the normaliser sets them as a chat.
        return lines if is_chat(lines.split("\n")) else self.inline(node.children[0]).strip()

    def list_lines(self, node) -> list[str]:
        """Return a list as `- item` or `1. item` lines, an item's further paragraphs joined to it; a quotation
        under an item is set after it as a quotation (never `> ` inside the item) and the list goes on after it."""
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1)) if ordered else 1
        out, lines = [], []
        for number, item in enumerate(node.children, start=start):
            parts = [self.inline(child.children[0]).strip() for child in item.children if child.type == "paragraph"]
            quotes = [child for child in item.children if child.type == "blockquote"]
            nested = [child for child in item.children if child.type not in ("paragraph", "blockquote")]
            if nested:
                self.unmapped.append("a list inside a list item: its items joined to the item")
                parts += [" ".join(self.blocks(nested)).replace("\n", " ")]
            marker = f"{number}." if ordered else "-"
            lines.append(f"{marker} {' '.join(part for part in parts if part)}")
            if quotes:
                out, lines = [*out, "\n".join(lines), *self.blocks(quotes)], []
        return [*out, "\n".join(lines)] if lines else out

    def table_lines(self, node) -> str:
        """Return a pipe table as raw-text rows: its head, a delimiter row keeping each column's alignment, its body."""
        rows = [row for part in node.children for row in part.children]
        cells = [
            [self.inline_runs(cell.children[0].children) if cell.children else "" for cell in row.children]
            for row in rows
        ]
        sides = {"text-align:left": ":--", "text-align:center": ":-:", "text-align:right": "--:"}
        delimiter = [sides.get(cell.attrs.get("style", ""), "---") for cell in rows[0].children] if rows else []
        lines = [
            "| " + " | ".join(text.replace("|", "\\|").replace("\\\n", " ") for text in row) + " |" for row in cells
        ]
        return "\n".join([*lines[:1], "|" + "|".join(delimiter) + "|", *lines[1:]])

    def note(self, node) -> str:
        """Return a note's raw text: `[^label]: ` before its first paragraph, further ones indented four spaces."""
        label = node.meta.get("label") or f"note-{node.meta.get('id', 0) + 1}"
        paragraphs = self.blocks(node.children)
        first, rest = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
        more = "".join("\n\n" + "\n".join("    " + line for line in part.split("\n")) for part in rest)
        return f"[^{label}]: {first}{more}"

    def inline(self, node) -> str:
        """Return an inline node's raw text."""
        return self.inline_runs(node.children)

    def inline_runs(self, nodes, softbreak: str = " ", parsed: bool | None = None) -> str:
        """Return the raw text of inline runs: marks for emphasis, strong, note calls and kept line ends (the
        emphasis of a run the raw text's `*` rule would misread in parsed marks: readers/markdown_marks.py)."""
        parsed = needs_parsed(nodes) if parsed is None else parsed
        parts: list[str] = []
        for node in nodes:
            kind = node.type
            if kind in ("text", "code_inline"):  # its `*` and `_` as typed: CommonMark read the emphasis already
                parts.append(as_literal(node.content))
            elif kind == "softbreak":
                parts.append(softbreak)
            elif kind == "hardbreak":
                parts.append("\\\n")
            elif kind in MARKED:
                marks = marks_for(node, parsed)
                parts.append(f"{marks.opening}{self.inline_runs(inner(node), softbreak, parsed)}{marks.closing}")
            elif kind in ("math_inline", "math_inline_double"):
                parts.append(tex_mark(node.content, kind == "math_inline_double", self.unmapped))
            elif kind == "footnote_ref":
                parts.append(f"[^{node.meta.get('label') or 'note-' + str(node.meta.get('id', 0) + 1)}]")
            elif kind == "image":
                self.unmapped.append("an image inside a paragraph: its alt text kept in the text")
                parts.append(self.inline_runs(node.children, softbreak, parsed))
            elif kind == "html_inline":
                parts.append(html_mark(node.content, self.unmapped, parsed))
            else:  # a link and anything else that holds text: its text
                parts.append(self.inline_runs(node.children, softbreak, parsed))
        return "".join(parts)


def unwrapped(nodes) -> list:
    """Return a container's blocks with the containers inside it opened: the raw text's fences do not nest."""
    found, stack = [], list(reversed(nodes))
    while stack:
        node = stack.pop()
        if node.type.startswith("container_"):
            stack.extend(reversed(node.children))
        else:
            found.append(node)
    return found


def is_blank(node) -> bool:
    """Tell a run that holds nothing but space (around an image alone in its paragraph)."""
    return node.type in ("softbreak", "hardbreak") or (node.type == "text" and not node.content.strip())


def html_mark(tag: str, unmapped: list[str], parsed: bool = False) -> str:
    """Return the raw-text mark an inline HTML tag stands for (parsed, in a paragraph handed on parsed), or nothing
    (named in unmapped)."""
    reader = HtmlText(unmapped, parsed)
    reader.feed(tag)
    reader.close()
    return "".join(reader.parts)


def html_text(markup: str, unmapped: list[str]) -> str:
    """Return the text of an HTML block in raw text: its emphasis and line breaks mapped, its tags dropped."""
    reader = HtmlText(unmapped)
    reader.feed(markup)
    reader.close()
    return "".join(reader.parts).strip()


class HtmlText(HTMLParser):
    """Collect the text of HTML with raw-text marks for the tags a story means something by."""

    def __init__(self, unmapped: list[str], parsed: bool = False):
        super().__init__(convert_charrefs=True)
        self.unmapped = unmapped
        self.parsed = parsed
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        """Open a mark, end a paragraph or line, or note a tag that means nothing to a book."""
        if tag in ("script", "style"):
            self.skipping += 1
            self.unmapped.append(f"an HTML <{tag}> element: dropped")
        elif tag in HTML_MARKS:
            self.parts.append(PARSED_HTML[HTML_MARKS[tag]][0] if self.parsed else HTML_MARKS[tag])
        elif tag == "br":
            self.parts.append("\\\n")
        elif tag == "p":
            self.parts.append("\n\n")
        elif tag == "img":
            self.unmapped.append("an HTML <img>: its alt text kept")
            self.parts.append(dict(attrs).get("alt") or "")
        elif tag not in HTML_QUIET:
            self.unmapped.append(f"an HTML <{tag}> tag: dropped, its text kept")

    def handle_endtag(self, tag: str) -> None:
        """Close a mark or a paragraph."""
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in HTML_MARKS:
            self.parts.append(PARSED_HTML[HTML_MARKS[tag]][1] if self.parsed else HTML_MARKS[tag])
        elif tag == "p":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Keep text, but a script's or a style's."""
        if not self.skipping:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        """Drop a comment, saying so."""
        self.unmapped.append("an HTML comment: dropped")


READER = Reader("Markdown", MARKDOWN_SUFFIXES, read_markdown, rank=20)
