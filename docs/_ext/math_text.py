r"""The words inside formulas, in the build's language: ``\text{if }`` -> ``\text{若 }``.

A formula's TeX comes from a docstring (the ``{loss}`` directive, the API pages)
or from a page; neither way lets a translator reach the words in its
``\text{...}``: the directive's formula is not translatable, and a formula
message in a page's catalog would have to be copied whole. So the words have a
catalog of their own, ``locale/<lang>/LC_MESSAGES/math-text.po``: each msgid is
the exact content of one ``\text{...}`` (spaces included), its msgstr the words
in that language (reordered across two ``\text`` of one formula where the
language needs it: "divided by n for the mean" is "取均值时除以 n"). After a page
is read (and its own catalog applied), every formula of a non-English build
has its ``\text`` words replaced. tests/test_translations.py checks that every
``\text`` of the sources has an entry and no entry is left over.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["CATALOG", "TEXT", "setup", "translate"]

CATALOG = "math-text"  # the gettext domain: locale/<lang>/LC_MESSAGES/math-text.po
TEXT = re.compile(r"\\text\{([^{}]*)\}")


def translate(tex: str, gettext: Any) -> str:
    r"""Replace the words of each ``\text{...}`` of `tex` by ``gettext(words)``.

    >>> translate(r"1 & \text{if } x > 0", {"if ": "若 "}.get)
    '1 & \\text{若 } x > 0'
    """
    return TEXT.sub(lambda m: r"\text{" + (gettext(m[1]) or m[1]) + "}", tex)


def _translate_formulas(app: Sphinx, doctree: nodes.document) -> None:
    lang = app.config.language or "en"
    if lang == "en":
        return
    from sphinx.locale import init

    dirs = [str(Path(app.srcdir, d)) for d in app.config.locale_dirs]
    translator, found = init(dirs, lang, CATALOG)
    if not found:
        return
    for node in doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block))):
        tex = node.astext()
        new = translate(tex, translator.gettext)
        if new != tex:
            node.children = []
            node += nodes.Text(new)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _translate_formulas)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
