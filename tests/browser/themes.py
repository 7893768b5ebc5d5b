"""Light and dark mode: full-page screenshots of the pages with figures, and figure contrast.

furo follows the reader's ``prefers-color-scheme`` until they pick a theme (then
``localStorage.theme`` and ``<body data-theme>``): with the scheme emulated as
dark, a page looks as it does on a first visit from a dark desktop. Each page is
loaded once and shown in each scheme in turn (furo's CSS follows the media query
live). In each scheme:

- the page background must be of that scheme (light or dark), else the capture
  would prove nothing;
- each figure (an ``<img>`` under ``_images/``) is screenshotted where it sits on
  the page and compared with the colour behind it: :func:`contrast` must reach
  :data:`MIN_CONTRAST`, or the figure is (nearly) invisible in that scheme;
- with ``LOSSDOCS_SCREENSHOTS=full`` in the environment, a full-page screenshot
  also goes to ``<out>/<lang>/<scheme>/<page>.jpg`` for a person to look at, and
  the figures are cut out of it. Those pages run to 16,000 pixels high, and
  taking them was a fifth of the browser suite's time: CI takes the figures only.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import urljoin

import numpy as np
from PIL import Image
from playwright.sync_api import Browser, Page

from .checks import PREPARE
from .chromium import Recorder

__all__ = ["FULL_PAGE", "MIN_CONTRAST", "SCHEMES", "VIEWPORT", "capture", "contrast",
           "figure_pages"]  # fmt: skip

SCHEMES = ("light", "dark")
VIEWPORT = {"width": 1280, "height": 900}  # wide enough for furo's sidebar (>= 67em)
MAX_HEIGHT = 16_000  # Chromium's largest screenshot is 16384 pixels high
JPEG_QUALITY = 90  # a tall page: 0.2 s to encode, against 0.7 s as PNG
# 99th percentile of |pixel - background| (0-255, largest channel): black ink on furo's
# dark background (#131416) scores about 20; a white matplotlib figure on it about 236.
MIN_CONTRAST = 64.0
FULL_PAGE = os.environ.get("LOSSDOCS_SCREENSHOTS") == "full"

# The colour drawn behind an element: its own or its first ancestor's opaque background.
BACKGROUND = """(el) => {
  for (let node = el; node; node = node.parentElement) {
    const m = getComputedStyle(node).backgroundColor.match(/[\\d.]+/g);
    if (m && (m.length < 4 || Number(m[3]) > 0.5)) return m.slice(0, 3).map(Number);
  }
  return [255, 255, 255];
}"""
# Where each visible figure is on the full page, and the colour behind it.
FIGURES = f"""() => [...document.querySelectorAll('img[src*="_images/"]')]
  .filter((img) => img.checkVisibility() && img.getBoundingClientRect().width > 0)
  .map((img) => {{
    const box = img.getBoundingClientRect();
    return {{src: img.getAttribute("src"), background: ({BACKGROUND})(img),
             box: [box.left + scrollX, box.top + scrollY, box.right + scrollX,
                   box.bottom + scrollY]}};
  }})"""


def contrast(
    image: Image.Image, background: tuple[int, int, int] | list[int]
) -> tuple[float, float]:
    """(mean, 99th percentile) of how far the pixels are from `background`, 0-255.

    Per pixel, the largest of the three channel differences. The mean says how
    much of the area differs; the percentile, how visible the figure's most
    visible part (its lines and text) is, however thin.
    """
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    diff = np.abs(pixels - np.asarray(background, dtype=np.int16)).max(axis=2)
    return float(diff.mean()), float(np.percentile(diff, 99))


def figure_pages(figures: dict[str, list[str]]) -> list[str]:
    """The pages to capture, from {page: the src of its figures}, in the given order.

    Every page with a figure that is not a gallery thumbnail, plus as few pages as
    cover the thumbnails (the gallery's index, rather than every API page that
    shows a few of them).
    """

    def names(page: str, thumbs: bool) -> set[str]:
        return {src.rsplit("/", 1)[-1] for src in figures[page] if ("_thumb." in src) == thumbs}

    chosen = {page for page in figures if names(page, thumbs=False)}
    left = set().union(*(names(page, thumbs=True) for page in figures))
    while left:
        best = max(figures, key=lambda page: len(left & names(page, thumbs=True)))
        chosen.add(best)
        left -= names(best, thumbs=True)
    return [page for page in figures if page in chosen]


def _is_dark(rgb: list[int]) -> bool:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128


def _shot_name(path: str) -> str:
    """``api/regression.html`` -> ``api--regression.jpg``."""
    return path.removesuffix(".html").replace("/", "--") + ".jpg"


def _figure_shot(page: Page, box: tuple[int, ...], shot: Image.Image | None) -> Image.Image:
    """The pixels of the page inside `box`: cut out of the full-page `shot` if taken."""
    if shot is not None:
        return shot.crop(box)
    clip = {"x": box[0], "y": box[1], "width": box[2] - box[0], "height": box[3] - box[1]}
    return Image.open(io.BytesIO(page.screenshot(clip=clip, full_page=True)))


def capture(browser: Browser, base: str, lang: str, paths: list[str], out: Path) -> list[str]:
    """Screenshot `paths` of language `lang` in both schemes; return the problems."""
    for scheme in SCHEMES:
        (out / lang / scheme).mkdir(parents=True, exist_ok=True)
        for old in (out / lang / scheme).glob("*.jpg"):
            old.unlink()
    problems = []
    context = browser.new_context(color_scheme=SCHEMES[0], viewport=VIEWPORT)
    recorder = Recorder(context)
    page = context.new_page()
    for path in paths:
        page.set_viewport_size(VIEWPORT)
        page.goto(urljoin(base, f"{lang}/{path}"), wait_until="load")
        page.evaluate(PREPARE)
        if FULL_PAGE:
            # A window as tall as the page: furo's sidebar is one window high, and a
            # full-page screenshot of a short window would cut it off.
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": VIEWPORT["width"], "height": min(height, MAX_HEIGHT)})
        for scheme in SCHEMES:
            where = f"{lang}/{path} ({scheme})"
            page.emulate_media(color_scheme=scheme)
            if _is_dark(page.locator("body").evaluate(BACKGROUND)) != (scheme == "dark"):
                problems.append(f"{where}: the page background is not {scheme}")
            shot = None
            if FULL_PAGE:
                name = out / lang / scheme / _shot_name(path)
                jpeg = page.screenshot(path=name, full_page=True, type="jpeg", quality=JPEG_QUALITY)
                shot = Image.open(io.BytesIO(jpeg))
            for figure in page.evaluate(FIGURES):
                box = tuple(round(v) for v in figure["box"])
                mean, ink = contrast(_figure_shot(page, box, shot), figure["background"])
                if ink < MIN_CONTRAST:
                    problems.append(f"{where}: figure {figure['src']} barely visible on its "
                                    f"background (contrast {ink:.0f} < {MIN_CONTRAST:.0f}, "
                                    f"mean {mean:.0f})")  # fmt: skip
        problems += [f"{lang}/{path}: {problem}" for problem in recorder.take()]
    context.close()
    return problems
