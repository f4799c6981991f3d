"""WeasyPrint imported without ctypes' library search opens the very libraries its own import opens."""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the search is skipped on Linux only")

OPENED = """
import sys
{importer}
from weasyprint.text import ffi
libraries = sorted({{line.split()[-1] for line in open("/proc/self/maps") if line.split()[-1].startswith("/")
    and any(name in line for name in ("gobject", "pango", "harfbuzz", "fontconfig"))}})
optional = [ffi.harfbuzz_subset is not None, ffi.harfbuzz_vector is not None]
print(libraries, optional)
"""


def opened(importer: str) -> str:
    """Return the libraries a fresh process has open after importing WeasyPrint one way."""
    done = subprocess.run([sys.executable, "-c", OPENED.format(importer=importer)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_quick_import_opens_what_weasyprints_own_import_opens():
    quick = opened("from ebookgen.pdf.weasy.libraries import weasyprint_loaded; weasyprint_loaded()")
    assert "pango" in quick and "harfbuzz" in quick
    assert quick == opened("import weasyprint")


def test_no_search_runs_a_process_while_weasyprint_is_imported():
    traced = """
import subprocess
started = []
original = subprocess.Popen.__init__
def counted(self, *args, **kwargs):
    started.append(args[0] if args else kwargs.get("args"))
    return original(self, *args, **kwargs)
subprocess.Popen.__init__ = counted
from ebookgen.pdf.weasy.libraries import weasyprint_loaded
weasyprint_loaded()
print(started)
"""
    done = subprocess.run([sys.executable, "-c", traced], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_library_found_only_by_the_search_is_still_found(monkeypatch):
    """Where WeasyPrint cannot open a library by file name, it is imported again its own way."""
    script = """
import cffi.api, sys
opened = cffi.api._load_backend_lib
def picky(backend, name, flags):
    if name.endswith(".so.0") and "pango-1.0" in name and not getattr(picky, "searched", False):
        raise OSError("not here by that name")
    return opened(backend, name, flags)
cffi.api._load_backend_lib = picky
import ctypes.util
search = ctypes.util.find_library
def found(name):
    picky.searched = True
    return search(name)
ctypes.util.find_library = found
from ebookgen.pdf.weasy.libraries import weasyprint_loaded
weasyprint_loaded()
import weasyprint.text.ffi as ffi
print(ffi.pango is not None, getattr(picky, "searched", False))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
