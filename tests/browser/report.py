"""What a run found: the counts for its last line, and problems as one message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ROOT", "SCREENSHOTS", "SUMMARY", "Summary", "record"]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "_build" / "screenshots"  # for a person to look at; not committed


@dataclass
class Summary:
    """What the run checked (conftest.py prints it as the run's last line)."""

    pages: dict[str, int] = field(default_factory=dict)  # language -> pages crawled
    files: int = 0  # linked files fetched (downloads, sources, images)
    formulas: int = 0
    dropdowns: int = 0
    searches: int = 0
    # language -> (queries, top-1 rate, top-3 rate) of the search relevance suite
    relevance: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    shots: int = 0
    problems: int = 0


SUMMARY = Summary()


def record(problems: list[str]) -> str:
    """Count `problems` in the summary; return them as one message, one a line."""
    SUMMARY.problems += len(problems)
    return f"{len(problems)} problems:\n" + "\n".join(problems)
