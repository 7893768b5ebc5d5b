"""The ``{loss}`` directive: a loss's formula on a page, taken from its docstring.

In a MyST page::

    ```{loss} lossdocs.focal_loss
    ```

renders, in a ``div.lossdoc`` box:

1. the FIRST ``.. math::`` block of the function's docstring (display math);
2. a signature line whose name is a ``:py:func:`` reference to the function's
   entry in the API reference, followed by a ``[source]`` link (viewcode);
3. the PyTorch counterpart, read from the fixed first line of the docstring's
   Notes (``PyTorch: ``torch.…``.`` or ``PyTorch: none.``).

The formula is written once, in the docstring; pages never restate it. The
directive creates no object description, target or citation (the API page owns
those), and records the module's file as a dependency of the page, so editing a
docstring re-renders the pages that show it.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, ClassVar

from docstring_math import canonical_name, first_math_block, resolve, torch_counterpart
from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["LossDirective", "setup"]

#: The directive's own words, per language (Sphinx's catalogs do not have them).
LABELS = {
    "en": {"torch": "PyTorch counterpart: ", "no_torch": "No PyTorch counterpart."},
    "zh_CN": {"torch": "PyTorch 中的对应函数：", "no_torch": "PyTorch 中没有对应的函数。"},  # noqa: RUF001
}


class LossDirective(SphinxDirective):
    """Show a loss's formula, signature, API link and PyTorch counterpart."""

    required_arguments = 1
    optional_arguments = 0
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        given = self.arguments[0].strip()
        try:
            obj = resolve(given)
        except (ImportError, AttributeError) as exc:
            raise self.error(f"loss: cannot import {given!r}: {exc}") from exc
        doc = inspect.getdoc(obj)
        tex = first_math_block(doc)
        if tex is None:
            raise self.error(f"loss: the docstring of {given!r} has no '.. math::' block")
        source = inspect.getsourcefile(obj)
        if source:
            self.env.note_dependency(source)
        target = canonical_name(obj, given)
        labels = LABELS.get(self.config.language or "en", LABELS["en"])

        box = nodes.container(classes=["lossdoc"])
        self.set_source_info(box)
        box += self._formula(tex, target)
        box += self._signature(obj, target)
        try:
            torch = torch_counterpart(doc)
        except ValueError as exc:
            raise self.error(f"loss: {given!r}: {exc}") from exc
        line = nodes.paragraph(classes=["lossdoc-torch"])
        if torch:
            line += nodes.Text(labels["torch"])
            line += nodes.literal(torch, torch)
        else:
            line += nodes.Text(labels["no_torch"])
        box += line
        return [box]

    def _formula(self, tex: str, target: str) -> nodes.math_block:
        formula = nodes.math_block(
            tex, tex, nowrap=False, number=None, label=None, docname=self.env.docname
        )
        self.set_source_info(formula)
        formula["classes"] = ["lossdoc-formula"]
        formula["translatable"] = False  # the docstring's TeX, not the page's text
        formula["lossdoc_origin"] = f"first math block of the docstring of {target}"
        return formula

    def _signature(self, obj: object, target: str) -> nodes.paragraph:
        line = nodes.paragraph(classes=["lossdoc-signature"])
        ref = addnodes.pending_xref(
            "",
            nodes.literal(target, target, classes=["xref", "py", "py-func"]),
            refdomain="py",
            reftype="func",
            reftarget=target,
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
        )
        ref["py:module"] = None
        ref["py:class"] = None
        line += ref
        try:
            params = str(inspect.signature(obj))
        except (TypeError, ValueError):
            params = "(...)"
        line += nodes.literal(params, params, classes=["lossdoc-params"])
        if "sphinx.ext.viewcode" in self.config.extensions:
            from sphinx.ext.viewcode import OUTPUT_DIRNAME, viewcode_anchor

            module = getattr(obj, "__module__", "")
            line += nodes.Text(" ")
            line += viewcode_anchor(
                reftarget=f"{OUTPUT_DIRNAME}/{module.replace('.', '/')}",
                refid=obj.__qualname__,
                refdoc=self.env.docname,
            )
        return line


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("loss", LossDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
