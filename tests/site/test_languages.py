"""Tests of the two built languages: the switcher on every page, and the Chinese search.

Run by ``nox -s docs`` after ``tools/docsbuild.py`` has built ``en/`` and ``zh_CN/``.
The search-index checks need the Chinese catalogs translated (docs/locale).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGS = {"en": ("zh_CN", "zh-CN", "中文"), "zh_CN": ("en", "en", "English")}


class _Switcher(HTMLParser):
    """The ``<html lang>``, and every link of class ``language-switch-link`` with its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.links: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = found.get("lang")
        if tag == "a" and "language-switch-link" in found.get("class", "").split():
            self._open = {**found, "text": ""}
            self.links.append(self._open)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open = None


def _switcher(path: Path) -> _Switcher:
    parser = _Switcher()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _search_index(html_root: Path, lang: str) -> dict:
    """``searchindex.js`` is ``Search.setIndex({...})``; Chinese terms come as escapes."""
    text = (html_root / lang / "searchindex.js").read_text(encoding="utf-8")
    found = re.fullmatch(r"\s*Search\.setIndex\((.*)\)\s*;?\s*", text, re.S)
    assert found, "searchindex.js is not Search.setIndex(...)"
    return json.loads(found.group(1))


def _pages_of(index: dict, word: str, tables=("terms", "titleterms")) -> set[str]:
    """Documents holding `word` in their text or their titles."""
    docs = set()
    for table in tables:
        hits = index[table].get(word, [])
        docs.update([hits] if isinstance(hits, int) else hits)
    return {index["docnames"][i] for i in docs}


