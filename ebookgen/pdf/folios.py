"""Continuous folios across chunks laid out at once: each chunk learns its first folio mid-layout.

WeasyPrint paginates a document first and makes its margin boxes (running heads, folios) after.
A chunk's worker reports its page count as soon as it is paginated and waits, before the margin
boxes (``weasy.numbered_from`` asks ``first_folio``), for the folio its first page carries; by then
the chunks before it have been paginated too (they were handed out first), so the wait is short.
The main process relays counts into folios.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

# Seconds a chunk waits for its first folio before the build is given up as stuck.
PATIENCE = 3600


@dataclass(frozen=True)
class FolioChannel:
    """What workers and the main process share: counts one way, first folios the other."""

    counts: object  # multiprocessing.Queue of (chunk, pages)
    starts: object  # multiprocessing.Array of each chunk's first folio, 0 when the build failed
    ready: tuple  # a multiprocessing.Event per chunk


CHANNEL: FolioChannel | None = None  # set in each worker by the pool's initializer


def make_channel(context, chunks: int) -> FolioChannel:
    """Create the shared queue, folios and events for a number of chunks."""
    return FolioChannel(context.Queue(), context.Array("i", chunks), tuple(context.Event() for _ in range(chunks)))


def reset_channel(channel: FolioChannel, chunks: int) -> None:
    """Make the channel ready for a new round of layout of this many chunks (no worker may be using it)."""
    if chunks > len(channel.ready):
        raise ValueError(f"{chunks} chunks do not fit a channel made for {len(channel.ready)}")
    for chunk, ready in enumerate(channel.ready):
        channel.starts[chunk] = 0
        ready.clear()


def join_channel(channel: FolioChannel) -> None:
    """Keep the channel in this worker (the pool's initializer)."""
    global CHANNEL
    CHANNEL = channel


def first_folio(chunk: int, pages: int) -> int:
    """Report a chunk's page count and wait for the folio of its first page."""
    CHANNEL.counts.put((chunk, pages))
    if not CHANNEL.ready[chunk].wait(PATIENCE) or CHANNEL.starts[chunk] <= 0:
        raise RuntimeError("the chunks before this one failed to lay out")
    return CHANNEL.starts[chunk]


class FolioRelay:
    """In the main process: turn chunk page counts, as they come, into each chunk's first folio."""

    def __init__(self, channel: FolioChannel, chunks: int):
        self.channel, self.chunks = channel, chunks
        self.counts: dict[int, int] = {}
        self.thread = threading.Thread(target=self.relay, daemon=True)
        self.thread.start()

    def relay(self) -> None:
        """Hand out first folios in reading order; a blank verso follows an inner chunk of odd length."""
        folio, released = 1, 0
        while released < self.chunks:
            chunk, pages = self.channel.counts.get()
            if chunk < 0:
                return
            self.counts[chunk] = pages
            while released in self.counts:
                self.channel.starts[released] = folio
                self.channel.ready[released].set()
                folio += self.counts[released] + self.counts[released] % 2
                released += 1

    def fail(self) -> None:
        """Release every waiting chunk with no folio, so the workers stop instead of hanging."""
        for chunk in range(self.chunks):
            if not self.channel.ready[chunk].is_set():
                self.channel.starts[chunk] = 0
                self.channel.ready[chunk].set()
        self.channel.counts.put((-1, 0))
