"""The ``{lossplot}`` widgets as a reader uses them: sliders moved, lines read back.

For each widget of tests/lossplot_cases.py, in every built language: every slider
is moved with the keyboard (focus, ArrowRight, End) and with the pointer (a click
on its track), and after each move the drawn lines are read back from the SVG
(their points are in data units) and compared with lossdocs' values at the
slider's new grid point, to 1e-9. The readout of a hovered point, the page with
JavaScript off (the gallery figure stays, the widget stays hidden), the page
opened from ``file://``, and a phone-width view in both schemes, reached by
narrowing the window (the plots redraw to fit; screenshots in
``docs/_build/screenshots/<lang>/phone-<scheme>/``, no sideways overflow) are
checked too. Offline and console errors: the context's :class:`Recorder`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import numpy as np
import pytest
from lossplot_cases import CASES, TOLERANCE, disagreement
from playwright.sync_api import Browser, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .chromium import Recorder
from .report import SCREENSHOTS, SUMMARY, record
from .themes import SCHEMES, VIEWPORT

PHONE = {"width": 390, "height": 844}
# The drawn lines: [[x, y] pairs] per curve, from the points attribute as written.
LINES = """(figure) => [...figure.querySelectorAll("polyline.lossplot-line")].map(
  (line) => line.getAttribute("points").trim().split(/\\s+/).map((p) => p.split(",")))"""
# Every plot drawn for its current width (its viewBox is its size in pixels).
FITS = """() => [...document.querySelectorAll("svg.lossplot-plot")].every((svg) =>
  svg.viewBox.baseVal.width === Math.max(240, Math.round(svg.getBoundingClientRect().width)))"""
DATA = """(figure) => JSON.parse(figure.querySelector("script.lossplot-data").textContent)"""


def _drawn_problems(figure: Locator, case, where: str) -> list[str]:
    """Compare the drawn lines with lossdocs at the sliders' current grid point."""
    data = figure.evaluate(DATA)
    params = {}
    for i, spec in enumerate(data["params"]):
        index = int(figure.locator(f'input[data-param="{i}"]').input_value())
        params[spec["name"]] = spec["values"][index]
    lines = [np.array(line, dtype=float) for line in figure.evaluate(LINES)]
    if len(lines) != len(data["curves"]):
        return [f"{where}: {len(lines)} lines drawn for {len(data['curves'])} curves"]
    problems = []
    expected = case(lines[0][:, 0], params)
    for c, (line, values) in enumerate(zip(lines, expected, strict=True)):
        if not np.array_equal(line[:, 0], np.array(data["x"], dtype=float)):
            problems.append(f"{where}: curve {c} is not drawn at the page's x values")
        gap = disagreement(line[:, 1], values)
        if not gap <= TOLERANCE:
            problems.append(f"{where}: curve {c} at {params} differs from lossdocs by {gap:.2e}")
    return problems


def _slider_problems(page: Page, figure: Locator, case, where: str) -> list[str]:
    problems = _drawn_problems(figure, case, f"{where} (as loaded)")
    sliders = figure.locator('input[type="range"]')
    for i in range(sliders.count()):
        slider = sliders.nth(i)
        name = figure.evaluate(DATA)["params"][i]["name"]
        last = int(slider.get_attribute("max"))
        # Keyboard: one step right (from the start value), then to the end.
        slider.focus()
        before = int(slider.input_value())
        for key, index in (("ArrowRight", min(before + 1, last)), ("End", last)):
            page.keyboard.press(key)
            now = int(slider.input_value())
            if now != index:
                problems.append(f"{where}: {name} at index {now} after {key}, not {index}")
            problems += _drawn_problems(figure, case, f"{where} ({name}, {key})")
        # Pointer: a click a fifth of the way along the track.
        box = slider.bounding_box()
        page.mouse.click(box["x"] + 0.2 * box["width"], box["y"] + box["height"] / 2)
        clicked = int(slider.input_value())
        if not clicked < last / 2:  # it was at the end
            problems.append(f"{where}: clicking {name}'s track did not move it ({clicked})")
        problems += _drawn_problems(figure, case, f"{where} ({name}, click)")
        shown = figure.locator(f'output[for="{slider.get_attribute("id")}"]').inner_text()
        value = figure.evaluate(DATA)["params"][i]["values"][clicked]
        if float(shown) != value or slider.get_attribute("aria-valuetext") != shown:
            problems.append(f"{where}: {name} shows {shown!r}, its value is {value}")
    return problems