def test_both_languages_are_built(html_root):
    for lang in LANGS:
        assert (html_root / lang / "index.html").is_file(), f"no {lang}/ build"
    redirect = (html_root / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=en/index.html"' in redirect  # the reader lands on English
    en = {p.relative_to(html_root / "en") for p in (html_root / "en").rglob("*.html")}
    zh = {p.relative_to(html_root / "zh_CN") for p in (html_root / "zh_CN").rglob("*.html")}
    assert en == zh, f"pages in one language only: {sorted(en ^ zh)[:20]}"


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_page_links_to_the_same_page_in_the_other_language(html_root, lang):
    other, hreflang, label = LANGS[lang]
    folder = html_root / lang
    wrong = []
    pages = sorted(folder.rglob("*.html"))
    for page in pages:
        rel = page.relative_to(folder)
        parsed = _switcher(page)
        if parsed.html_lang != lang.replace("_", "-"):
            wrong.append(f"{rel}: <html lang={parsed.html_lang!r}>")
        if len(parsed.links) != 1:
            wrong.append(f"{rel}: {len(parsed.links)} language links")
            continue
        link = parsed.links[0]
        href = link.get("href", "")
        target = (page.parent / unquote(urlsplit(href).path)).resolve()
        if urlsplit(href).scheme or href.startswith("/"):
            wrong.append(f"{rel}: not a relative link: {href!r}")
        elif target != (html_root / other / rel).resolve() or not target.is_file():
            wrong.append(f"{rel}: {href!r} is not {other}/{rel.as_posix()}")
        if link["text"].strip() != label or link.get("hreflang") != hreflang:
            wrong.append(f"{rel}: label {link['text'].strip()!r}, hreflang {link.get('hreflang')}")
    assert len(pages) > 20
    assert not wrong, f"{len(wrong)} problems:\n" + "\n".join(wrong[:30])


@pytest.mark.parametrize("lang", list(LANGS))
def test_language_data_defines_the_stemmer_it_uses(html_root, lang):
    # Sphinx 9.0's Chinese build wrote `window.Stemmer = ChineseStemmer;` (never defined).
    js = (html_root / lang / "_static" / "language_data.js").read_text(encoding="utf-8")
    assigned = re.findall(r"window\.Stemmer\s*=\s*(\w+)\s*;", js)
    assert assigned == ["EnglishStemmer"], assigned
    assert re.search(r"\bEnglishStemmer\s*=\s*function", js), "EnglishStemmer is not defined"


def test_only_the_chinese_build_segments_queries(html_root):
    zh = (html_root / "zh_CN" / "search.html").read_text(encoding="utf-8")
    en = (html_root / "en" / "search.html").read_text(encoding="utf-8")
    assert re.search(r'<script[^>]+src="_static/zh_search\.js', zh)
    assert "zh_search.js" not in en
    assert _search_index(html_root, "en")["envversion"]  # English index parses too


def test_chinese_index_keeps_glossary_terms_whole(html_root):
    # jieba's own dictionary splits 交叉熵 into 交叉 / 熵 (and 熵 is dropped): only the
    # user dictionary keeps it whole. The glossary holds both terms in any language.
    index = _search_index(html_root, "zh_CN")
    for word in ("交叉熵", "焦点损失", "二元交叉熵", "交并比"):
        assert "glossary" in _pages_of(index, word), word


def test_chinese_terms_point_at_the_right_pages(html_root):
    # Needs the translated catalogs: the English text has no 交叉熵 outside the glossary.
    index = _search_index(html_root, "zh_CN")
    cross_entropy = _pages_of(index, "交叉熵")
    expected = {"classification/index", "classification/ce-and-mle", "classification/ce-design",
                "classification/bce-vs-ce", "classification/why-ce-for-classification"}  # fmt: skip
    assert expected <= cross_entropy, sorted(expected - cross_entropy)
    focal = _pages_of(index, "焦点损失")
    assert {"detection/focal-loss", "detection/index"} <= focal, sorted(focal)
    assert "detection/focal-loss" in _pages_of(index, "焦点损失", tables=("titleterms",))
    assert "regression/mae-vs-mse" not in focal


# Sphinx's own search code, as the browser runs it, on the built Chinese site (no DOM:
# the query is parsed and searched, results are not drawn).
_NODE_SEARCH = """
const fs = require("fs");
const vm = require("vm");
const [site, queries] = process.argv.slice(2);
globalThis.window = globalThis;
globalThis.document = { getElementById: () => null };
globalThis.SPHINX_HIGHLIGHT_ENABLED = false;
globalThis._ready = () => {};
for (const file of ["_static/language_data.js", "_static/searchtools.js",
                    "_static/zh_search.js", "searchindex.js"])
  vm.runInThisContext(fs.readFileSync(`${site}/${file}`, "utf8"), { filename: file });
const out = {};
for (const query of JSON.parse(queries)) {
  const parsed = Search._parseQuery(query);
  const found = Search._performSearch(...parsed);
  out[query] = { split: window.splitQuery(query), pages: found.reverse().map((r) => r[0]) };
}
console.log(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run Sphinx's search")
def test_chinese_queries_find_the_right_pages(html_root, tmp_path):
    zh = html_root / "zh_CN"
    queries = ["交叉熵损失", "焦点损失", "交叉熵", "交叉熵的梯度", "softmax 交叉熵", "熵"]
    script = tmp_path / "search.js"
    script.write_text(_NODE_SEARCH, encoding="utf-8")
    proc = subprocess.run(
        ["node", str(script), str(zh), json.dumps(queries)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout)
    split = {query: found[query]["split"] for query in queries}
    assert split["交叉熵损失"] == ["交叉熵", "损失"]
    assert split["焦点损失"] == ["焦点损失"]  # a term of the index stays whole
    assert split["交叉熵"] == ["交叉熵"]
    assert split["交叉熵的梯度"] == ["交叉熵", "梯度"]  # 的 is no term: dropped
    assert split["softmax 交叉熵"] == ["softmax", "交叉熵"]
    assert split["熵"] == ["熵"]  # nothing to split: Sphinx sees the query as typed
    pages = {query: found[query]["pages"] for query in queries}
    index = _search_index(html_root, "zh_CN")
    chapter = ROOT / "docs" / "classification"
    classification = {f"classification/{page.stem}" for page in chapter.glob("*.md")}
    assert classification <= set(pages["交叉熵"]), sorted(classification - set(pages["交叉熵"]))
    both = set(pages["交叉熵损失"])
    assert classification <= both, sorted(classification - both)
    # Every word is required (Sphinx alone would make the two-letter 损失 optional).
    assert both <= _pages_of(index, "交叉熵") & _pages_of(index, "损失")
    assert "detection/focal-loss" in pages["焦点损失"][:3], pages["焦点损失"][:5]
