"""The search page: the relevance suite, and summaries under results opened from disk.

The relevance suite (``search_queries.toml``, run by ``relevance.py``) must put the
page each query names first for at least 90 % of its queries, and among the first
three for all of them, in every built language; the rates are printed at the end of
the run. Opened from ``file://`` (as the README suggests), where the browser blocks
the fetch Sphinx uses for summaries, every result must still show its summary.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route

from .relevance import SEARCH_DONE, TOP, load_queries, run_language
from .report import SUMMARY, record

TOP1_TARGET = 0.9
TOP3_TARGET = 1.0
FROM_DISK = {"en": "focal loss", "zh_CN": "KL散度"}  # a query with several results


@pytest.fixture(scope="module")
def queries() -> dict[str, list[tuple[str, str]]]:
    return load_queries()


def test_relevance(browser: Browser, base_url: str, lang: str, queries) -> None:
    if lang not in queries:
        pytest.fail(f"{lang} is built but has no queries in search_queries.toml")
    outcome = run_language(browser, base_url, lang, queries[lang])
    top1, top3 = outcome.rate(1), outcome.rate(TOP)
    SUMMARY.searches += len(outcome.ranks)
    SUMMARY.relevance[lang] = (len(outcome.ranks), top1, top3)
    problems = list(outcome.problems)
    if top1 < TOP1_TARGET:
        problems.append(f"{lang}: top 1 {top1:.0%} < {TOP1_TARGET:.0%}")
        problems += outcome.misses(1)
    if top3 < TOP3_TARGET:
        problems += outcome.misses(TOP)
    assert not problems, record(problems)


def test_summaries_from_disk(browser: Browser, html_root: Path, lang: str) -> None:
    """Over file:// (no fetch possible) each result shows its page's summary."""
    context = browser.new_context()
    problems: list[str] = []

    def block(route: Route) -> None:  # nothing may leave the machine
        problems.append(f"request to the network: {route.request.url}")
        route.abort()

    context.route(re.compile(r"^https?://"), block)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)  # fmt: skip
    query = FROM_DISK[lang]
    page.goto((html_root / lang / "index.html").as_uri())
    box = page.locator('input[name="q"]').first
    box.fill(query)
    box.press("Enter")
    page.wait_for_function(SEARCH_DONE, timeout=10_000)
    items = page.eval_on_selector_all(
        "#search-results ul.search > li",
        """items => items.map((li) => ({
          href: li.querySelector("a").getAttribute("href"),
          descr: li.querySelector(":scope > span") !== null,
          summary: (li.querySelector(":scope > p.context") || {}).textContent || "",
        }))""",
    )
    context.close()
    if len(items) < TOP:
        problems.append(f"{lang}: {query!r} from disk lists {len(items)} results")
    problems += [
        f"{lang}: {query!r} from disk: no summary under {item['href']}"
        for item in items
        if not item["descr"] and len(item["summary"].strip()) < 20
    ]
    assert not problems, record(problems)
