"""The Chinese edition: every page has a catalog, fully translated and in step with the English.

The catalogs are docs/locale/zh_CN/LC_MESSAGES/<page>.po, one per page (conf.py:
``gettext_compact = False``). ``nox -s translate`` refreshes them after the English
changes and prints what is left to translate; these tests fail until it is done:

- every page of docs/ (MyST, reST, and the gallery pages sphinx-gallery writes) has
  a catalog, and no catalog outlives its page;
- no catalog has an untranslated or a fuzzy message (a fuzzy message is shown in
  English: Sphinx ignores it);
- each catalog holds exactly the messages of the English page today (the gettext
  builder is run on a copy of docs/ in tmp_path): a message missing from a catalog
  means it is stale.

Also the pieces of the Chinese build that need no build: Read the Docs' language
code, the switcher's links there, and docs/_ext/myst_patches.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

polib = pytest.importorskip("polib")  # the docs extra

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GALLERY = ROOT / "gallery"
CATALOGS = DOCS / "locale" / "zh_CN" / "LC_MESSAGES"
sys.path.insert(0, str(DOCS / "_ext"))

from langswitch import language_root  # noqa: E402
from math_text import CATALOG as MATH_CATALOG  # noqa: E402
from math_text import TEXT  # noqa: E402
from zh_search import is_chinese  # noqa: E402

# Folders of docs/ that hold no page of ours (build output, generated files, templates).
NOT_PAGES = {"_build", "_ext", "_static", "_templates", "locale", "auto_gallery", "api/generated"}


def pages() -> set[str]:
    """Every page the site has, as Sphinx names it (``classification/ce-and-mle``)."""
    found = set()
    for path in DOCS.rglob("*"):
        rel = path.relative_to(DOCS)
        if path.suffix not in (".md", ".rst") or any(
            rel.as_posix() == d or rel.as_posix().startswith(d + "/") for d in NOT_PAGES
        ):
            continue
        found.add(rel.with_suffix("").as_posix())
    # sphinx-gallery writes one page per script, and the index from README.txt.
    found.update(f"auto_gallery/{p.stem}" for p in GALLERY.glob("*.py") if p.stem != "__init__")
    found.add("auto_gallery/index")
    return found


def catalogs() -> dict[str, Path]:
    return {p.relative_to(CATALOGS).with_suffix("").as_posix(): p for p in CATALOGS.rglob("*.po")}


# Catalogs of no page (tools/docsbuild.py: OWN_CATALOGS): the theme's words, the formulas'.
OWN = {"sphinx", MATH_CATALOG}


def page_catalogs() -> dict[str, Path]:
    return {page: path for page, path in catalogs().items() if page not in OWN}


def messages(path: Path) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}


def test_every_page_has_a_catalog():
    expected, present = pages(), set(page_catalogs())
    assert len(expected) > 40
    assert not expected - present, f"pages without a catalog: {sorted(expected - present)}"
    assert not present - expected, f"catalogs without a page: {sorted(present - expected)}"


@pytest.mark.parametrize("page", sorted(catalogs()))
def test_catalog_is_fully_translated(page):
    po = polib.pofile(str(catalogs()[page]))
    untranslated = [e.msgid[:60] for e in po.untranslated_entries()]
    fuzzy = [e.msgid[:60] for e in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, first: {untranslated[:3]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy (check, then drop the flag): {fuzzy[:3]}"


@pytest.mark.parametrize("page", sorted(catalogs()))
def test_catalog_header_and_form(page):
    po = polib.pofile(str(catalogs()[page]))
    assert po.metadata.get("Language") == "zh_CN"
    assert "charset=utf-8" in po.metadata.get("Content-Type", "").lower()
    assert po.metadata.get("Plural-Forms", "").startswith("nplurals=1;")
    # No source locations (conf.py: gettext_location = False): they differ between clones.
    assert not [e.msgid for e in po if e.occurrences], "location comments in the catalog"


def _copy_site(dest: Path) -> Path:
    """A copy of docs/ (with the gallery's output, for its md5 cache) and gallery/.

    The build writes into both; anything else of the repository a page may include
    (benchmarks/results/, say) is linked, not copied.
    """
    skip = shutil.ignore_patterns("_build", "__pycache__", "*.mo")
    shutil.copytree(DOCS, dest / "docs", ignore=skip)
    shutil.copytree(GALLERY, dest / "gallery", ignore=skip)
    for item in ROOT.iterdir():
        if item.name not in ("docs", "gallery") and not item.name.startswith("."):
            (dest / item.name).symlink_to(item, target_is_directory=item.is_dir())
    return dest / "docs"


def _unparsed_markup(text: str) -> list[str]:
    r"""reST markup of `text` that docutils leaves as plain text or flags as problematic.

    A role or a literal glued to Chinese characters or full-width punctuation does not
    parse in reST (```x``（`` shows its backticks; ``:math:`C`的`` its role): the inline
    markup needs a space or an escaped space (``\ ``) beside it.
    """
    from docutils import nodes
    from docutils.core import publish_doctree
    from docutils.parsers.rst import roles

    for role in ("func", "ref", "doc", "term", "class", "meth", "mod", "attr", "data",
                 "obj", "py:func", "py:class", "py:meth", "eq"):  # fmt: skip
        roles.register_generic_role(role, nodes.literal)  # Sphinx's roles, as docutils sees them
    settings = {"report_level": 5, "halt_level": 5, "warning_stream": False}
    doc = publish_doctree(text, settings_overrides=settings)
    left = [node.astext() for node in doc.findall(nodes.problematic)]
    for node in doc.findall(nodes.Text):
        if isinstance(node.parent, nodes.literal):  # a literal that ran on to the next one
            left += re.findall("``", node.astext())
        elif not isinstance(node.parent, (nodes.math, nodes.FixedTextElement)):
            left += re.findall(r"``|`|\*\*|:[a-z:]+:`", node.astext())
    return left


# Catalogs whose pages are reST (the API reference, the gallery's pages): the rest is MyST.
REST_CATALOGS = ("api/", "auto_gallery/")


@pytest.mark.parametrize("page", sorted(p for p in page_catalogs() if p.startswith(REST_CATALOGS)))
def test_rest_markup_of_a_translation_parses_as_in_the_english(page):
    broken = []
    for entry in polib.pofile(str(page_catalogs()[page])):
        if entry.msgstr and entry.msgstr != entry.msgid:
            extra = len(_unparsed_markup(entry.msgstr)) - len(_unparsed_markup(entry.msgid))
            if extra > 0:
                broken.append(entry.msgstr[:120])
    assert not broken, f"{page}: markup that does not parse in the translation: {broken}"


def test_catalogs_are_in_step_with_the_english(tmp_path):
    # A copy, so the checkout is left as it was (the gallery may run there: ~10 s cold).
    docs = _copy_site(tmp_path)
    pot = tmp_path / "pot"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-T", "-q", "-b", "gettext",
         "-d", str(tmp_path / "doctrees"), str(docs), str(pot)],
        capture_output=True, text=True, check=False, env=env, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    templates = {p.relative_to(pot).with_suffix("").as_posix(): p for p in pot.rglob("*.pot")}
    present = page_catalogs()
    assert set(templates) == set(present), "run `nox -s translate`: pages and catalogs differ"
    stale = []
    for page, template in sorted(templates.items()):
        english, chinese = messages(template), messages(present[page])
        if english != chinese:
            new = sorted(m for _, m in english - chinese)
            gone = sorted(m for _, m in chinese - english)
            stale.append(f"{page}: {len(new)} new {new[:1]}, {len(gone)} gone {gone[:1]}")
    assert not stale, "stale catalogs: run `nox -s translate`, then translate\n" + "\n".join(stale)


def test_own_catalogs_are_the_ones_docsbuild_knows():
    source = (ROOT / "tools" / "docsbuild.py").read_text(encoding="utf-8")
    assert set(re.findall(r'"([\w-]+)"', re.search(r"OWN_CATALOGS = \(.*?\)", source)[0])) == OWN


def test_every_word_of_a_formula_has_its_translation():
    r"""math-text.po holds exactly the ``\text{...}`` words of the docstrings and the pages."""
    sources = [*(ROOT / "lossdocs").rglob("*.py"), *DOCS.rglob("*.md")]
    words = {
        m[1]
        for path in sources
        if not {"_build", "auto_gallery"} & set(path.relative_to(ROOT).parts)
        for m in TEXT.finditer(path.read_text(encoding="utf-8"))
    }
    assert len(words) >= 10
    entries = {e.msgid for e in polib.pofile(str(CATALOGS / f"{MATH_CATALOG}.po"))}
    assert not words - entries, f"add to {MATH_CATALOG}.po: {sorted(words - entries)}"
    assert not entries - words, f"no formula uses these any more: {sorted(entries - words)}"


def test_theme_catalog_covers_the_themes_words():
    """Every word furo marks for translation, or our page.html passes through, is in Chinese."""
    import gettext

    import furo
    import sphinx

    marked = set()
    for template in (Path(furo.__file__).parent / "theme" / "furo").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        marked |= {a or b for a, b in re.findall(r"""_\((?:'([^']+)'|"([^"]+)")\)""", text)}
        trans = re.findall(r"{%-? *trans *-?%}(.*?){%-? *endtrans", text, re.S)
        marked |= {words.strip() for words in trans}
    ours = (DOCS / "_templates" / "page.html").read_text(encoding="utf-8")
    for listed in re.findall(r"for words in \[(.*?)\]", ours, re.S):
        marked |= set(re.findall(r'"([^"]+)"', listed))
    builtin = gettext.translation(
        "sphinx", Path(sphinx.__file__).parent / "locale", ["zh_CN"], fallback=True
    )
    own = {e.msgid.strip() for e in polib.pofile(str(CATALOGS / "sphinx.po"))}
    marked = {m for m in marked if "Furo</a>" not in m}  # the theme's name and link only
    missing = sorted(m for m in marked if builtin.gettext(m) == m and m.strip() not in own)
    assert len(marked) > 15
    assert not missing, f"add to sphinx.po: {missing}"


def test_read_the_docs_language_codes_map_to_sphinx_ones():
    # Read the Docs sets READTHEDOCS_LANGUAGE=zh-cn for the Chinese translation project.
    source = (DOCS / "conf.py").read_text(encoding="utf-8")
    match = re.search(r"^def _sphinx_language\(.*?(?=^\S)", source, re.S | re.M)
    assert match, "conf.py lost _sphinx_language"
    namespace: dict = {}
    exec(match.group(0), namespace)
    to_sphinx = namespace["_sphinx_language"]
    assert to_sphinx("zh-cn") == "zh_CN"
    assert to_sphinx("zh_CN") == "zh_CN"
    assert to_sphinx("en") == "en"
    assert is_chinese(to_sphinx("zh-cn")) and not is_chinese("en")


def test_the_switcher_follows_read_the_docs_urls():
    # Locally the languages are sibling folders; Read the Docs serves /en/latest/ and
    # /zh-cn/latest/, one level more to go up.
    assert language_root("zh_CN", {}) == "../zh_CN/"
    rtd = {"READTHEDOCS": "True", "READTHEDOCS_VERSION": "latest"}
    assert language_root("zh_CN", rtd) == "../../zh-cn/latest/"
    assert language_root("en", rtd) == "../../en/latest/"


def test_myst_lazy_document_parses_into_the_given_document_without_a_spare(monkeypatch):
    # docs/_ext/myst_patches.py, patch 1: a given document, and no throwaway one built beside it.
    base = pytest.importorskip("myst_parser.mdit_to_docutils.base")
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from myst_parser.parsers.docutils_ import Parser
    from myst_patches import _lazy, lazy_document_needed

    monkeypatch.setattr(base.DocutilsRenderer, "setup_render", base.DocutilsRenderer.setup_render)
    assert lazy_document_needed(), "MyST builds its default document lazily: drop patch 1"
    made = []
    make_document = base.make_document
    monkeypatch.setattr(base, "make_document", lambda *a, **k: made.append(1) or make_document())
    patched = _lazy(base.DocutilsRenderer.setup_render)
    monkeypatch.setattr(base.DocutilsRenderer, "setup_render", patched)
    document = new_document("page.md", get_default_settings(Parser))
    Parser().parse("# Title\n\nSome *text*.\n", document)
    assert not made
    assert document.astext().split() == ["Title", "Some", "text."]
    assert not lazy_document_needed()  # applied once


def test_i18n_once_parses_a_message_once_and_hands_every_caller_its_own_tree(monkeypatch):
    # docs/_ext/i18n_once.py: Sphinx 9.0's Locale transform parses in two phases.
    from docutils import nodes
    from i18n_once import _once, parse_twice
    from sphinx.transforms import i18n

    assert parse_twice(), "Sphinx's Locale parses each message once: drop docs/_ext/i18n_once.py"
    parses = []

    def publish(source, source_path, source_line, **kwargs):
        parses.append((source, source_path, source_line))
        return nodes.paragraph("", "", nodes.Text(source))

    once = _once(publish)
    first = once("译文", "a.md", 3, config=None)
    first.children[0].parent = None
    first.clear()  # phase 1 may move a tree's children into the page
    second = once("译文", "a.md", 3, config=None)
    third = once("译文", "a.md", 3, config=None)
    assert second.astext() == third.astext() == "译文"
    assert second is not third
    assert once("译文", "a.md", 4, config=None).astext() == "译文"  # another line: parsed
    once("译文", "b.md", 3, config=None)  # another page: parsed again
    assert parses == [("译文", "a.md", 3), ("译文", "a.md", 4), ("译文", "b.md", 3)]
    monkeypatch.setattr(i18n, "_publish_msgstr", once)
    assert parse_twice()  # the patched function is recognised, never wrapped twice
