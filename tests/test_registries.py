"""The registries: a language, a theme and a writer are each added in one place, and the build finds them.

Each test copies ``ebookgen/`` and ``styles/`` to a temporary tree, adds one file or folder there (a
language file, a theme folder, a writer module) and builds a book with that tree in a subprocess; the
same build with the tree as it is shows what the addition changed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ebookgen import build_as, build_epub
from ebookgen.errors import ConfigError
from ebookgen.languages import language_files, language_for
from ebookgen.themes import THEMES
from ebookgen.writers import writers

from .test_architecture import PACKAGE, import_graph

ROOT = PACKAGE.parent
QUENYA = '''"""Quenya: a dummy language for the registry's test."""

from ebookgen.languages.records import BookWords, HeadingWords, Language, QuoteMarks

LANGUAGE = Language(
    code="qya",
    name="Quenya",
    quotes=QuoteMarks(("\\u27ea", "\\u27eb"), ("\\u27e8", "\\u27e9"), True),
    words=BookWords(contents="Ocantar", chapter="Quenta {number}"),
    headings=HeadingWords(chapter=("quenta",)),
)
'''
STORY = 'Quenta 1\n\n"Elen síla," she said, "\'lúmenn\' omentielvo."\n\nQuenta 2\n\nNamárië.\n'


def copied_tree(tmp_path: Path) -> Path:
    """Copy the package and its styles into a temporary tree, as a fresh checkout would have them."""
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "ebookgen", tree / "ebookgen", ignore=ignore)
    shutil.copytree(ROOT / "styles", tree / "styles", ignore=ignore)
    return tree


def run_in(tree: Path, *args: str) -> subprocess.CompletedProcess:
    """Run python with the temporary tree first on the path, failing loudly if it errors."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def manuscript(folder: Path, language: str) -> Path:
    """Write a two-chapter manuscript folder in a language."""
    folder.mkdir(parents=True)
    (folder / "book.toml").write_text(f'title = "Lúmë"\nauthor = "Ann Lee"\nlanguage = "{language}"\n', "utf-8")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder


def epub_text(path: Path) -> str:
    """Return every XHTML document of an EPUB as one text."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xhtml"))


def test_a_language_is_one_new_file(tmp_path: Path) -> None:
    tree = copied_tree(tmp_path)
    (tree / "ebookgen" / "languages" / "qya.py").write_text(QUENYA, encoding="utf-8")
    book = manuscript(tmp_path / "book", "qya")
    run_in(tree, "-m", "ebookgen", "epub", str(book), "-o", str(tmp_path / "added.epub"))
    added = epub_text(tmp_path / "added.epub")
    # Its heading word found both chapters, its quotes curled the dialogue, its words named the contents.
    assert "\u27eaElen síla,\u27eb she said, \u27ea\u27e8lúmenn\u27e9 omentielvo.\u27eb" in added
    assert "Ocantar" in added and added.count("Quenta 2") >= 2
    # Without the file the language falls back to the default: one chapter, English quotes and words.
    before = build_epub(manuscript(tmp_path / "plain", "qya"), tmp_path / "before.epub")
    assert before.chapters == 1
    assert "\u201cElen síla,\u201d" in epub_text(before.path) and "Ocantar" not in epub_text(before.path)


def test_a_theme_is_one_new_folder(tmp_path: Path) -> None:
    tree = copied_tree(tmp_path)
    folder = tree / "styles" / "themes" / "dusk"
    folder.mkdir()
    (folder / "theme.toml").write_text('summary = "a dummy theme"\norder = 9\n', encoding="utf-8")
    (folder / "theme.css").write_text(".scene-break { color: #123456; } /* dusk */\n", encoding="utf-8")
    book = manuscript(tmp_path / "book", "en")
    run_in(tree, "-m", "ebookgen", "epub", str(book), "-o", str(tmp_path / "dusk.epub"), "--theme", "dusk")
    with zipfile.ZipFile(tmp_path / "dusk.epub") as archive:
        styles = "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".css"))
    assert "#123456" in styles
    listed = run_in(tree, "-c", "from ebookgen.themes import theme_names; print(' '.join(theme_names()))")
    assert listed.stdout.split() == [*THEMES, "dusk"]
    with pytest.raises(ConfigError, match="dusk"):
        build_epub(book, tmp_path / "x.epub", theme="dusk")  # the tree as it is has no such theme


WORD_LIST = '''"""A dummy writer for the registry's test: the book's chapter titles and word count, as text."""

from ebookgen.output import atomic_path
from ebookgen.writers import Writer
from ebookgen.writers.epub import EpubResult


def write_word_list(book, target, edition):
    """Write each chapter's title, then the book's length."""
    from ebookgen.model import word_count

    titles = [chapter.title for chapter in book.chapters]
    with atomic_path(target) as partial:
        partial.write_text("\\n".join([*titles, f"{word_count(book)} words"]) + "\\n", encoding="utf-8")
    return EpubResult(target, len(titles), word_count(book))


