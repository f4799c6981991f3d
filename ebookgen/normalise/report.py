"""What the normaliser could not be sure of: findings with a source line, for ``ebookgen check``.

Rules that meet something uncertain add a ``Finding`` to the list they are given (or to none,
when nobody asked); ``ebookgen check`` runs the build's passes with a collector for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

ERROR, WARNING = "error", "warning"
REMOVED = "removed"  # Not a doubt: what the normaliser took out on purpose, listed so that nothing goes unseen.


@dataclass(frozen=True)
class Finding:
    """One uncertain or suspicious thing, at a source line."""

    line: int
    severity: str
    message: str

    def format(self, name: str) -> str:
        """Return the finding as one `FILE:LINE: severity: message` line."""
        return f"{name}:{self.line}: {self.severity}: {self.message}"


Findings = Optional[list[Finding]]


def warn(findings: Findings, line: int, message: str) -> None:
    """Record a warning, if anyone is listening."""
    if findings is not None:
        findings.append(Finding(line, WARNING, message))


def error(findings: Findings, line: int, message: str) -> None:
    """Record an error, if anyone is listening."""
    if findings is not None:
        findings.append(Finding(line, ERROR, message))


def has_errors(findings: list[Finding]) -> bool:
    """Tell whether any finding is an error."""
    return any(finding.severity == ERROR for finding in findings)
