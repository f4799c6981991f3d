"""Shared fixtures: EPUBCheck once at the end of the run over every EPUB registered, the bundled book, goldens."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from _pytest.mark.expression import Expression  # What -m selects: the end-of-run check counts as a slow test.

from .epubtools import epubcheck, epubcheck_unavailable

ROOT = Path(__file__).resolve().parent.parent
MANUSCRIPT = ROOT / "manuscript"
SHARED = ROOT.parent / "shared"

requires_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside this clone")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden/*/expected files; review the diff"
    )


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    # Each test its own cache of laid-out chunks: none sees another's, none writes to the user's.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def epubcheck_later(epub: Path) -> None:
    """Have EPUBCheck validate this EPUB at the end of the run, with every other EPUB the run's tests built.

    The EPUB is copied at once, so it may live in a folder the test removes. 0 fatals, 0 errors and 0 warnings
    pass; anything else fails the run and names the test that built the EPUB.
    """
    if EpubCheckAtTheEnd.current is None:
        raise RuntimeError("epubcheck_later() registers EPUBs for a pytest run; no run has started")
    EpubCheckAtTheEnd.current.register(Path(epub))


def assert_epubcheck_clean(epub: Path) -> None:
    """Validate one EPUB now, in a JVM of its own (5 to 10 s): for the rare test that must know at once."""
    if reason := epubcheck_unavailable():
        pytest.skip(f"EPUBCheck cannot run: {reason}")
    findings = epubcheck([Path(epub)])[0][Path(epub)]
    assert not findings, "EPUBCheck reported:\n" + "\n".join(findings)


class EpubCheckAtTheEnd:
    """The EPUBs a pytest run's tests register, checked once in the controller when the run ends.

    Every process copies what its tests register into one folder under the controller's base temp (named in
    the xdist workers' input), each EPUB beside a `.test` file holding the node id of the test that built it.
    """

    current: EpubCheckAtTheEnd | None = None
    KEY = "ebookgen_epubcheck_folder"

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.test = "(outside a test)"
        self.count = 0
        self.outcome: list[str] = []  # The terminal section's lines, the first one a headline.
        self.colour = "yellow"  # Of the section: green clean, red rejected, yellow neither.

    @functools.cached_property
    def folder(self) -> Path:
        if hasattr(self.config, "workerinput"):
            return Path(self.config.workerinput[self.KEY])
        folder = self.config._tmp_path_factory.getbasetemp() / "epubcheck"
        folder.mkdir(exist_ok=True)
        return folder

    def register(self, epub: Path) -> None:
        worker = getattr(self.config, "workerinput", {}).get("workerid", "main")
        self.count += 1
        test = re.sub(r"[^\w.-]+", "-", self.test)[-80:]
        stem = f"{worker}-{self.count:03d}-{test}"
        (self.folder / f"{stem}.test").write_text(self.test, encoding="utf-8")  # First: each .epub has its .test.
        shutil.copyfile(epub, self.folder / f"{stem}.epub")

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node) -> None:
        node.workerinput[self.KEY] = str(self.folder)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self.test = item.nodeid

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if hasattr(self.config, "workerinput"):
            return
        tests = {epub: epub.with_suffix(".test").read_text(encoding="utf-8") for epub in self.folder.glob("*.epub")}
        if not tests:
            return
        epubs = sorted(tests, key=lambda epub: (tests[epub], epub.name))  # In the order of the tests' node ids.
        headline = f"{plural(len(epubs), 'EPUB')} from {plural(len(set(tests.values())), 'test')}"
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            self.outcome = [f"{headline}, not checked: the run was interrupted"]
        elif not self._selects_slow():
            self.outcome = [f"{headline}, not checked: the check is slow and -m deselects slow tests"]
        elif reason := epubcheck_unavailable():
            self.outcome = [f"{headline}, skipped: {reason}"]
        else:
            self._check(session, epubs, tests, headline)

    def _check(self, session: pytest.Session, epubs: list[Path], tests: dict[Path, str], headline: str) -> None:
        started = time.monotonic()
        findings, jvms = epubcheck(epubs)
        took = f"{plural(jvms, 'JVM')}, {time.monotonic() - started:.1f} s"
        rejected = [epub for epub in epubs if findings[epub]]
        if not rejected:
            self.outcome, self.colour = [f"{headline}: 0 errors, 0 warnings ({took})"], "green"
            return
        self.colour = "red"
        self.outcome = [f"{len(rejected)} of {headline} rejected ({took})"]
        for epub in rejected:
            self.outcome += ["", f"{tests[epub]} built an EPUB it rejects, kept at {epub}:"]
            self.outcome += [f"    {line}" for line in findings[epub]]
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:  # Counted in the last line: "430 passed, 1 rejected by EPUBCheck".
            rejects = [SimpleNamespace(nodeid=tests[epub], epub=epub) for epub in rejected]  # Plugins read __dict__.
            reporter.stats.setdefault("rejected by EPUBCheck", []).extend(rejects)
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _selects_slow(self) -> bool:
        """Tell whether the run's -m expression selects a test marked slow (this check is one)."""
        markexpr = self.config.getoption("markexpr")
        return not markexpr or Expression.compile(markexpr).evaluate(lambda name, **_: name == "slow")

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.outcome:
            terminalreporter.section("EPUBCheck", **{self.colour: True})
            for line in self.outcome:
                terminalreporter.line(line)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def pytest_configure(config: pytest.Config) -> None:
    EpubCheckAtTheEnd.current = EpubCheckAtTheEnd(config)
    config.pluginmanager.register(EpubCheckAtTheEnd.current, "ebookgen-epubcheck")
    # ebookgen's caches (laid-out chunks, covers) for what runs outside a test's own, never the user's.
    config.ebookgen_cache = tempfile.mkdtemp(prefix="ebookgen-test-cache-")
    os.environ["XDG_CACHE_HOME"] = config.ebookgen_cache


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(getattr(config, "ebookgen_cache", ""), ignore_errors=True)


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
