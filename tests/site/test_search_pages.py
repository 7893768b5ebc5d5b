"""The search page's own data (docs/_ext/search_keys.py), in every built language.

``_static/search_pages.js`` must describe every page Sphinx indexed (its kind, its keys,
its summary in the build's language), be loaded by the search page only, before
Sphinx's search code, and carry the glossary's terms as keys of the pages they lead to.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from search_keys import glossary_entries  # noqa: E402

LANGS = ("en", "zh_CN")
HAN = re.compile(r"[\u3400-\u9fff]")


def _json_of(path: Path, pattern: str) -> dict:
    found = re.fullmatch(pattern, path.read_text(encoding="utf-8"), re.S)
    assert found, f"{path.name} is not in the expected form"
    return json.loads(found[1])


def _data(html_root: Path, lang: str) -> dict:
    return _json_of(html_root / lang / "_static" / "search_pages.js",
                    r"\s*var LOSSDOCS_SEARCH = (.*);\s*")["pages"]  # fmt: skip


def _index(html_root: Path, lang: str) -> dict:
    return _json_of(html_root / lang / "searchindex.js", r"\s*Search\.setIndex\((.*)\)\s*;?\s*")


@pytest.mark.parametrize("lang", LANGS)
def test_every_indexed_page_has_a_kind_and_a_summary(html_root, lang):
    pages = _data(html_root, lang)
    docnames = _index(html_root, lang)["docnames"]
    assert sorted(pages) == sorted(docnames)
    questions = [name for name, page in pages.items() if page["kind"] == "question"]
    assert "detection/focal-loss" in questions and "api/classification" not in questions
    for name, page in pages.items():
        summary = page["summary"]
        if name in questions:
            assert len(summary) >= 40, f"{lang}/{name}: summary {summary!r}"
            assert page["keys"], f"{lang}/{name}: a question page with no search keys"
        assert not re.search(r"\\[A-Za-z]|\$", summary), f"{lang}/{name}: TeX in {summary!r}"
        if lang == "zh_CN" and name in questions:
            assert HAN.search(summary), f"{lang}/{name}: summary not translated: {summary!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_search_page_loads_the_data_before_searchtools(html_root, lang):
    search = (html_root / lang / "search.html").read_text(encoding="utf-8")
    order = [m[1] for m in re.finditer(r'<script[^>]+src="_static/([\w.]+?)(?:\?v=\w+)?"', search)]
    for name in ("search_pages.js", "search_rank.js"):
        assert name in order, f"{lang}/search.html does not load {name}"
        assert order.index(name) < order.index("searchtools.js"), order
    index = (html_root / lang / "index.html").read_text(encoding="utf-8")
    assert "search_pages.js" not in index and "search_rank.js" not in index


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_are_keys_of_their_pages(html_root, lang):
    """Each entry of the glossary named in docs/search_keys.toml arrives whole."""
    pages = _data(html_root, lang)
    registry = tomllib.loads((ROOT / "docs" / "search_keys.toml").read_text(encoding="utf-8"))
    entries = glossary_entries((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    checked = 0
    for docname, fields in registry.items():
        wanted = {key.casefold() for key in fields["keys"]}
        for entry in entries:
            if wanted & {term.casefold() for term in entry}:
                assert set(entry) <= set(pages[docname]["keys"]), (docname, entry)
                checked += 1
    assert checked >= 20  # most losses have a glossary entry
