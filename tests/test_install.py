"""`make install` puts ebookgen on the PATH of a new shell, from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ebookgen.version import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None or shutil.which("bash") is None, reason="needs make and bash")
def test_make_install_puts_ebookgen_on_the_path_of_a_new_shell(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    cache = Path(os.environ.get("PIP_CACHE_DIR", Path.home() / ".cache" / "pip"))
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PIPX_", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), PIP_CACHE_DIR=str(cache))
    done = subprocess.run(["make", "-C", str(ROOT), "install"], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    # A new login shell with a bare PATH, in another folder: what a user opens after installing.
    shell = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "dumb"}
    version = subprocess.run(
        ["bash", "-lc", "ebookgen --version"], cwd=tmp_path, env=shell, capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"ebookgen {__version__}"
    assert shutil.which("ebookgen", path=str(home / ".local" / "bin"))  # pipx linked it into ~/.local/bin
