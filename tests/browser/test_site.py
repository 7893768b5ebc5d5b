"""The built site as a reader meets it, in every built language (``nox -s browser``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .chromium import Recorder
from .crawl import ASSET_DIRS
from .relevance import SEARCH_DONE, is_search_for
from .report import SCREENSHOTS, SUMMARY, record
from .themes import FULL_PAGE, capture, figure_pages

# (language, query, pages that must be among the results). The Chinese queries need
# the user dictionary (交叉熵 is one word) and zh_search.js (an unspaced query is split
# against the index's terms): see docs/_ext/zh_search.py.
SEARCHES = [
    ("en", "focal", {"detection/focal-loss.html"}),
    ("zh_CN", "交叉熵", {"classification/ce-and-mle.html", "classification/why-log.html"}),
    ("zh_CN", "交叉熵损失", {"classification/ce-and-mle.html"}),
    ("en", "reparameterisation", {"generative/vae.html"}),
    ("en", "Lipschitz", {"generative/gan.html"}),
    ("en", "min-SNR", {"generative/diffusion.html"}),
    ("zh_CN", "重参数化技巧", {"generative/vae.html"}),
    ("zh_CN", "生成对抗网络", {"generative/gan.html"}),
    ("zh_CN", "信噪比", {"generative/diffusion.html"}),
    ("en", "ctc", {"sequence/ctc.html"}),
    ("en", "blank", {"sequence/ctc.html"}),
    ("en", "alignment", {"sequence/ctc.html"}),
    ("zh_CN", "连接时序分类", {"sequence/ctc.html"}),
    ("zh_CN", "空白符", {"sequence/ctc.html"}),
    ("zh_CN", "前向算法", {"sequence/ctc.html"}),
    ("en", "Bradley-Terry", {"alignment/reward-model.html"}),
    ("en", "GRPO", {"alignment/ppo-grpo.html"}),
    ("zh_CN", "奖励模型", {"alignment/reward-model.html"}),
    ("zh_CN", "直接偏好优化", {"alignment/dpo.html"}),
]


def test_root_index_sends_readers_to_english(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_url(urljoin(base_url, "en/index.html"))
    problems = recorder.take()
    context.close()
    assert not problems, record(problems)


def test_every_page(crawls, html_root: Path, lang: str) -> None:
    """Every page loads and shows cleanly, and links reach every HTML page of the build."""
    result = crawls(lang)
    folder = html_root / lang
    built = {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")}
    built = {p for p in built if p.split("/", 1)[0] not in ASSET_DIRS}
    unreached = [f"{lang}/{p}: no link leads here from {lang}/index.html"
                 for p in sorted(built - set(result.pages))]  # fmt: skip
    problems = result.problems + unreached
    assert not problems, record(problems)


@pytest.mark.parametrize(("search_lang", "query", "expected"), SEARCHES)
def test_search(browser: Browser, base_url: str, languages: list[str],
                search_lang: str, query: str, expected: set[str]) -> None:  # fmt: skip
    if search_lang not in languages:
        pytest.skip(f"{search_lang} is not built")
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    root = urljoin(base_url, f"{search_lang}/")
    # As a reader: type the query into the sidebar's search box on the index, press Enter.
    page.goto(f"{root}index.html", wait_until="load")
    box = page.locator('input[name="q"]').first
    box.fill(query)
    box.press("Enter")
    problems = []
    try:
        page.wait_for_url(lambda url: is_search_for(url, root, query), timeout=10_000)
        page.wait_for_function(SEARCH_DONE, timeout=10_000)
    except PlaywrightTimeout:
        problems.append(f"{search_lang}: search for {query!r} never finished ({page.url})")
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map((a) => a.href)"
    )
    found = {href.split("#")[0].removeprefix(root) for href in hrefs}
    problems += [f"{search_lang}: {query!r} does not list {page_}" for page_ in
                 sorted(expected - found)]  # fmt: skip
    problems += [f"{search_lang}: search {query!r}: {p}" for p in recorder.take()]
    context.close()
    SUMMARY.searches += 1
    assert not problems, record(problems) + f"\nlisted: {sorted(found)}"


def test_figures_in_light_and_dark(browser: Browser, base_url: str, crawls, lang: str) -> None:
    """The pages with figures in both schemes: figures visible in each (themes.py)."""
    paths = figure_pages(crawls(lang).figures())
    assert paths, f"{lang}: no page with a figure found"
    problems = capture(browser, base_url, lang, paths, SCREENSHOTS)
    SUMMARY.shots += 2 * len(paths) if FULL_PAGE else 0  # else only the figures
    assert not problems, record(problems)


def test_a_chinese_figure_is_drawn_in_chinese(browser: Browser, base_url: str,
                                              languages: list[str]) -> None:  # fmt: skip
    """The focal-loss figure as a reader sees it: the Chinese page shows other pixels."""
    from io import BytesIO

    from PIL import Image, ImageChops

    if "zh_CN" not in languages:
        pytest.skip("zh_CN is not built")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    shots, sources = {}, {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh_CN"):
        page.goto(urljoin(base_url, f"{lang}/auto_gallery/plot_focal_loss.html"), wait_until="load")
        figure = page.locator("img.sphx-glr-single-img").first
        figure.scroll_into_view_if_needed()
        sources[lang] = figure.get_attribute("src")
        natural = figure.evaluate("(img) => [img.complete, img.naturalWidth]")
        assert natural == [True, 800], (lang, natural)
        shots[lang] = Image.open(BytesIO(figure.screenshot())).convert("L")
        shots[lang].save(SCREENSHOTS / f"figure-plot_focal_loss-{lang}.png")
    context.close()
    assert sources["zh_CN"].endswith(".zh_CN.png") and not sources["en"].endswith(".zh_CN.png")
    assert shots["en"].size == shots["zh_CN"].size
    # The curves are the same; the words differ: titles, labels, legend, annotation.
    diff = ImageChops.difference(shots["en"], shots["zh_CN"]).point(lambda v: 255 if v > 64 else 0)
    changed = sum(diff.histogram()[255:]) / (diff.width * diff.height)
    assert 0.005 < changed < 0.2, f"{changed:.3%} of the pixels differ"


# Each table's width and the width of the column it sits in.
TABLE_WIDTHS = """(tables) => tables.map(
  (t) => [t.scrollWidth, (t.closest('.table-wrapper') || t.parentElement).clientWidth])"""


def test_averaging_table_fits_800_pixels(browser: Browser, base_url: str,
                                         languages: list[str]) -> None:  # fmt: skip
    """The tables of "What exactly is averaged?" need no sideways scroll at 800 px: their
    cells name divisors in words that wrap (lossdocs/rosetta.py, SHORT), not code spans,
    and TRL's calls have a table of their own (a sixth column does not fit)."""
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    widths = {}
    for lang in languages:
        page.goto(urljoin(base_url, f"{lang}/averaging.html"), wait_until="load")
        widths[lang] = page.eval_on_selector_all("article table", TABLE_WIDTHS)
    context.close()
    assert all(len(found) == 2 for found in widths.values()), widths  # both tables
    assert all(table <= room for found in widths.values() for table, room in found), widths
