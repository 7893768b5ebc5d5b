"""The relevance suite of the site search: typed queries, the page that must come first.

The queries and their pages are data, in ``search_queries.toml`` (its header says how
to add one). Each query is typed into the search box of the built site's search page in
headless Chromium, Enter pressed, and the ranked results read from the page once Sphinx
has written its summary line; a page listed twice (two sections of one page) counts
once, at its best place. ``test_search.py`` runs it in ``nox -s browser``; to print the
rates and the misses of the build in ``docs/_build/html`` (or ``LOSSDOCS_HTML``):

    python -m tests.browser.relevance [-v] [--queries FILE] [LANG ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from playwright.sync_api import Browser, Page

from .chromium import Recorder

__all__ = [
    "QUERIES",
    "SEARCH_DONE",
    "Outcome",
    "is_search_for",
    "load_queries",
    "ranked_pages",
    "run_language",
]

QUERIES = Path(__file__).with_name("search_queries.toml")
TOP = 3  # a query fails outright when its page is not among this many results
# The results list is complete once Sphinx writes its summary line.
SEARCH_DONE = """() => {
  const summary = document.querySelector("#search-results p.search-summary");
  return summary !== null && summary.innerText.trim() !== "";
}"""
RESULTS = "#search-results ul.search > li > a"


def load_queries(path: Path = QUERIES) -> dict[str, list[tuple[str, str]]]:
    """``{language: [(query, page), ...]}`` from the data file, in its order."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {lang: list(table.items()) for lang, table in data.items()}


def is_search_for(url: str, root: str, query: str) -> bool:
    """Whether `url` is the search page under `root` showing the results for `query`."""
    parts = urlsplit(url)
    return url.startswith(f"{root}search.html") and parse_qs(parts.query).get("q") == [query]


def ranked_pages(page: Page, root: str, query: str) -> list[str]:
    """Type `query` into the search box of the page open at `root`; the pages found, best first.

    Pages are named as in the data file (``detection/focal-loss``): no ``.html``, no anchor.
    """
    box = page.locator('input[name="q"]').first
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(lambda url: is_search_for(url, root, query), timeout=10_000)
    page.wait_for_function(SEARCH_DONE, timeout=10_000)
    hrefs = page.eval_on_selector_all(RESULTS, "links => links.map((a) => a.href)")
    pages: list[str] = []
    for href in hrefs:
        name = href.split("#")[0].removeprefix(root).removesuffix(".html")
        if name not in pages:
            pages.append(name)
    return pages


@dataclass
class Outcome:
    """The results of one language's queries."""

    lang: str
    ranks: list[tuple[str, str, int | None, list[str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # console errors, failed requests

    def rate(self, top: int) -> float:
        hits = sum(1 for _, _, rank, _ in self.ranks if rank is not None and rank < top)
        return hits / len(self.ranks) if self.ranks else 0.0

    def misses(self, top: int) -> list[str]:
        return [
            f"{self.lang}: {query!r} -> {want} at "
            f"{'no place' if rank is None else f'place {rank + 1}'}; first: {found[:TOP]}"
            for query, want, rank, found in self.ranks
            if rank is None or rank >= top
        ]


def run_language(browser: Browser, base_url: str, lang: str,
                 queries: list[tuple[str, str]]) -> Outcome:  # fmt: skip
    """Type every query of `lang` into its site's search page; where each page came."""
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    root = urljoin(base_url, f"{lang}/")
    page.goto(f"{root}search.html", wait_until="load")
    outcome = Outcome(lang)
    for query, want in queries:
        found = ranked_pages(page, root, query)
        rank = found.index(want) if want in found else None
        outcome.ranks.append((query, want, rank, found))
        outcome.problems += [f"{lang}: search {query!r}: {p}" for p in recorder.take()]
    context.close()
    return outcome


def table(outcomes: list[Outcome]) -> str:
    """The rates as a Markdown table, one row a language."""
    rows = ["| language | queries | top 1 | top 3 |", "|---|---|---|---|"]
    for o in outcomes:
        rows.append(f"| {o.lang} | {len(o.ranks)} | {o.rate(1):.0%} | {o.rate(TOP):.0%} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from .chromium import launch
    from .server import serve

    parser = argparse.ArgumentParser(prog="python -m tests.browser.relevance")
    parser.add_argument("langs", nargs="*", help="languages to run (default: all in the file)")
    parser.add_argument("-v", "--verbose", action="store_true", help="every query's rank")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="another data file")
    args = parser.parse_args(argv)
    root = Path(os.environ.get("LOSSDOCS_HTML", Path(__file__).parents[2] / "docs/_build/html"))
    queries = load_queries(args.queries)
    outcomes = []
    with serve(root) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang in args.langs or queries:
            if not (root / lang / "search.html").is_file():
                print(f"{lang}: not built in {root}", file=sys.stderr)
                continue
            outcomes.append(run_language(browser, base_url, lang, queries[lang]))
        browser.close()
    for o in outcomes:
        if args.verbose:
            for query, want, rank, found in o.ranks:
                place = "-" if rank is None else rank + 1
                print(f"{o.lang}\t{place}\t{query}\t{want}\t{found[:TOP]}")
        for line in o.misses(1) + o.problems:
            print(line)
    print(table(outcomes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
