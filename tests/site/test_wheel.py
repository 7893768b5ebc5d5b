"""The lossdocs wheel offered with the site, for readers of the gallery (tools/docsbuild.py).

The wheel must be the package the site documents: the gallery's index links to
it, it holds every module of the working tree byte for byte, and its version
is ``lossdocs.__version__``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import lossdocs

ROOT = Path(__file__).resolve().parents[2]
WHEEL = f"lossdocs-{lossdocs.__version__}-py3-none-any.whl"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_gallery_index_links_to_the_wheel_of_this_tree(html_root, lang):
    index = html_root / lang / "auto_gallery" / "index.html"
    hrefs = re.findall(r'href="([^"]+\.whl)"', index.read_text(encoding="utf-8"))
    assert hrefs == [f"../_downloads/{WHEEL}"]
    wheel = (index.parent / hrefs[0]).resolve()
    assert wheel == (html_root / lang / "_downloads" / WHEEL).resolve() and wheel.is_file()
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        init = zf.read("lossdocs/__init__.py").decode("utf-8")
        version = re.search(r'^__version__ = "([^"]+)"', init, re.M)[1]
        assert version == lossdocs.__version__
        meta = zf.read(f"lossdocs-{version}.dist-info/METADATA").decode("utf-8")
        assert "Provides-Extra: gallery" in meta
        sources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "lossdocs").rglob("*.py"))
        assert sources and set(sources) <= names
        for source in sources:
            assert zf.read(source) == (ROOT / source).read_bytes(), source
