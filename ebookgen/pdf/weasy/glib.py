"""Pango's own complaints kept out of the writer's terminal: GLib log messages of the layout go to Python logging.

Pango reports a failed check of its arguments (``Pango-CRITICAL **: ... assertion '... size >= 0' failed``) by
printing straight to standard error, past Python, on every build that meets it, `-q` or not. The layout
works on (Pango returns without doing the call), so the line tells the writer nothing they can act on. A
GLib log handler for Pango's domain, set once per process before the first layout, sends each such message
to the ``ebookgen.pango`` logger at debug level instead.
"""

from __future__ import annotations

import logging
from functools import cache

# The GLib log domains whose messages a print layout can raise; each gets the handler.
DOMAINS = (b"Pango", b"PangoFT2", b"PangoCairo")
# G_LOG_LEVEL_MASK with G_LOG_FLAG_FATAL and G_LOG_FLAG_RECURSION: every level, as GLib spells it.
EVERY_LEVEL = 0xFF
LOGGER = logging.getLogger("ebookgen.pango")
CDEF = """
typedef void (*GLogFunc)(const char *log_domain, int log_level, const char *message, void *user_data);
unsigned int g_log_set_handler(const char *log_domain, int log_levels, GLogFunc log_func, void *user_data);
"""


@cache
def pango_messages_logged() -> object:
    """Send Pango's GLib log messages to Python logging from now on; return the handler (kept alive here)."""
    try:
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(CDEF)
        glib = ffi.dlopen("libglib-2.0.so.0")
    except (ImportError, OSError, AttributeError):  # no GLib by that name: Pango's lines stay as they are
        return None

    @ffi.callback("void(const char *, int, const char *, void *)")
    def handler(domain, level, message, data) -> None:
        try:
            LOGGER.debug(
                "%s: %s",
                ffi.string(domain).decode(errors="replace") if domain else "GLib",
                ffi.string(message).decode(errors="replace") if message else "",
            )
        except Exception:  # a callback from C must never raise
            pass

    for domain in DOMAINS:
        glib.g_log_set_handler(domain, EVERY_LEVEL, handler, ffi.NULL)
    return (ffi, glib, handler)
