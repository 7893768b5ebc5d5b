"""Crawl one language of the built site from its index, checking every page on the way.

The crawl follows the internal links that stay inside the language's folder and
lead to an HTML page; the assets under ``_downloads``, ``_sources``, ``_images``
and ``_static``, and any other link on the site that is not such a page, are not
crawled but fetched once each (they must answer 200). External links (``https:``
in the footer) are never followed.

Every page must load with no problem that :class:`chromium.Recorder` records
(console error, failed request, HTTP error, request leaving 127.0.0.1) and none
that :func:`checks.check_page` finds, and must declare its folder's language
(``<html lang="zh-CN">`` in ``zh_CN/``). With more than one language built, every
page must link to the same page in each other language (``a.language-switch-link``);
on the first page of each folder depth the link is also clicked, and must land
there.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from playwright.sync_api import BrowserContext, Page

from .checks import Found, check_page
from .chromium import Recorder

__all__ = ["ASSET_DIRS", "Crawl", "built_languages", "crawl"]

ASSET_DIRS = ("_downloads", "_sources", "_images", "_static")


@dataclass
class Crawl:
    """The result of crawling one language."""

    lang: str
    pages: dict[str, Found] = field(default_factory=dict)  # path in the language -> found
    assets: dict[str, str] = field(default_factory=dict)  # URL -> first page linking it
    problems: list[str] = field(default_factory=list)  # "<lang>/<page>: <problem>"

    def figures(self) -> dict[str, list[str]]:
        """{page: the src of its figures}, for the pages with figures, in crawl order."""
        return {path: found.figures for path, found in self.pages.items() if found.figures}


def built_languages(names: list[str]) -> list[str]:
    """English first, then the other languages in name order."""
    return sorted(names, key=lambda name: (name != "en", name))


def _page_path(url: str, root: str) -> str | None:
    """The page's path inside the language root, or None if `url` is no page to crawl."""
    url = urldefrag(url).url.split("?", 1)[0]
    if not url.startswith(root):
        return None
    path = url[len(root) :]
    if path == "" or path.endswith("/"):
        path += "index.html"
    if path.split("/", 1)[0] in ASSET_DIRS or not path.endswith(".html"):
        return None
    return path


def _switch_problems(page: Page, found: Found, base: str, lang: str, path: str,
                     others: list[str], click: bool) -> list[str]:  # fmt: skip
    problems = []
    for other in others:
        expected = urljoin(base, f"{other}/{path}")
        hrefs = [(i, urldefrag(s["href"]).url) for i, s in enumerate(found.switches)
                 if s["href"].startswith(urljoin(base, f"{other}/"))]  # fmt: skip
        if not hrefs:
            problems.append(f"no language switch link to {other}")
            continue
        index, href = hrefs[0]
        if href != expected:
            problems.append(f"the link to {other} leads to {href}, not {expected}")
        elif click:
            page.locator("a.language-switch-link").nth(index).click()
            page.wait_for_load_state("load")
            html_lang = page.evaluate("document.documentElement.lang")
            if page.url != expected or html_lang.replace("-", "_") != other:
                problems.append(f"clicking the link to {other} lands on {page.url} "
                                f"(lang={html_lang!r}), not {expected}")  # fmt: skip
            page.go_back(wait_until="load")
    return problems


def crawl(context: BrowserContext, base: str, lang: str, languages: list[str],
          seeds: tuple[str, ...] = ("index.html",)) -> Crawl:  # fmt: skip
    """Crawl and check language `lang` of the site served at `base`, from `seeds`."""
    recorder = Recorder(context)
    page = context.new_page()
    root = urljoin(base, f"{lang}/")
    others = [other for other in languages if other != lang]
    result = Crawl(lang)
    queue = deque(seeds)
    referrers = dict.fromkeys(seeds, "")  # page -> the first page linking to it
    clicked_depths: set[int] = set()
    while queue:
        path = queue.popleft()
        response = page.goto(root + path, wait_until="load")
        found = Found() if response is None or not response.ok else check_page(page)
        depth = path.count("/")
        click = bool(others) and depth not in clicked_depths
        clicked_depths.add(depth)
        if response is not None and response.ok:
            if found.lang.replace("-", "_") != lang:
                found.problems.append(f"<html lang={found.lang!r}> in the {lang} folder")
            found.problems += _switch_problems(page, found, base, lang, path, others, click)
        problems = recorder.take() + found.problems
        result.pages[path] = found
        where = f"{lang}/{path}"
        if response is None or not response.ok:
            where += f" (linked from {referrers[path]})"
        result.problems += [f"{where}: {problem}" for problem in problems]
        for link in found.links:
            target = _page_path(link, root)
            if target is None:
                url = urldefrag(link).url
                if urlsplit(url).netloc == urlsplit(base).netloc and url not in result.assets:
                    result.assets[url] = path
            elif target not in referrers:
                referrers[target] = path
                queue.append(target)
    for url, referrer in result.assets.items():
        status = context.request.get(url).status
        if status != 200:
            result.problems.append(f"{lang}/{referrer}: link to {url} answers HTTP {status}")
    page.close()
    return result
