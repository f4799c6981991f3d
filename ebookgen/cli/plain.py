"""The plain build line, ``ebookgen [-q] [-v] epub [FILE] [-o OUT] [--lang TAG]``, read without Typer.

Typer and the option declarations of every command are about a third of a short story's EPUB build. This line
is what most builds are; it runs the same command body (``epub_built``) as ``ebookgen epub`` under Typer. Any
other line (help, completion, another option or command, an option given twice, a value that looks like an
option, ``--``) is not read here: ``plain_line`` returns None and Typer reads it, with its messages and codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# The global flags, and the letters of their short forms (`-qv` is both); accepted before or after the command.
GLOBAL_FLAGS = frozenset({"-q", "--quiet", "-v", "--verbose"})
GLOBAL_LETTERS = frozenset("qv")
# The options of `epub` read here, each by every spelling Typer gives it, with the field it fills.
VALUED = {"-o": "output", "--output": "output", "--lang": "lang"}
# Typer's shell completion is asked for through this variable: Typer answers it.
COMPLETION = "_EBOOKGEN_COMPLETE"


@dataclass(frozen=True)
class PlainLine:
    """A plain `epub` line: the source, the output and language when given, and the global flags."""

    source: Path | None = None
    output: Path | None = None
    lang: str | None = None
    quiet: bool = False
    verbose: bool = False


def is_global_flag(arg: str) -> bool:
    """Tell a global flag (`-q`, `--verbose`, `-qv`) from any other argument."""
    if arg in GLOBAL_FLAGS:
        return True
    return len(arg) > 2 and arg[0] == "-" and arg[1] != "-" and set(arg[1:]) <= GLOBAL_LETTERS


def flag_letters(arg: str) -> set[str]:
    """Return the global flags a flag argument sets, as their letters (`--quiet` and `-q` are `q`)."""
    return {arg[2]} if arg.startswith("--") else set(arg[1:])


def plain_line(args: list[str], environ: Mapping[str, str]) -> PlainLine | None:
    """Read a plain `epub` line, or return None for any line Typer must read."""
    if COMPLETION in environ or "epub" not in args:
        return None
    command = args.index("epub")
    if not all(is_global_flag(arg) for arg in args[:command]):
        return None
    letters: set[str] = set().union(*(flag_letters(arg) for arg in args[:command]))
    values: dict[str, str] = {}
    rest = iter(args[command + 1 :])
    for arg in rest:
        name, given, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if is_global_flag(arg):
            letters |= flag_letters(arg)
        elif name in VALUED:
            value = value if given else next(rest, "")
            if not value or value.startswith("-") or VALUED[name] in values:
                return None
            values[VALUED[name]] = value
        elif arg.startswith("-") or not arg or "source" in values:
            return None
        else:
            values["source"] = arg
    paths = {field: Path(values[field]) for field in ("source", "output") if field in values}
    return PlainLine(lang=values.get("lang"), quiet="q" in letters, verbose="v" in letters, **paths)


def run_plain(line: PlainLine) -> None:
    """Build the EPUB a plain line asks for, as `ebookgen epub` does."""
    from ebookgen.cli.console import SETTINGS

    SETTINGS.quiet, SETTINGS.verbose = line.quiet, line.verbose
    epub_built(line.source, line.output, lang=line.lang)


def epub_built(
    source: Path | None,
    output: Path | None,
    title: str | None = None,
    author: str | None = None,
    lang: str | None = None,
    encoding: str | None = None,
    scene_breaks: str | None = None,
    author_notes: str | None = None,
    kobo: bool = False,
    embed_fonts: bool = False,
    theme: str | None = None,
) -> None:
    """Build an EPUB 3 e-book, saying what was written (the body of `ebookgen epub`, with or without Typer)."""
    from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
    from ebookgen.cli.summary import Written, working

    with reported():
        from ebookgen.build import build_epub
        from ebookgen.project.manuscript import Overrides

        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        with working("Building the EPUB", enabled=not SETTINGS.quiet):
            result = build_epub(source, output, kobo, embed_fonts, overrides, theme)
        say_notes(result.notes)
        summarise([Written(result.path)], result.chapters, result.words)
