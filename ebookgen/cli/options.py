"""The options several commands share, made from the settings table; the library settles every default left None.

Each ``...Opt`` is the typer annotation of one row of ``ebookgen.settings.table``: its flags, its help
and, for a number, its least value. A test holds every command's options to the table.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from inspect import Parameter
from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.settings import setting

SourceArg = Annotated[
    Optional[Path],
    typer.Argument(
        help="A manuscript (.txt, .md, .docx, .html, .epub) or a manuscript folder (with or without book.toml); "
        "default: manuscript/ here.",
        show_default=False,
    ),
]


def option(name: str):
    """Return the typer annotation of the named setting: a flag for a yes/no, else a value left None by default."""
    row = setting(name)
    extra = {"min": row.least} if row.least is not None else {}
    declared = typer.Option(*row.flags, help=row.option_help, show_default=False, **extra)
    return Annotated[bool if row.kind is bool else Optional[row.kind], declared]


OutputOpt = option("output")
TitleOpt = option("title")
AuthorOpt = option("author")
LangOpt = option("language")
KoboOpt = option("kobo")
EmbedFontsOpt = option("embed_fonts")
EncodingOpt = option("encoding")
ScenesOpt = option("scene_breaks")
NotesOpt = option("author_notes")
TrimOpt = option("trim")
BleedOpt = option("bleed")
ProfileOpt = option("profile")
RunningHeadOpt = option("running_head")
JobsOpt = option("jobs")
NoCacheOpt = option("no_cache")
ThemeOpt = option("theme")
FontSizeOpt = option("font_size")


@dataclass(frozen=True)
class SharedOption:
    """One option several commands take: its parameter's name, typer annotation and default."""

    name: str
    annotation: object
    default: object = None


# What a manuscript is read with (any command that reads one), and how its print PDF is laid out (any command
# that builds one: pdf, build, impose, cover), each declared once here.
MANUSCRIPT_OPTIONS = (
    SharedOption("title", TitleOpt),
    SharedOption("author", AuthorOpt),
    SharedOption("lang", LangOpt),
    SharedOption("encoding", EncodingOpt),
    SharedOption("scene_breaks", ScenesOpt),
    SharedOption("author_notes", NotesOpt),
)
PRINT_OPTIONS = (
    SharedOption("trim", TrimOpt),
    SharedOption("bleed", BleedOpt, False),
    SharedOption("profile", ProfileOpt),
    SharedOption("running_head", RunningHeadOpt),
    SharedOption("jobs", JobsOpt),
    SharedOption("no_cache", NoCacheOpt, False),
    SharedOption("theme", ThemeOpt),
    SharedOption("font_size", FontSizeOpt),
)


def manuscript_overrides(title, author, lang, encoding, scene_breaks, author_notes):
    """Return what the manuscript options say over book.toml (an ``Overrides``)."""
    from ebookgen.project.manuscript import Overrides

    return Overrides(title, author, lang, encoding, scene_breaks, author_notes)


def print_choices(trim, bleed, profile, running_head, jobs, no_cache, theme, font_size):
    """Return the print options as the library takes them (a ``PrintChoices``)."""
    from ebookgen.build import PrintChoices

    return PrintChoices(trim, profile, running_head, bleed, jobs, not no_cache, theme, font_size)


def taking(into: str, options: tuple[SharedOption, ...], record: Callable[..., object]):
    """Give a command the shared options in place of its parameter `into`, which gets them as one record.

    The command's signature (what typer reads) lists the options where `into` stood, so its help keeps their
    order; the command itself receives ``record(**their values)`` as `into`.
    """

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        namespace = inspect.unwrap(command).__globals__
        shared = [Parameter(o.name, Parameter.KEYWORD_ONLY, default=o.default, annotation=o.annotation)
                  for o in options]  # fmt: skip
        listed = []
        for parameter in inspect.signature(command).parameters.values():
            own = parameter.replace(kind=Parameter.KEYWORD_ONLY, annotation=resolved(parameter.annotation, namespace))
            listed += shared if parameter.name == into else [own]

        @functools.wraps(command)
        def run(**values: object) -> None:
            given = {option.name: values.pop(option.name) for option in options}
            return command(**values, **{into: record(**given)})

        run.__signature__ = inspect.Signature(listed, return_annotation=None)
        run.__annotations__ = {parameter.name: parameter.annotation for parameter in listed}
        return run

    return decorate


def resolved(annotation: object, namespace: dict) -> object:
    """Return a parameter's annotation as the object it names (the module postpones them all as strings), or the
    string where the module imports that name only for type checkers (a record another decorator stands in for)."""
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, namespace)  # the command module's own annotation, read as Python reads it
    except NameError:
        return annotation
