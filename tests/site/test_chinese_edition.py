"""The Chinese edition speaks Chinese: its figures, their alt texts and the gallery's thumbnails.

Checks of the built ``zh_CN`` site (issue 13): every gallery figure, on a gallery
page or a content page, is the Chinese drawing (``*.zh_CN.png``); the alt texts
and the thumbnails' titles and tooltips are Chinese.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

CJK = re.compile(r"[\u4e00-\u9fff]")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _tags(path: Path) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


@pytest.fixture(scope="module")
def zh(html_root: Path) -> Path:
    return html_root / "zh_CN"


def _gallery_images(root: Path):
    for page in sorted(root.rglob("*.html")):
        for tag, attrs in _tags(page):
            if tag == "img" and "sphx_glr_" in attrs.get("src", ""):
                yield page, attrs


def test_chinese_pages_show_the_chinese_figures(zh):
    images = list(_gallery_images(zh))
    assert len(images) >= 40  # 13 figures on gallery pages, 17 on content pages, thumbnails
    for page, attrs in images:
        src = attrs["src"]
        assert src.endswith(".zh_CN.png"), (page.relative_to(zh), src)
        assert (page.parent / src).resolve().is_file(), src
        thumbnail = "_thumb" in src
        assert thumbnail or CJK.search(attrs.get("alt", "")), (page.relative_to(zh), attrs)


def test_english_pages_show_the_english_figures(html_root):
    images = list(_gallery_images(html_root / "en"))
    assert images and not any(".zh_CN." in attrs["src"] for _, attrs in images)
    assert not any(CJK.search(attrs.get("alt", "")) for _, attrs in images)


def test_thumbnail_titles_and_tooltips_are_chinese(zh):
    text = (zh / "auto_gallery" / "index.html").read_text(encoding="utf-8")
    tooltips = re.findall(r'tooltip="([^"]*)"', text)
    titles = re.findall(r'thumbnail-title">([^<]*)<', text)
    assert len(tooltips) == len(titles) >= 12
    for shown in tooltips + titles:
        assert CJK.search(shown) and "``" not in shown and "\\ " not in shown, shown


def test_the_benchmark_figure_is_chinese_on_the_chinese_page(zh):
    sources = [a["src"] for tag, a in _tags(zh / "benchmarks.html") if tag == "img"]
    assert any(src.endswith("bench.zh_CN.png") for src in sources), sources
