"""Tests of the checker itself, on tiny sites made here: it must see each problem.

The external script of the fake site is aborted by route interception before it
is sent (the browser reports ``ERR_BLOCKED_BY_CLIENT``, not a DNS failure).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser

from . import themes
from .crawl import crawl
from .server import serve
from .themes import MIN_CONTRAST, capture, contrast, figure_pages

DARK = [19, 20, 22]  # furo's dark background, #131416
HEAD = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>
<style>body {{ background: #fff }}
@media (prefers-color-scheme: dark) {{ body {{ background: #131416; color: #ddd }} }}
</style></head><body>"""


def write(root: Path, path: str, body: str, lang: str = "en") -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(HEAD.format(lang=lang) + body + "</body></html>", encoding="utf-8")


def ink_figure(ink: tuple[int, int, int, int]) -> bytes:
    """A 200x100 transparent PNG with a thick line and a box drawn in `ink`."""
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(10, 90), (190, 10)], fill=ink, width=4)
    draw.rectangle([5, 5, 195, 95], outline=ink, width=2)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    """Three English pages (one missing) and two Chinese ones, with each kind of problem."""
    write(tmp_path, "en/index.html", """
      <p><a class="language-switch-link" hreflang="zh-CN" href="../zh_CN/other.html">中文</a></p>
      <img src="missing.png" alt="gone">
      <p>A formula left raw: $$ \\frac{a}{b} $$</p>
      <p><a href="page2.html">next</a> <a href="nowhere.html">broken</a>
         <a href="_downloads/missing.py">download</a> <a href="https://example.com/">out</a></p>
      <details class="sd-dropdown"><summary>Empty dropdown</summary></details>
      <details class="sd-dropdown"><summary>Good dropdown</summary><div>shown</div></details>
      <details class="sd-dropdown"><summary onclick="event.preventDefault()">Stuck</summary>
        <div>never shown</div></details>
    """)  # fmt: skip
    write(tmp_path, "en/page2.html", """
      <p><a class="language-switch-link" hreflang="zh-CN" href="../zh_CN/page2.html">中文</a></p>
      <script src="https://example.com/x.js"></script>
      <script>console.error("boom"); throw new Error("kaboom");</script>
      <p><math style="display: none"><mi>x</mi></math></p>
    """, lang="zh-CN")  # fmt: skip
    write(tmp_path, "zh_CN/index.html", "<p>没有切换链接</p>", lang="zh-CN")
    write(tmp_path, "zh_CN/page2.html", "<p>第二页</p>", lang="zh-CN")
    return tmp_path


def test_checker_reports_each_problem(browser: Browser, broken_site: Path) -> None:
    failures: dict[str, str | None] = {}
    with serve(broken_site) as base:
        context = browser.new_context()
        context.on("requestfailed", lambda request: failures.update({request.url: request.failure}))
        result = crawl(context, base, "en", ["en", "zh_CN"])
        context.close()
        zh = browser.new_context()
        zh_result = crawl(zh, base, "zh_CN", ["en", "zh_CN"])
        zh.close()
    problems = "\n".join(result.problems)
    expected = [
        f"en/index.html: HTTP 404: {base}en/missing.png",
        "en/index.html: image not decoded: missing.png",
        "en/index.html: raw TeX in the text: ",
        f"en/index.html: the link to zh_CN leads to {base}zh_CN/other.html, "
        f"not {base}zh_CN/index.html",
        "en/index.html: dropdown 'Empty dropdown' opens but shows no content",
        "en/index.html: dropdown 'Stuck' does not open on a click",
        f"en/nowhere.html (linked from index.html): HTTP 404: {base}en/nowhere.html",
        f"en/index.html: link to {base}en/_downloads/missing.py answers HTTP 404",
        "en/page2.html: request leaving 127.0.0.1 (blocked): https://example.com/x.js",
        "en/page2.html: console error: boom",
        "en/page2.html: uncaught exception: kaboom",
        "en/page2.html: formula with an empty box: x",
        "en/page2.html: <html lang='zh-CN'> in the en folder",
    ]
    missing = [line for line in expected if line not in problems]
    assert not missing, f"not reported: {missing}\nreported:\n{problems}"
    assert "Failed to load resource" not in problems  # reported once, as a request
    assert "Good dropdown" not in problems
    assert "example.com/'" not in problems  # a link out is never followed
    assert sorted(result.pages) == ["index.html", "nowhere.html", "page2.html"]
    # Aborted by the route before it was sent: blocked by the client, not unresolved.
    assert failures["https://example.com/x.js"].startswith("net::ERR_BLOCKED_BY_CLIENT")
    assert zh_result.problems == ["zh_CN/index.html: no language switch link to en"]


