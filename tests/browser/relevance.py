"""The relevance suite of the site search: queries, and the page that must come first.

The queries and their pages are data, in ``search_queries.toml`` (its header says how
to add one). The built site's search page is opened once per language in headless
Chromium, and each query is run by the page's own search code (Sphinx's
``Search._parseQuery`` and ``Search._performSearch``, with the site's ranking and Chinese
splitting wrapped around them), in the order the page would list the results; a page
listed twice (two sections of one page) counts once, at its best place. Loading the
search page again for every query, as typing it would, cost 0.5 s a query; so only the
first :data:`TYPED` queries of a language are also typed into the search box, with
Enter pressed, and must list the same pages in the same order. ``test_search.py`` runs
it in ``nox -s browser``; to print the rates and the misses of the build in
``docs/_build/html`` (or ``LOSSDOCS_HTML``):

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
    "ranked_in_page",
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
TYPED = 5  # queries of each language also typed into the search box, as a reader does
# The pages a query lists, best first, computed as Search.query does before it displays
# them (from the end of the list: best last).
RANK_IN_PAGE = """(query) => {
  const [searchQuery, terms, excluded, highlight, objects] = Search._parseQuery(query);
  return Search._performSearch(searchQuery, terms, excluded, highlight, objects)
    .map((result) => result[0]).reverse();
}"""
INDEX_LOADED = "() => typeof Search !== 'undefined' && Search.hasIndex()"


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
    return _once([href.split("#")[0].removeprefix(root).removesuffix(".html") for href in hrefs])


def ranked_in_page(page: Page, query: str) -> list[str]:
    """The pages `query` lists on the search page open in `page`, best first, untyped."""
    return _once(page.evaluate(RANK_IN_PAGE, query))


def _once(pages: list[str]) -> list[str]:
    """Each page at its first (best) place."""
    return list(dict.fromkeys(pages))


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
    page.wait_for_function(INDEX_LOADED, timeout=10_000)
    outcome = Outcome(lang)
    for query, want in queries:
        found = ranked_in_page(page, query)
        rank = found.index(want) if want in found else None
        outcome.ranks.append((query, want, rank, found))
    for query, _, _, found in outcome.ranks[:TYPED]:
        typed = ranked_pages(page, root, query)
        if typed != found:
            outcome.problems.append(f"{lang}: {query!r} typed lists {typed[:TOP]}, "
                                    f"computed in the page {found[:TOP]}")  # fmt: skip
    outcome.problems += [f"{lang}: search: {p}" for p in recorder.take()]
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
