r"""Render math as MathML at build time with ``math-core``: no JavaScript, no CDN.

Registered as the HTML math renderer ``mathml`` (select it with
``html_math_renderer = "mathml"``). It renders every math node: MyST ``$...$``,
``$$...$$``, ``{math}`` and amsmath blocks, and the ``.. math::`` of docstrings.

- Display math is wrapped as Sphinx wraps it for MathJax: blank lines separate
  equations, and a block with a top-level ``\\`` or ``&`` is aligned (``aligned``,
  math-core has no ``split``).
- Numbered environments (``align``, ``equation`` ...) are rendered starred:
  Sphinx already numbers the block (MyST amsmath blocks get a Sphinx number),
  so the number is not doubled.
- A formula that math-core cannot convert is a Sphinx warning located at its
  file and line (so ``-W`` fails); the page shows its TeX in a ``code`` element.
- A prime (``f'``) is set after its base, not as a superscript (the glyph is
  raised already; as a superscript browsers draw it far too high).

The math font (STIX Two Math) comes from ``_static/lossdocs.css``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from math_core import LatexError, LatexToMathML
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["convert", "prepare_display", "setup"]

logger = logging.getLogger(__name__)

_CONVERTER = LatexToMathML(fancy_error=False)

_NUMBERED_ENV = re.compile(r"\\(begin|end)\{(equation|align|gather|multline|flalign|alignat)\}")
_TOKEN = re.compile(r"\\begin\{[^}]*\}|\\end\{[^}]*\}|\\\\|\\[A-Za-z]+|\\.|[{}&]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# math-core writes f' as <msup><mi>f</mi><mo>′</mo></msup>: the prime glyph is already a
# superscript, so browsers raise it twice. Set after the base it reads f′ as in print.
_RAISED_PRIME = re.compile(
    r"<msup>(<(mi|mn|mo)\b[^>]*>[^<]*</\2>)<mo>([\u2032-\u2034\u2057]+)</mo></msup>"
)


def _top_level(tex: str) -> set[str]:
    r"""The row and column breaks (``\\``, ``&``) of `tex` outside every group and environment."""
    depth, found = 0, set()
    for token in _TOKEN.findall(tex):
        if token.startswith("\\begin") or token == "{":
            depth += 1
        elif token.startswith("\\end") or token == "}":
            depth -= 1
        elif depth == 0 and token in ("\\\\", "&"):
            found.add(token)
    return found


def prepare_display(tex: str, *, nowrap: bool = False) -> str:
    r"""Turn the TeX of a display-math node into one formula for math-core.

    >>> prepare_display(r"a &= b \\ c &= d")
    '\\begin{aligned}a &= b \\\\ c &= d\\end{aligned}'
    >>> prepare_display("\\begin{align}a\\end{align}", nowrap=True)
    '\\begin{align*}a\\end{align*}'
    """
    if nowrap:
        return _NUMBERED_ENV.sub(r"\\\1{\2*}", tex)
    parts = [part.strip() for part in _BLANK_LINE.split(tex) if part.strip()]
    if len(parts) <= 1:
        part = parts[0] if parts else ""
        return rf"\begin{{aligned}}{part}\end{{aligned}}" if _top_level(part) else part
    aligned = any("&" in _top_level(part) for part in parts)
    rows = [
        rf"\begin{{aligned}}{part}\end{{aligned}}" if "\\\\" in _top_level(part) else part
        for part in parts
    ]
    env = "aligned" if aligned else "gathered"
    return rf"\begin{{{env}}}" + r" \\ ".join(rows) + rf"\end{{{env}}}"


def convert(tex: str, *, display: bool) -> str:
    """Convert one formula to a ``<math>`` element; raise ``LatexError`` if it cannot.

    >>> convert("f''", display=False)
    '<math><mi>f</mi><mo lspace="0" rspace="0">″</mo></math>'
    """
    mathml = _CONVERTER.convert_with_local_state(tex, displaystyle=display)
    return _RAISED_PRIME.sub(r'\1<mo lspace="0" rspace="0">\3</mo>', mathml)


def _render(self: HTML5Translator, node: nodes.Element, tex: str, *, display: bool) -> str:
    try:
        return convert(tex, display=display)
    except LatexError as err:
        origin = node.get("lossdoc_origin")
        where = f" ({origin})" if origin else ""
        logger.warning(
            "cannot convert math to MathML%s: %s\n%s",
            where,
            err,
            tex,
            location=node,
            type="mathml",
        )
        return f'<code class="math-error">{self.encode(tex)}</code>'


def html_visit_math(self: HTML5Translator, node: nodes.math) -> None:
    self.body.append(_render(self, node, node.astext(), display=False))
    raise nodes.SkipNode


def html_visit_displaymath(self: HTML5Translator, node: nodes.math_block) -> None:
    nowrap = bool(node.get("no-wrap", node.get("nowrap", False)))
    tex = prepare_display(node.astext(), nowrap=nowrap)
    parent = node.parent
    if parent is not None and parent.get("ids") == node["ids"]:
        # furo wraps the block in a div.math-wrapper that already carries its ids
        classes = " ".join([*node["classes"], "math"])
        self.body.append(f'<div class="{classes}">\n')
    else:
        self.body.append(self.starttag(node, "div", CLASS="math"))
    if node.get("number"):
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(_render(self, node, tex, display=True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_html_math_renderer(
        "mathml",
        inline_renderers=(html_visit_math, None),
        block_renderers=(html_visit_displaymath, None),
    )
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
