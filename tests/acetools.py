"""DAISY Ace (the accessibility checker reading systems and publishers use), run on built EPUBs.

Ace is a Node program: `make test-ace` installs it into .ace (or $ACE_HOME) with npm, and it drives Debian's
Chromium. Where either is missing the tests that use it skip and say why. Ace exits 0 whatever it finds, so the
verdict and every violation are read from its JSON report.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACE_HOME = Path(os.environ.get("ACE_HOME", ROOT / ".ace"))
ACE = ACE_HOME / "node_modules/.bin/ace-puppeteer"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass(frozen=True)
class AceReport:
    """Ace's verdict on one EPUB and its violations, one line each (impact, rule, where)."""

    outcome: str
    violations: tuple[str, ...]


def ace_unavailable() -> str:
    """Say why Ace cannot run here, or '' when it can."""
    if not ACE.exists():
        return f"DAISY Ace is not installed in {ACE_HOME} (`make test-ace` installs it with npm)"
    if CHROMIUM is None:
        return "Chromium is not installed (Ace checks the pages in it; `make test-tools` installs it)"
    return ""


def run_ace(epub: Path, report: Path) -> AceReport:
    """Check one EPUB with Ace and return its verdict, read from the report Ace writes into `report`."""
    environment = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": CHROMIUM or ""}
    done = subprocess.run(
        [str(ACE), "--force", "--silent", "--outdir", str(report), str(epub)],
        capture_output=True, text=True, env=environment, timeout=300,
    )  # fmt: skip
    found = report / "report.json"
    if not found.exists():
        raise AssertionError(f"Ace wrote no report for {epub.name}: {done.stdout[-1500:]}{done.stderr[-1500:]}")
    data = json.loads(found.read_text(encoding="utf-8"))
    return AceReport(data["earl:result"]["earl:outcome"], tuple(violations(data)))


def violations(data: dict) -> list[str]:
    """Return each failed assertion of Ace's report as `impact rule: where`."""
    found = []
    for page in data.get("assertions", []):
        where = page.get("earl:testSubject", {}).get("url", "")
        for check in page.get("assertions", []):
            if check.get("earl:result", {}).get("earl:outcome") == "fail":
                test = check.get("earl:test", {})
                found.append(f"{test.get('earl:impact', '?')} {test.get('dct:title', '?')}: {where}")
    return found
