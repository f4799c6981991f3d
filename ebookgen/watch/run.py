"""``ebookgen watch``: build, serve the preview, and rebuild on every save until stopped."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from pathlib import Path

from ebookgen.errors import ConfigError
from ebookgen.watch.loop import Watched, watch_loop
from ebookgen.watch.server import serve
from ebookgen.watch.state import Preview

DEFAULT_PORT = 8000


def watch_book(
    source: Path | None,
    port: int = DEFAULT_PORT,
    pdf: bool = False,
    say: Callable[[str], None] = print,
    language: str | None = None,
) -> None:
    """Watch a manuscript: rebuild the book on every save and serve a live preview on localhost until stopped."""
    from ebookgen.project.manuscript import DEFAULT_SOURCE, load_project
    from ebookgen.project.values import check_language_option

    if language:
        check_language_option(language)  # a wrong --lang is refused before the preview starts

    path = Path(source) if source is not None else DEFAULT_SOURCE
    if not path.exists():
        load_project(source)  # says, as every command does, what is missing and how to begin
    preview, stop = Preview(), threading.Event()
    try:
        server = serve(preview, port)
    except OSError as error:
        raise ConfigError(f"--port {port}: cannot serve the preview there ({error.strerror}); choose another") from None
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    say(f"preview at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
    try:
        watch_loop(Watched(path, pdf, language), preview, say, stop)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.shutdown()
        server.server_close()
    say("stopped watching")