def _readout_problems(page: Page, figure: Locator, where: str) -> list[str]:
    """Hover the plot's middle: a dot per visible curve and a value per curve."""
    plot = figure.locator("svg.lossplot-plot")
    box = plot.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    items = figure.locator(".lossplot-readout span").all_inner_texts()
    curves = len(figure.evaluate(DATA)["curves"])
    if len(items) != curves + 1 or not all("=" in item for item in items):
        return [f"{where}: the readout after hovering is {items}"]
    plot.focus()
    page.keyboard.press("Home")
    first = figure.locator(".lossplot-readout span").first.inner_text()
    x0 = figure.evaluate(DATA)["x"][0]
    if not first.endswith(f"= {x0:g}"):
        return [f"{where}: Home on the plot reads {first!r}, not x = {x0:g}"]
    return []


@pytest.mark.parametrize("path", sorted(CASES))
def test_sliders_redraw_lossdocs_numbers(browser: Browser, base_url: str, languages, path):
    context = browser.new_context(viewport=VIEWPORT)
    recorder = Recorder(context)
    page = context.new_page()
    problems = []
    for lang in languages:
        page.goto(urljoin(base_url, f"{lang}/{path}"), wait_until="load")
        figures = page.locator("figure.lossplot")
        if figures.count() != len(CASES[path]):
            problems.append(f"{lang}/{path}: {figures.count()} widgets, expected "
                            f"{len(CASES[path])}")  # fmt: skip
            continue
        for n, case in enumerate(CASES[path]):
            figure = figures.nth(n)
            where = f"{lang}/{path} widget {n}"
            if not figure.is_visible():
                problems.append(f"{where}: not shown (did the script run?)")
                continue
            figure.scroll_into_view_if_needed()
            problems += _slider_problems(page, figure, case, where)
            problems += _readout_problems(page, figure, where)
        problems += [f"{lang}/{path}: {p}" for p in recorder.take()]
    context.close()
    assert not problems, record(problems)


def test_without_javascript_the_gallery_figure_stays(browser: Browser, base_url: str, languages):
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    page = context.new_page()
    problems = []
    for lang in languages:
        for path in CASES:
            page.goto(urljoin(base_url, f"{lang}/{path}"), wait_until="load")
            if page.locator("figure.lossplot").first.is_visible():
                problems.append(f"{lang}/{path}: a widget shows without JavaScript")
            if path != "classification/ce-design.html":  # its figure is of another topic
                gallery = page.locator('img[src*="_images/sphx_glr_"]').first
                if not gallery.is_visible():
                    problems.append(f"{lang}/{path}: no gallery figure without JavaScript")
    context.close()
    assert not problems, record(problems)


def test_widgets_work_from_file_urls(browser: Browser, html_root: Path, languages):
    """Opened from the disk: no server, so the data must be in the page (no fetch)."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    problems = []
    for lang in languages:
        for path, cases in CASES.items():
            page.goto((html_root / lang / path).as_uri(), wait_until="load")
            for n, case in enumerate(cases):
                figure = page.locator("figure.lossplot").nth(n)
                if not figure.is_visible():
                    problems.append(f"file: {lang}/{path} widget {n}: not shown")
                    continue
                problems += _drawn_problems(figure, case, f"file: {lang}/{path} widget {n}")
    context.close()
    problems += [f"file: console: {e}" for e in errors]
    assert not problems, record(problems)


def test_phone_width_in_both_schemes(browser: Browser, base_url: str, languages):
    """390 px wide: nothing wider than the screen; one screenshot per widget and scheme."""
    problems = []
    for scheme in SCHEMES:
        context = browser.new_context(viewport=PHONE, color_scheme=scheme)
        recorder = Recorder(context)
        page = context.new_page()
        for lang in languages:
            out = SCREENSHOTS / lang / f"phone-{scheme}"
            out.mkdir(parents=True, exist_ok=True)
            for path, cases in CASES.items():
                # Loaded wide, then narrowed, as a window resized: the plots redraw to fit.
                page.set_viewport_size(VIEWPORT)
                page.goto(urljoin(base_url, f"{lang}/{path}"), wait_until="load")
                page.set_viewport_size(PHONE)
                try:
                    page.wait_for_function(FITS, timeout=5_000)
                except PlaywrightTimeout:
                    problems.append(f"{lang}/{path} ({scheme}): not redrawn at phone width")
                wide = page.evaluate("document.documentElement.scrollWidth")
                if wide > PHONE["width"]:
                    problems.append(f"{lang}/{path} ({scheme}): {wide} px wide on a phone")
                for n in range(len(cases)):
                    figure = page.locator("figure.lossplot").nth(n)
                    figure.scroll_into_view_if_needed()
                    inner = figure.evaluate("(f) => f.scrollWidth - f.clientWidth")
                    if inner > 0:
                        problems.append(f"{lang}/{path} widget {n} ({scheme}): overflows "
                                        f"by {inner} px")  # fmt: skip
                    name = path.removesuffix(".html").replace("/", "--") + f"-{n}.png"
                    figure.screenshot(path=out / name)
                    SUMMARY.shots += 1
                problems += [f"{lang}/{path} ({scheme}): {p}" for p in recorder.take()]
        context.close()
    assert not problems, record(problems)
