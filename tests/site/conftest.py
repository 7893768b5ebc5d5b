"""Fixtures for the tests of the BUILT site (run by ``nox -s docs`` after the build).

pytest does not collect this folder in a plain run (``norecursedirs``); run it
with ``pytest tests/site`` once ``docs/_build/html`` exists, or point
``LOSSDOCS_HTML`` at another build's root (the folder holding ``index.html``
and one folder per language).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Page:
    """What the tests need of one HTML file: its ids and its outgoing references."""

    path: Path
    ids: set[str] = field(default_factory=set)
    # (tag, attribute, value), e.g. ("a", "href", "../api/regression.html#lossdocs.huber")
    refs: list[tuple[str, str, str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif name in ("href", "src"):
                self.page.refs.append((tag, name, value))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.refs.append((tag, name, candidate.split()[0]))


def parse_page(path: Path) -> Page:
    page = Page(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return page


@pytest.fixture(scope="session")
def html_root() -> Path:
    root = Path(os.environ.get("LOSSDOCS_HTML", ROOT / "docs" / "_build" / "html"))
    if not (root / "en" / "index.html").is_file():
        pytest.fail(f"no built site under {root}: run `nox -s docs` (or set LOSSDOCS_HTML)")
    return root


@pytest.fixture(scope="session")
def pages(html_root: Path) -> dict[Path, Page]:
    return {path: parse_page(path) for path in sorted(html_root.rglob("*.html"))}
