"""The "Discussed in" line of each API entry, in both built languages.

Expected links come from the page sources: a page discusses a function when it
shows it with the ``{loss}`` directive (docs/_ext/discussed_in.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lossdocs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LABEL = {"en": "Discussed in: ", "zh_CN": "讲解见："}  # noqa: RUF001
DIRECTIVE = re.compile(r"^```\{loss\}\s+lossdocs\.(\w+)\s*$", re.M)


def _expected() -> dict[str, set[str]]:
    """name -> the docnames whose source shows it with ``{loss}``."""
    found: dict[str, set[str]] = {}
    for path in DOCS.rglob("*.md"):
        if "_build" in path.parts:
            continue
        for name in DIRECTIVE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, set()).add(path.relative_to(DOCS).with_suffix("").as_posix())
    return found


def _entries(html: str) -> dict[str, str]:
    """name -> the HTML of its API entry (from its id to the next entry)."""
    starts = [
        (m.start(), m[1]) for m in re.finditer(r'<dt class="sig[^"]*" id="lossdocs\.(\w+)"', html)
    ]
    ends = [s for s, _ in starts[1:]] + [len(html)] * bool(starts)
    return {name: html[s:e] for (s, name), e in zip(starts, ends, strict=True)}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_api_entry_links_to_the_pages_that_show_it(html_root, lang):
    expected = _expected()
    assert len(expected) >= 20 and len(expected["huber"]) >= 2
    seen = {}
    for api in sorted((html_root / lang / "api").glob("*.html")):
        for name, entry in _entries(api.read_text(encoding="utf-8")).items():
            line = re.search(r'<p class="lossdoc-discussed">(.*?)</p>', entry, re.S)
            hrefs = set(re.findall(r'href="\.\./([^"#]+)\.html"', line[1])) if line else set()
            seen[name] = hrefs
            if line:
                assert line[1].startswith(LABEL[lang]), line[1][:40]
                titles = re.findall(r'<a class="reference internal"[^>]*>([^<]+)</a>', line[1])
                assert len(titles) == len(hrefs) and all(t.strip() for t in titles)
    assert set(seen) == set(lossdocs.__all__)
    assert {n: h for n, h in seen.items() if h} == expected
