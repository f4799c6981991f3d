"""Rebuild the book whenever a manuscript file or book.toml is saved, and say what changed and what check found."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ebookgen.errors import EbookgenError
from ebookgen.readers.table import SUFFIXES
from ebookgen.watch.state import Build, Preview, read_epub

# Besides the text files a reader claims: the project's settings and the pictures a cover may be.
OTHER_INPUTS = frozenset({".toml", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"})


@dataclass(frozen=True)
class Watched:
    """What the loop watches and builds: the manuscript, and whether a PDF is made too."""

    source: Path
    pdf: bool = False
    language: str | None = None  # --lang: the book's language over book.toml's

    @property
    def root(self) -> Path:
        """Return the folder whose changes count: the manuscript folder, or the single file's folder."""
        return self.source if self.source.is_dir() else self.source.parent

    def counts(self, path: Path) -> bool:
        """Tell whether a changed path is part of the manuscript (not a built book, not an editor's scratch file)."""
        try:
            inside = path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return False
        if not inside.parts or inside.parts[0] == "dist" or path.name.startswith((".", "#", "~")):
            return False  # a built book, or an editor's scratch file
        if not self.source.is_dir():
            return path.resolve() == self.source.resolve()
        return path.suffix.lower() in SUFFIXES or path.suffix.lower() in OTHER_INPUTS


def build_once(watched: Watched) -> Build:
    """Build the EPUB (and the PDF) into the manuscript's dist/, and run check; return what the preview serves."""
    from ebookgen.build import build_epub, build_pdf, check_manuscript
    from ebookgen.project.manuscript import Overrides

    overrides = Overrides(language=watched.language)
    epub = build_epub(watched.source, overrides=overrides)
    pdf = build_pdf(watched.source, overrides=overrides).path.read_bytes() if watched.pdf else None
    check = check_manuscript(watched.source, overrides)
    return read_epub(epub.path.read_bytes(), pdf, check.lines)


def rebuild(watched: Watched, preview: Preview, changed: tuple[str, ...], say: Callable[[str], None]) -> None:
    """Rebuild after a change: a good build replaces what is shown, a bad one is shown beside the last good one."""
    try:
        build = build_once(watched)
    except EbookgenError as error:
        preview.publish(None, str(error), changed)
        say(f"ebookgen: error: {error}")
        return
    except Exception as error:  # a bug met on one save must not end the writer's loop
        message = f"unexpected {type(error).__name__}: {error}; the last good book stays shown (please report it)"
        preview.publish(None, message, changed)
        say(f"ebookgen: error: {message}")
        return
    preview.publish(build, "", changed)
    what = ", ".join(changed) if changed else "start"
    say(f"rebuilt ({what}): {len(build.spine)} documents" + (", and the PDF" if build.pdf else ""))
    for line in build.check:
        say(line)


def changed_names(changes: Iterable[tuple[object, str]], watched: Watched) -> tuple[str, ...]:
    """Name the manuscript files among a batch of changes, relative to the manuscript's folder."""
    names = {
        str(Path(path).resolve().relative_to(watched.root.resolve()))
        for _, path in changes
        if watched.counts(Path(path))
    }
    return tuple(sorted(names))


def watch_loop(watched: Watched, preview: Preview, say: Callable[[str], None], stop=None) -> None:
    """Build once, then rebuild each time the manuscript changes, until `stop` (a threading.Event) is set."""
    import watchfiles

    rebuild(watched, preview, (), say)
    for changes in watchfiles.watch(watched.root, stop_event=stop, debounce=300, raise_interrupt=False):
        names = changed_names(changes, watched)
        if names:
            rebuild(watched, preview, names, say)
