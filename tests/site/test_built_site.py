"""Tests of the built HTML: internal links and anchors resolve, nothing loads from the web."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lossdocs

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # a scheme (http:, data:) or //
# Elements whose src/href the browser fetches by itself when the page loads.
_LOADED = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
           ("source", "src"), ("source", "srcset"), ("iframe", "src"), ("video", "src"),
           ("audio", "src"), ("embed", "src"), ("object", "data")}  # fmt: skip
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


def _is_external(url: str) -> bool:
    return bool(_EXTERNAL.match(url.strip()))


def test_site_layout(html_root, pages):
    # en/ and zh_CN/, and a root index.html that sends a visitor to en/.
    assert (html_root / "en" / "index.html") in pages
    assert (html_root / "zh_CN" / "index.html") in pages
    redirect = (html_root / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and "en/index.html" in redirect
    assert len(pages) > 20


def test_internal_links_and_anchors_resolve(pages):
    broken = []
    for page in pages.values():
        for tag, attr, url in page.refs:
            if _is_external(url) or url == "#":
                continue
            parts = urlsplit(url)
            target = page.path if not parts.path else (page.path.parent / unquote(parts.path))
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.path}: <{tag} {attr}={url!r}>: no file {target}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.path}: <{tag} {attr}={url!r}>: no id in {target.name}")
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:50])


def test_pages_load_nothing_from_the_web(pages):
    external = [
        f"{page.path}: <{tag} {attr}={url!r}>"
        for page in pages.values()
        for tag, attr, url in page.refs
        if (tag, attr) in _LOADED and _is_external(url) and not url.startswith("data:")
    ]
    assert not external, "\n".join(external)


def test_stylesheets_load_nothing_from_the_web(html_root):
    external = []
    for css in html_root.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
            if _is_external(url) and not url.startswith("data:"):
                external.append(f"{css}: {url}")
    assert not external, "\n".join(external)


def test_math_is_mathml_with_the_bundled_font(html_root, pages):
    en = html_root / "en"
    assert (en / "_static" / "fonts" / "STIXTwoMath-Regular.woff2").is_file()
    assert (en / "_static" / "fonts" / "OFL.txt").is_file()
    css = (en / "_static" / "lossdocs.css").read_text(encoding="utf-8")
    assert 'url("fonts/STIXTwoMath-Regular.woff2")' in css
    api = (en / "api" / "regression.html").read_text(encoding="utf-8")
    assert '<math display="block">' in api
    for page in pages.values():
        assert not any("mathjax" in url.lower() for _, _, url in page.refs), page.path


def test_every_public_name_has_one_api_entry_with_source(html_root, pages):
    for lang in ("en", "zh_CN"):  # once in each language
        entries: dict[str, list[Path]] = {}
        for path, page in pages.items():
            if path.relative_to(html_root).parts[0] != lang:
                continue
            for name in page.ids & {f"lossdocs.{n}" for n in lossdocs.__all__}:
                entries.setdefault(name, []).append(path)
        names = (f"lossdocs.{n}" for n in lossdocs.__all__)
        missing = sorted(name for name in names if name not in entries)
        assert not missing, (lang, missing)
        twice = {name: paths for name, paths in entries.items() if len(paths) > 1}
        assert not twice, twice
        page = pages[html_root / lang / "api" / "regression.html"]
        assert ("a", "href", "../_modules/lossdocs/regression/huber.html#huber") in page.refs


def test_the_gallery_is_reachable_from_the_landing_page(html_root, pages):
    landing = pages[html_root / "en" / "index.html"]
    hrefs = {Path(url.split("#")[0]) for _, attr, url in landing.refs if attr == "href"}
    assert Path("auto_gallery/index.html") in hrefs
    assert Path("api/index.html") in hrefs
