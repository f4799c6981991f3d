"""The README as a front page and the guide under docs/: short, its links whole, its commands and modules real."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
MODULE = re.compile(r"`((?:[\w.-]+/)+[\w.-]+\.py)`")


def pages() -> list[Path]:
    """List the README and every page of the guide."""
    return [README, *sorted(DOCS.glob("*.md"))]


def prose(text: str) -> str:
    """Take out code blocks and code spans, whose brackets are examples, not links."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def anchor(heading: str) -> str:
    """Make the anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = heading.strip().lower().replace("`", "")
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """List the anchors of a Markdown page's headings."""
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {anchor(line.lstrip("#")) for line in text.splitlines() if re.match(r"#{1,6} ", line)}


def broken_links(page: Path) -> list[str]:
    """List the relative links of a page whose file, or heading, is not there."""
    broken = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:: not ours to check offline
        path_part, _, fragment = target.partition("#")
        path = (page.parent / path_part).resolve() if path_part else page
        if not path.exists():
            broken.append(f"{page.name}: {target}")
        elif fragment and path.suffix == ".md" and fragment not in anchors(path):
            broken.append(f"{page.name}: {target} (no such heading)")
    return broken


def test_the_readme_is_a_front_page_of_at_most_200_lines() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines; move the detail to a page under docs/"
    assert "make book" in README.read_text(encoding="utf-8") and "make test" in README.read_text(encoding="utf-8")


def test_every_relative_link_and_picture_reaches_a_file() -> None:
    broken = [link for page in pages() for link in broken_links(page)]
    assert not broken, broken


def linked_from(page: Path) -> set[Path]:
    """List the files a page links to."""
    targets = LINK.findall(prose(page.read_text(encoding="utf-8")))
    return {
        (page.parent / target.partition("#")[0]).resolve() for target in targets if not re.match(r"[a-z]+:", target)
    }


def test_every_page_of_the_guide_is_linked_from_another() -> None:
    for page in pages()[1:]:
        others = [other for other in pages() if other != page]
        assert any(page.resolve() in linked_from(other) for other in others), f"{page.name} is linked from no page"


def test_every_make_target_the_docs_name_is_in_the_makefile() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.M))
    named = {name for page in pages() for name in re.findall(r"`make ([\w-]+)", page.read_text(encoding="utf-8"))}
    assert {"book", "test"} <= named
    assert named <= targets, named - targets


def test_make_book_writes_the_books_the_readme_names_and_ci_runs_make_test() -> None:
    recipe = re.search(r"^book:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe, "the Makefile has no book target"
    written = set(re.findall(r"-o (\S+)", recipe.group(1)))
    assert written == {"dist/tell-me-something.epub", "dist/tell-me-something.pdf"}
    readme = README.read_text(encoding="utf-8")
    assert all(f"`{path}`" in readme for path in written)
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)


def test_every_module_the_docs_name_exists() -> None:
    """A module named with its folder (`pdf/join.py`, `bench/quality.py`) is where the docs say it is."""
    missing = []
    for page in pages():
        text = re.sub(r"^\| `\w+/` \|.*$", "", page.read_text(encoding="utf-8"), flags=re.M)  # the module map's rows
        for name in MODULE.findall(text):
            if not any((base / name).is_file() for base in (ROOT, ROOT / "ebookgen")):
                missing.append(f"{page.name}: {name}")
    assert not missing, missing


def test_the_module_map_names_only_modules_there_are() -> None:
    """Each row of How it works' module table names files of its stage's folder."""
    text = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)/` \| (.*) \|$", text, re.M)
    assert len(rows) >= 10, "the module table of docs/how-it-works.md was not found"
    missing = [
        f"{stage}/{name}"
        for stage, cell in rows
        for name in re.findall(r"`([\w/]+\.py)`", cell)
        if not (ROOT / "ebookgen" / stage / name).is_file()
    ]
    assert not missing, missing
