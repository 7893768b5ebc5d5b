"""Sphinx configuration of the lossdocs site.

Built offline, warnings as errors, one language at a time (``nox -s docs`` runs
``tools/docsbuild.py``, which builds English, then Chinese):

    sphinx-build -W --keep-going -n -T -b html -D language=zh_CN \
        -d docs/_build/doctrees/zh_CN docs docs/_build/html/zh_CN

The language comes from ``READTHEDOCS_LANGUAGE`` (Read the Docs sets it, e.g.
``zh-cn``; ``en`` when unset) or from ``-D language=...``; the Chinese text is in
``locale/zh_CN/LC_MESSAGES`` (refreshed by ``nox -s translate``). Settings that
depend on the language are applied by the extensions once it is known
(``_ext/zh_search.py``: Chinese search; ``_ext/langswitch.py``: the link to the
other language; ``_ext/search_keys.py``: the search ranking, in every language).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(ROOT))  # document the working tree, installed or not

import lossdocs  # noqa: E402


def _sphinx_language(code: str) -> str:
    """Read the Docs' ``zh-cn`` / ``zh_CN`` -> Sphinx's ``zh_CN``; ``en`` -> ``en``."""
    lang, _, region = code.strip().replace("-", "_").partition("_")
    return f"{lang.lower()}_{region.upper()}" if region else lang.lower()


# -- Project ------------------------------------------------------------------
project = "lossdocs"
author = "the lossdocs authors"
copyright = "2026, the lossdocs authors"
version = release = lossdocs.__version__
language = _sphinx_language(os.environ.get("READTHEDOCS_LANGUAGE") or "en")
# The gallery's index (gallery/README.txt, one folder deep) links to the wheel that
# tools/docsbuild.py copies into each language's _downloads/ after the build.
WHEEL = f"lossdocs-{lossdocs.__version__}-py3-none-any.whl"
rst_epilog = f".. |wheel| replace:: `{WHEEL} <../_downloads/{WHEEL}>`__\n"
locale_dirs = ["locale/"]
gettext_compact = False  # one catalog per page
gettext_location = False  # no source paths in catalogs: they differ between clones

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.viewcode",
    "numpydoc",
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinx_gallery.gen_gallery",
    # ours, in docs/_ext/
    "mathml",  # the HTML math renderer: MathML at build time
    "loss_directive",  # {loss}
    "family_directive",  # lossdocs-family (the API pages)
    "discussed_in",  # each API entry's "Discussed in" links to the {loss} pages
    "langswitch",  # the link to the same page in the other language
    "zh_search",  # the Chinese search index (jieba)
    "search_keys",  # ranking keys and offline summaries for the search page
    "gallery_lang",  # each figure in the build's language
    "math_text",  # the words of formulas (\text{...}) in the build's language
    "myst_patches",  # MyST monkeypatches, each with when to drop it
    "i18n_once",  # a translated message parsed once, not twice (Sphinx 9.0's Locale)
    "lossplot",  # interactive figures from lossdocs' numbers (see its docstring)
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = [
    "_build",
    "Thumbs.db",
    ".DS_Store",
    "conftest.py",
    "api/generated",
    "auto_gallery/*.md5",
]
templates_path = ["_templates"]
pygments_style = "sphinx"
pygments_dark_style = "monokai"

# -- MyST -----------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3  # [text](#short-answer) links to a heading of the page
myst_update_mathjax = False  # no MathJax here (its ignore classes are noise)

# -- Math: MathML at build time (docs/_ext/mathml.py), no MathJax, no CDN -------------
html_math_renderer = "mathml"

# -- API reference: autodoc + autosummary + numpydoc ------------------------------
autosummary_generate = False  # tables only; docs/_ext/family_directive.py writes the entries
autodoc_typehints = "none"  # types are numpydoc text in Parameters; no outside xrefs
autodoc_member_order = "bysource"
add_module_names = True
numpydoc_show_class_members = False
numpydoc_xref_param_type = False  # offline: no inventory to resolve ndarray & co
numpydoc_use_plots = False
numpydoc_validation_checks = {
    "GL02",  # closing quotes on their own line
    "GL03",  # double line break
    "GL06",  # unknown section
    "GL07",  # sections in the wrong order
    "GL10",  # a directive without its double colon
    "SS01",  # no summary
    "SS02",  # summary does not start with a capital letter
    "SS03",  # summary does not end with a period
    "SS05",  # summary starts with a third-person verb ("Computes")
    "SS06",  # summary over one line
    "PR01",  # a parameter not documented
    "PR02",  # a documented parameter that does not exist
    "PR03",  # parameters in the wrong order
    "PR06",  # a parameter type that should be shortened (integer -> int)
    "PR07",  # a parameter without description
    "PR10",  # "name: type" missing its space before the colon
    "RT01",  # no Returns section
    "RT03",  # a return value without description
    "SA04",  # a See Also entry without description
    "EX01",  # no Examples section
}

# -- Source links ------------------------------------------------------------------
viewcode_follow_imported_members = True  # lossdocs.huber -> lossdocs/regression/huber.py

# -- Gallery (sphinx-gallery) ------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "../gallery",
    "gallery_dirs": "auto_gallery",
    "filename_pattern": r"/plot_",
    "doc_module": ("lossdocs",),
    "backreferences_dir": "api/generated/backrefs",
    # Names link to this site's API entries (reference_url is a no-op since 0.20).
    "remove_config_comments": True,
    # No timings anywhere, so a rerun changes no text (and no translation catalog).
    "min_reported_time": 10**9,
    "write_computation_times": False,
    "show_memory": False,
    "show_signature": False,  # no "Generated by Sphinx-Gallery" link to the web
    "download_all_examples": True,  # each page: .py and .ipynb; the index: zips
    # Matplotlib's scraper, saving each figure in every language (_ext/gallery_lang.py)
    "image_scrapers": ("gallery_lang.scraper",),
    "abort_on_example_error": False,  # report every failing script, then fail
    "parallel": True,  # as many scripts at once as Sphinx has jobs (-j, tools/docsbuild.py)
}

# -- HTML ---------------------------------------------------------------------------
html_theme = "furo"
html_title = "lossdocs"
html_static_path = ["_static"]
html_css_files = ["lossdocs.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None  # no date in the pages: rebuilds change no text
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}
copybutton_prompt_text = r">>> |\.\.\. "
copybutton_prompt_is_regexp = True

# -- Languages -------------------------------------------------------------------------
# The link to the same page in the other language (_ext/langswitch.py): each label
# in its own language.
language_switch = {"en": "English", "zh_CN": "中文"}
# The footer's copyright line, in each language (applied once the language is known).
copyright_by_language = {"zh_CN": "2026\uff0clossdocs 作者"}  # ，


def _localised_copyright(app, config):
    config.copyright = config.copyright_by_language.get(config.language, config.copyright)


def setup(app):
    app.add_config_value("copyright_by_language", {}, "html")
    app.connect("config-inited", _localised_copyright)


# -- Search ----------------------------------------------------------------------------
# Ranking and offline summaries: _ext/search_keys.py, with the keys of each page in
# search_keys.toml; tests/browser/search_queries.toml is the relevance suite.
# A Chinese build indexes with jieba (_ext/zh_search.py sets html_search_language);
# jieba takes the user dictionary of our terms by absolute path only.
html_search_options = {"dict": str(DOCS / "zh_userdict.txt")}
