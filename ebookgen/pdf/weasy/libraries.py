"""WeasyPrint imported with its C libraries opened by their file names, not searched for under every spelling.

WeasyPrint opens each library (GObject, Pango, HarfBuzz, fontconfig) by trying a list of names, one per platform:
``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``, ``libgobject-2.0.so.0``... cffi asks
``ctypes.util.find_library`` about each name it cannot open directly, and on Linux each question runs
``ldconfig -p`` and then ``gcc`` and ``ld`` as subprocesses: some fifty processes, about 0.15 s of every PDF
build's start (a third of importing WeasyPrint). The same list holds the name the dynamic loader opens directly
(``libgobject-2.0.so.0``, the file ``find_library`` would have found), so on Linux the search is skipped while
WeasyPrint is imported; where a library is then not found, WeasyPrint is imported again with the search.
"""

from __future__ import annotations

import importlib
import sys

# The module of WeasyPrint that opens the libraries when it is imported.
LIBRARIES = "weasyprint.text.ffi"


def weasyprint_loaded() -> None:
    """Import WeasyPrint (once a process), its libraries opened by file name where this is Linux."""
    if LIBRARIES in sys.modules or not sys.platform.startswith("linux"):
        importlib.import_module("weasyprint")
        return
    import ctypes.util
    import io
    from contextlib import redirect_stdout

    search = ctypes.util.find_library
    ctypes.util.find_library = unsearched
    try:
        with redirect_stdout(io.StringIO()):  # WeasyPrint prints its installation notice before it fails
            importlib.import_module("weasyprint")
    except OSError:  # a library opened only where the search finds it: WeasyPrint's own way, below
        forget_weasyprint()
    finally:
        ctypes.util.find_library = search
    importlib.import_module("weasyprint")


def unsearched(name: str) -> None:
    """Find no library by searching (cffi then tries WeasyPrint's next spelling of its name)."""
    return None


def forget_weasyprint() -> None:
    """Drop WeasyPrint's modules half imported, so that it is imported again from the start."""
    for module in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
        del sys.modules[module]