def test_checker_passes_a_clean_site(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "en" / "_images").mkdir(parents=True)
    (tmp_path / "en" / "_images" / "fig.png").write_bytes(ink_figure((0, 0, 0, 255)))
    switch = '<a class="language-switch-link" href="../{0}/{1}">{0}</a>'
    write(tmp_path, "en/index.html", switch.format("zh_CN", "index.html") + """
      <p><a href="sub/other.html#part">other</a> <a href="_images/fig.png">the figure</a></p>
      <img src="_images/fig.png" alt="figure">
      <p>TeX in code is fine: <code>$$ \\frac{a}{b} $$</code></p>
      <details class="sd-dropdown"><summary>More</summary><div>content</div></details>
    """)  # fmt: skip
    write(tmp_path, "en/sub/other.html", switch.format("../zh_CN", "sub/other.html")
          + '<p id="part"><a href="../index.html">back</a></p>')  # fmt: skip
    write(tmp_path, "zh_CN/index.html", switch.format("en", "index.html"), lang="zh-CN")
    write(tmp_path, "zh_CN/sub/other.html", "<p>另一页</p>", lang="zh-CN")
    with serve(tmp_path) as base:
        context = browser.new_context()
        result = crawl(context, base, "en", ["en", "zh_CN"])  # clicks through at each depth
        context.close()
    assert result.problems == []
    assert sorted(result.pages) == ["index.html", "sub/other.html"]
    assert result.figures() == {"index.html": ["_images/fig.png"]}
    assert result.pages["index.html"].dropdowns == 1


def test_contrast_tells_ink_that_vanishes_on_dark() -> None:
    def on(background: list[int], ink: tuple[int, int, int, int]) -> float:
        canvas = Image.new("RGBA", (200, 100), (*background, 255))
        canvas.alpha_composite(Image.open(io.BytesIO(ink_figure(ink))))
        return contrast(canvas, background)[1]

    assert on(DARK, (0, 0, 0, 255)) < MIN_CONTRAST  # black lines on furo's dark page
    assert on([255, 255, 255], (0, 0, 0, 255)) > MIN_CONTRAST  # the same, on white
    assert on(DARK, (230, 230, 230, 255)) > MIN_CONTRAST  # light lines on dark
    white = Image.new("RGB", (50, 50), (255, 255, 255))
    assert contrast(white, DARK) == (236.0, 236.0)  # an opaque white figure: |255 - 19|


def test_figure_pages_keeps_figures_and_covers_thumbnails() -> None:
    figures = {
        "api/a.html": ["../_images/x_thumb.png"],
        "gallery/index.html": ["../_images/x_thumb.png", "../_images/y_thumb.png"],
        "gallery/x.html": ["../_images/x_001.png"],
        "q.html": ["_images/x_001.png", "_images/y_thumb.png"],
    }
    assert figure_pages(figures) == ["gallery/index.html", "gallery/x.html", "q.html"]


@pytest.mark.parametrize("full_page", [False, True])
def test_capture_flags_a_figure_invisible_in_dark_mode(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_page: bool
) -> None:
    # The figure alone, or cut out of a full-page screenshot (LOSSDOCS_SCREENSHOTS=full).
    monkeypatch.setattr(themes, "FULL_PAGE", full_page)
    site, shots = tmp_path / "site", tmp_path / "shots"
    (site / "en" / "_images").mkdir(parents=True)
    (site / "en" / "_images" / "black.png").write_bytes(ink_figure((0, 0, 0, 255)))
    write(site, "en/index.html", '<p>Text above.</p><img src="_images/black.png" alt="black ink">')
    with serve(site) as base:
        problems = capture(browser, base, "en", ["index.html"], shots)
    assert len(problems) == 1
    assert problems[0].startswith("en/index.html (dark): figure _images/black.png barely visible")
    written = sorted(p.relative_to(shots).as_posix() for p in shots.rglob("*.jpg"))
    assert written == (["en/dark/index.jpg", "en/light/index.jpg"] if full_page else [])
