"""`ebookgen watch`: a save rebuilds the book, the preview reloads itself, a broken edit keeps the last good book."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ebookgen.watch.loop import Watched

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium as root in a closed network: no sandbox, no calls home (see the machine's notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHAPTER = 'Chapter 1\n\n"Hello," she said. The lamp was lit.\n\nChapter 2\n\nHe waited by the door.\n'


class Watcher:
    """An `ebookgen watch` process on a free port, and what it prints."""

    def __init__(self, folder: Path, *extra: str):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "ebookgen", "watch", str(folder), "--port", "0", *extra]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.lines: list[str] = []
        first = self.process.stdout.readline()
        self.lines.append(first)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert found, first
        self.url = found.group(0)

    def status(self) -> dict:
        with urllib.request.urlopen(self.url + "status.json", timeout=10) as response:
            return json.load(response)

    def wait_for(self, test, seconds: float = 60) -> dict:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = self.status()
            if test(status):
                return status
            time.sleep(0.2)
        raise AssertionError(f"never happened; last status {status}")

    def stop(self) -> str:
        self.process.send_signal(signal.SIGTERM)
        output, _ = self.process.communicate(timeout=30)
        return "".join(self.lines) + output


@pytest.fixture()
def novel(tmp_path: Path) -> Path:
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "The Lamp"\nauthor = "Ann Lee"\n', encoding="utf-8")
    (folder / "01-lamp.txt").write_text(CHAPTER, encoding="utf-8")
    return folder


def test_only_manuscript_files_count(novel: Path) -> None:
    watched = Watched(novel)
    assert watched.counts(novel / "01-lamp.txt") and watched.counts(novel / "book.toml")
    assert watched.counts(novel / "cover.jpg") and watched.counts(novel / "02-new.md")
    for scratch in ("dist/the-lamp.epub", ".01-lamp.txt.swp", "sedX1b2c3", "01-lamp.txt~", "#01-lamp.txt#"):
        assert not watched.counts(novel / scratch), scratch
    single = Watched(novel / "01-lamp.txt")
    assert single.counts(novel / "01-lamp.txt") and not single.counts(novel / "book.toml")


@pytest.mark.slow
def test_a_save_rebuilds_and_a_broken_edit_keeps_the_last_good_book(novel: Path) -> None:
    watcher = Watcher(novel)
    try:
        first = watcher.wait_for(lambda status: status["generation"] >= 1)
        assert first["title"] == "The Lamp" and first["error"] == ""
        (novel / "01-lamp.txt").write_text(CHAPTER.replace("lamp was lit", "lamp went out"), encoding="utf-8")
        second = watcher.wait_for(lambda status: status["generation"] > first["generation"])
        assert second["changed"] == ["01-lamp.txt"] and second["error"] == ""
        with urllib.request.urlopen(watcher.url + "epub/EPUB/text/chapter-001.xhtml", timeout=10) as response:
            assert "lamp went out" in response.read().decode()
        (novel / "book.toml").write_text('title = "The Lamp\n', encoding="utf-8")
        broken = watcher.wait_for(lambda status: status["error"])
        assert "book.toml" in broken["error"] and broken["title"] == "The Lamp"
        with urllib.request.urlopen(watcher.url + "epub/EPUB/text/chapter-001.xhtml", timeout=10) as response:
            assert "lamp went out" in response.read().decode()  # the last good book is still served
    finally:
        output = watcher.stop()
    assert watcher.process.returncode == 0
    assert "rebuilt (01-lamp.txt)" in output and "ebookgen: error:" in output and "book.toml" in output
    assert sorted(path.name for path in (novel / "dist").iterdir()) == ["the-lamp.epub"]


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")
def test_the_preview_reloads_itself_in_a_real_browser(novel: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    watcher = Watcher(novel, "--pdf")
    try:
        watcher.wait_for(lambda status: status["generation"] >= 1)
        with sync_api.sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(watcher.url)
            assert page.title() == "The Lamp"
            page.click("text=Chapter 1")
            chapter = page.frame_locator("#chapter")
            assert "The lamp was lit." in chapter.locator("body").inner_text()
            assert page.locator("#pages img").count() >= 4  # the PDF's pages, drawn
            (novel / "01-lamp.txt").write_text(CHAPTER.replace("lamp was lit", "lamp went out"), encoding="utf-8")
            chapter.locator("text=The lamp went out.").wait_for(timeout=60_000)  # reloaded, same chapter
            (novel / "book.toml").write_text('title = "The Lamp\n', encoding="utf-8")
            page.locator("#error").wait_for(timeout=60_000)
            assert "book.toml" in page.locator("#error").inner_text()
            assert "The lamp went out." in chapter.locator("body").inner_text()
            page.screenshot(path=str(tmp_path / "preview.png"))
            browser.close()
    finally:
        watcher.stop()
    assert watcher.process.returncode == 0
