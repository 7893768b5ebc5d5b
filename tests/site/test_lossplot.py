"""The ``{lossplot}`` widgets of the built site hold lossdocs' numbers, and not too many.

Each widget's data (the JSON in its page) is checked against the same points
computed with lossdocs in tests/lossplot_cases.py, to 1e-9, at every point of
every parameter grid, in every language.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import numpy as np
import pytest
from lossplot_cases import CASES, TOLERANCE, disagreement

LANGUAGES = ("en", "zh_CN")
MAX_BYTES = 100_000  # of data per widget (issue 20)
DATA = re.compile(r'<script type="application/json" class="lossplot-data">(.*?)</script>', re.S)


def widgets(html_root: Path, lang: str) -> dict[str, list[str]]:
    """{page: the JSON text of each widget on it}, for the pages of `lang` that have any."""
    found = {}
    for path in sorted((html_root / lang).rglob("*.html")):
        texts = DATA.findall(path.read_text(encoding="utf-8"))
        if texts:
            found[path.relative_to(html_root / lang).as_posix()] = texts
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_widget_has_its_case_and_is_small(html_root, lang):
    found = widgets(html_root, lang)
    assert {page: len(texts) for page, texts in found.items()} == {
        page: len(cases) for page, cases in CASES.items()
    }
    sizes = {f"{page} #{i}": len(text.encode()) for page, texts in found.items()
             for i, text in enumerate(texts)}  # fmt: skip
    assert all(size < MAX_BYTES for size in sizes.values()), sizes


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", sorted(CASES))
def test_widget_data_is_lossdocs_to_1e_9(html_root, lang, page):
    texts = widgets(html_root, lang).get(page, [])
    assert len(texts) == len(CASES[page])
    for number, (text, case) in enumerate(zip(texts, CASES[page], strict=True)):
        data = json.loads(text)
        x = np.array(data["x"])
        start = {p["name"]: p["values"][p["start"]] for p in data["params"]}
        for c, curve in enumerate(data["curves"]):
            grids = [data["params"][i]["values"] for i in curve["params"]]
            names = [data["params"][i]["name"] for i in curve["params"]]
            points = list(itertools.product(*grids))
            assert len(curve["data"]) == len(points)
            for values, point in zip(curve["data"], points, strict=True):
                params = {**start, **dict(zip(names, point, strict=True))}
                gap = disagreement(values, case(x, params)[c])
                assert gap <= TOLERANCE, f"{page} widget {number} curve {c} at {params}: {gap:.2e}"


def test_languages_show_the_same_numbers_with_their_own_words(html_root):
    en, zh = (widgets(html_root, lang) for lang in LANGUAGES)
    assert en.keys() == zh.keys()
    for page in en:
        for text_en, text_zh in zip(en[page], zh[page], strict=True):
            a, b = json.loads(text_en), json.loads(text_zh)
            assert (a["x"], a["y"]) == (b["x"], b["y"])
            assert [c["data"] for c in a["curves"]] == [c["data"] for c in b["curves"]]
            assert a["title"] != b["title"] and a["xlabel"] != b["xlabel"], page


def test_only_pages_with_a_widget_load_its_script(html_root):
    for lang in LANGUAGES:
        with_widget = set(widgets(html_root, lang))
        for path in (html_root / lang).rglob("*.html"):
            page = path.relative_to(html_root / lang).as_posix()
            loads = "_static/lossplot.js" in path.read_text(encoding="utf-8")
            assert loads == (page in with_widget), page
