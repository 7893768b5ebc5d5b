"""A link to the same page in the other language, on every page (in the sidebar).

English pages link to the Chinese page ("中文"), Chinese pages to the English one
("English"): ``language_switch`` in conf.py maps each language to its label,
written in that language. The link is relative, so it works over ``file://``
and from a server:

- the local build puts the languages side by side, ``docs/_build/html/en/`` and
  ``docs/_build/html/zh_CN/``: from ``en/a/b.html`` the link is ``../../zh_CN/a/b.html``;
- on Read the Docs (``READTHEDOCS`` set) each language is its own project, served
  at ``/<language>/<version>/`` (``/en/latest/``, ``/zh-cn/latest/``), and the
  link goes up one level more, to ``../../zh-cn/latest/a/b.html``.

The template ``_templates/sidebar/language-switch.html`` is added to furo's
sidebar, after the search box; the link has class ``language-switch-link``
(tests/site/test_languages.py checks that its target exists on every page).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["TEMPLATE", "language_root", "setup"]

TEMPLATE = "sidebar/language-switch.html"
AFTER = "sidebar/search.html"  # furo's search box; the switcher goes under it


def language_root(code: str, environ: Mapping[str, str] = os.environ) -> str:
    """From the root of one language's build to the root of language `code`."""
    version = environ.get("READTHEDOCS_VERSION")
    if environ.get("READTHEDOCS") and version:
        return f"../../{code.lower().replace('_', '-')}/{version}/"  # /zh-cn/latest/
    return f"../{code}/"


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    labels: dict[str, str] = app.config.language_switch
    current = app.config.language or "en"
    if current not in labels or app.builder.format != "html":
        return
    up = "../" * pagename.count("/")  # from this page to its language's root
    target = app.builder.get_target_uri(pagename)
    context["language_links"] = [
        {
            "url": up + language_root(code) + target,
            "hreflang": code.replace("_", "-"),
            "label": label,
        }
        for code, label in labels.items()
        if code != current
    ]
    sidebars = context.get("sidebars")
    if sidebars is not None and TEMPLATE not in sidebars:
        at = sidebars.index(AFTER) + 1 if AFTER in sidebars else len(sidebars)
        context["sidebars"] = [*sidebars[:at], TEMPLATE, *sidebars[at:]]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value(
        "language_switch", {"en": "English", "zh_CN": "中文"}, "html", types=frozenset({dict})
    )
    app.add_css_file("language-switch.css")
    app.connect("html-page-context", _page_context)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
