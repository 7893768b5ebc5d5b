"""Fixtures for the browser tests: the built site, served on 127.0.0.1, and Chromium.

``nox -s browser`` runs this folder (a plain ``pytest`` run does not collect it:
``norecursedirs`` in pyproject.toml) against ``docs/_build/html``, or against the
build that ``LOSSDOCS_HTML`` names. The languages are the folders of the build
that hold an ``index.html`` (English first). The last line of the run sums up
what was checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from .chromium import launch
from .crawl import Crawl, built_languages, crawl
from .report import ROOT, SCREENSHOTS, SUMMARY
from .server import serve
from .themes import VIEWPORT

# Where the crawl of a language starts: its index, and the pages Sphinx writes that no
# link need lead to (the search box opens search.html; furo links neither index).
SEEDS = ("index.html", "search.html", "genindex.html", "_modules/index.html")


def site_root() -> Path:
    return Path(os.environ.get("LOSSDOCS_HTML", ROOT / "docs" / "_build" / "html"))


def languages_of(root: Path) -> list[str]:
    found = [p.parent.name for p in root.glob("*/index.html")] if root.is_dir() else []
    return built_languages(found)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "lang" in metafunc.fixturenames:
        # Nothing built: one "en" case, whose html_root fixture says to build first.
        metafunc.parametrize("lang", languages_of(site_root()) or ["en"])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not SUMMARY.pages and not SUMMARY.searches:
        return
    pages = ", ".join(f"{lang} {count} pages" for lang, count in SUMMARY.pages.items())
    terminalreporter.write_line(
        f"browser: {pages or 'no pages'} checked (+{SUMMARY.files} linked files, "
        f"{SUMMARY.formulas} formulas, {SUMMARY.dropdowns} dropdowns); "
        f"{SUMMARY.searches} searches; {SUMMARY.shots} screenshots in "
        f"{SCREENSHOTS.relative_to(ROOT)}; {SUMMARY.problems} problems found"
    )
    if SUMMARY.relevance:
        rates = "; ".join(f"{lang} {n} queries, top 1 {one:.0%}, top 3 {three:.0%}"
                          for lang, (n, one, three) in SUMMARY.relevance.items())  # fmt: skip
        terminalreporter.write_line(f"search relevance: {rates}")


@pytest.fixture(scope="session")
def html_root() -> Path:
    root = site_root()
    if not (root / "en" / "index.html").is_file():
        pytest.fail(f"no built site in {root}: run `nox -s docs` first (or set LOSSDOCS_HTML)")
    return root


@pytest.fixture(scope="session")
def languages(html_root: Path) -> list[str]:
    return languages_of(html_root)


@pytest.fixture(scope="session")
def base_url(html_root: Path) -> Iterator[str]:
    with serve(html_root) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def crawls(
    browser: Browser, html_root: Path, base_url: str, languages: list[str]
) -> Callable[[str], Crawl]:
    """``crawls(lang)``: the crawl of that language, made once, on first use."""
    done: dict[str, Crawl] = {}

    def crawl_of(lang: str) -> Crawl:
        if lang not in done:
            context = browser.new_context(viewport=VIEWPORT)
            seeds = tuple(p for p in SEEDS if (html_root / lang / p).is_file())
            done[lang] = crawl(context, base_url, lang, languages, seeds)
            context.close()
            SUMMARY.pages[lang] = len(done[lang].pages)
            SUMMARY.files += len(done[lang].assets)
            SUMMARY.formulas += sum(found.maths for found in done[lang].pages.values())
            SUMMARY.dropdowns += sum(found.dropdowns for found in done[lang].pages.values())
        return done[lang]

    return crawl_of
