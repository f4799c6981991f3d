"""``ebookgen batch``: every work of a library built on every core, or on a Ray cluster, with a results manifest."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_error
from ebookgen.errors import BATCH_INCOMPLETE

SourcesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Manuscript files, manuscript folders (book.toml), library folders, or manifests (.csv, .jsonl).",
        show_default=False,
        metavar="SOURCE",
    ),
]
OutdirOpt = Annotated[Path, typer.Option("--output", "-o", help="Folder for the books and results.jsonl.")]
FormatsOpt = Annotated[str, typer.Option("--formats", help="Comma-separated: epub, kepub, pdf.")]
EngineOpt = Annotated[
    Optional[str], typer.Option("--engine", help="local (a process pool on every core; the default) or ray.")
]
AddressOpt = Annotated[
    Optional[str],
    typer.Option("--address", help="Join a Ray cluster: auto, or ray://host:port (implies --engine ray)."),
]
JobsOpt = Annotated[
    Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core).")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Build every work again, even those already current.")]
TimeLimitOpt = Annotated[
    Optional[float],
    typer.Option("--time-limit", min=0, help="Seconds a work may take before it is stopped and failed (local engine)."),
]
AllowOutsideOpt = Annotated[
    bool, typer.Option("--allow-outside", help="Build manifest sources outside the manifest's folder.")
]


def batch(
    sources: SourcesArg,
    output: OutdirOpt,
    formats: FormatsOpt = "epub",
    engine: EngineOpt = None,
    address: AddressOpt = None,
    jobs: JobsOpt = None,
    force: ForceOpt = False,
    time_limit: TimeLimitOpt = None,
    allow_outside: AllowOutsideOpt = False,
) -> None:
    """Build many works at once, on every core or on a Ray cluster; results.jsonl records each work."""
    with reported():
        from ebookgen.batch.run import BatchOptions, run_batch

        chosen = tuple(dict.fromkeys(name.strip().lower() for name in formats.split(",") if name.strip()))
        engine = engine or ("ray" if address else "local")
        options = BatchOptions(chosen, engine, address, jobs, force, time_limit or 0.0, allow_outside)
        try:
            with batch_progress(enabled=not SETTINGS.quiet) as progress:
                result = run_batch(sources, output, options, progress)
        except KeyboardInterrupt as stop:  # The rows written so far stand: a rerun goes on from there.
            number = getattr(stop, "number", signal.SIGINT)  # Stopped: SIGTERM or SIGHUP
            how = "interrupted" if number == signal.SIGINT else f"stopped by {signal.Signals(number).name}"
            say_error(f"{how}; the works finished so far are in {output / 'results.jsonl'}: run again to go on")
            raise typer.Exit(code=128 + number) from None
        for failure in result.failures:
            typer.echo(f"ebookgen: failed: {failure}", err=True)
        if not SETTINGS.quiet:
            typer.echo(closing_line(result))
        if result.failed:
            raise typer.Exit(code=BATCH_INCOMPLETE)


def closing_line(result) -> str:
    """Say what the batch came to in one line."""
    rate = f", {60 * (result.done / result.seconds):.0f} works a minute" if result.done and result.seconds else ""
    return (
        f"{result.total} works: {result.done} built, {result.skipped} already current, {result.failed} failed "
        f"in {result.seconds:.1f} s{rate}; results in {result.results}"
    )


@contextlib.contextmanager
def batch_progress(enabled: bool = True) -> Iterator:
    """Show a bar with the works done and failed and an ETA on stderr; yield the callback that moves it."""
    from ebookgen.cli.summary import terminal

    console = terminal() if enabled else None
    if console is None:
        yield lambda done, failed, skipped, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("Building works"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("works", total=None, failed=0)

        def advance(done: int, failed: int, skipped: int, total: int) -> None:
            bar.update(task, completed=done + failed + skipped, total=total, failed=failed)

        yield advance