WRITER = Writer("wordlist", ".words.txt", "the chapter titles and the length", write_word_list)
'''


def test_a_writer_is_one_new_module_called_by_its_name(tmp_path: Path) -> None:
    tree = copied_tree(tmp_path)
    (tree / "ebookgen" / "writers" / "wordlist.py").write_text(WORD_LIST, encoding="utf-8")
    book = manuscript(tmp_path / "book", "en")
    script = (
        "import json, sys, ebookgen\n"
        "from ebookgen.writers import writers\n"
        f"result = ebookgen.build_as('wordlist', {str(book)!r})\n"
        "print(json.dumps([ebookgen.__file__, str(result.path), result.chapters, sorted(writers())]))\n"
    )
    package, path, chapters, names = json.loads(run_in(tree, "-c", script).stdout)
    assert package.startswith(str(tree)) and names == sorted([*writers(), "wordlist"])
    assert Path(path).parent == book / "dist" and Path(path).name.endswith(".words.txt")
    assert chapters == 1 and Path(path).read_text(encoding="utf-8").endswith(" words\n")
    with pytest.raises(ConfigError, match="'wordlist' is not one of epub, kepub, pdf"):
        build_as("wordlist", book)  # the tree as it is has no such writer


def test_the_table_holds_the_three_writers() -> None:
    table = writers()
    assert {"epub", "kepub", "pdf"} <= set(table)
    assert table["pdf"].prints and not table["epub"].prints
    assert table["kepub"].suffix == ".kepub.epub"


def test_a_tag_finds_its_region_then_its_language_then_the_default() -> None:
    assert language_for("de-CH-1996").quotes.outer == ("\u00ab", "\u00bb")
    assert language_for("de-AT").words.contents == "Inhalt" and language_for("de-AT").quotes.outer[0] == "\u201e"
    assert language_for("nn").words.contents == "Innhold"  # Norwegian Nynorsk stands with Bokmål's file
    unknown = language_for("is")  # Icelandic: no file; CLDR's quotes, English words, titles cased as a sentence
    assert unknown.words.contents == "Contents" and unknown.quotes.outer == ("\u201e", "\u201c")
    assert not unknown.title_style.each_word
    assert language_for("fa").right_to_left and not language_for("fr").right_to_left
    assert (language_for("pt-BR").code, language_for("pt-BR").tag) == ("pt", "pt-BR")


def test_each_language_file_is_a_record_for_its_own_code() -> None:
    files = language_files()
    assert {"en", "de", "de-ch", "fr", "es", "ru", "ja", "ar", "he"} <= set(files)
    for code, language in files.items():
        assert code == language.code.lower() or code in language.aliases, code


def test_the_languages_package_imports_nothing_of_ebookgen_but_errors_resources_patterns_and_the_cache() -> None:
    # cachedir (stdlib only): every language's heading words are kept there, not gathered from 38 files each start
    allowed = ("ebookgen.errors", "ebookgen.resources", "ebookgen.languages", "ebookgen.patterns", "ebookgen.cachedir")
    for name, targets in import_graph().items():
        if name.startswith("ebookgen.languages"):
            assert all(target.startswith(allowed) for target in targets), (name, targets)


def test_each_hyphenation_code_is_the_dictionary_the_print_edition_hyphenates_with() -> None:
    import pyphen

    for language in language_files().values():
        if language.hyphenation:
            assert language.hyphenation in pyphen.LANGUAGES, language.code
            # WeasyPrint picks the dictionary from the document's lang, as Pyphen's fallback finds it.
            assert pyphen.language_fallback(language.code.replace("-", "_")) == language.hyphenation


def test_a_heading_the_normaliser_finds_by_any_language_s_word_is_split_into_number_and_name() -> None:
    from ebookgen.render.titles import split_title

    # Dutch, Swedish, Hebrew and Polish words found the heading but were missing from render's own copy.
    for title in ("Deel 2: De storm", "Del 3: Stormen", "פרק 4: הסערה", "Część 1: Burza", "Chapter 5: The Storm"):
        number, colon, name = split_title(title)
        assert (number, colon.strip(), name) == (title.split(":")[0], ":", title.split(": ")[1]), title


@pytest.mark.parametrize(
    "toml", ['summary = "x"\ncolour = "red"\n', "points = [11]\n", '[[faces]]\nfamily = "A"\n', "summary = \n"]
)
def test_a_theme_folder_s_mistake_is_one_line_naming_its_file(tmp_path: Path, toml: str) -> None:
    from ebookgen.themes import read_theme

    (tmp_path / "theme.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match="theme.toml: ") as error:
        read_theme(tmp_path)
    assert "\n" not in str(error.value)
