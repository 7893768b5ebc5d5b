"""The ``lossdocs-family`` directive: one family's API page, generated from its ``__all__``.

In ``docs/api/regression.rst``::

    .. lossdocs-family:: lossdocs.regression

expands to an autosummary table and one autodoc entry per public name, in the
order of ``lossdocs.regression.__all__``, so a new loss appears on the site as
soon as it is exported. Every name the package root re-exports is documented
once, under ``lossdocs.<name>`` (viewcode follows the import to the defining
module for the ``[source]`` link). When the gallery uses a function, its entry
ends with the gallery's thumbnails (sphinx-gallery's ``minigallery``).
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docstring_math import canonical_name
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

__all__ = ["FamilyDirective", "family_rst", "setup"]


def family_rst(module: str, backrefs: frozenset[str] = frozenset()) -> str:
    """The reST of a family's API page body (an autosummary table, then the entries)."""
    package = module.split(".", 1)[0]
    mod = importlib.import_module(module)
    # Relative to ``.. currentmodule:: <package>``, as autosummary wants them.
    documented = [canonical_name(getattr(mod, n), f"{module}.{n}") for n in mod.__all__]
    rel = [name.removeprefix(f"{package}.") for name in documented]
    lines = [f".. currentmodule:: {package}", "", ".. autosummary::", "   :nosignatures:", ""]
    lines += [f"   ~{name}" if "." in name else f"   {name}" for name in rel]
    lines.append("")
    for name, short in zip(rel, mod.__all__, strict=True):
        kind = "class" if inspect.isclass(getattr(mod, short)) else "function"
        lines += [f".. auto{kind}:: {name}", ""]
        if f"{package}.{name}" in backrefs:
            lines += ["   .. rubric:: Gallery", "", f"   .. minigallery:: {package}.{name}", ""]
    return "\n".join(lines)


class FamilyDirective(SphinxDirective):
    """Document every public name of one lossdocs family module."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        module = self.arguments[0].strip()
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            raise self.error(f"lossdocs-family: cannot import {module!r}: {exc}") from exc
        if not getattr(mod, "__all__", None):
            raise self.error(f"lossdocs-family: {module!r} has an empty or no __all__")
        # Re-read this page when the family's exports or any of its modules change.
        for name in mod.__all__:
            source = inspect.getsourcefile(inspect.unwrap(getattr(mod, name)))
            if source:
                self.env.note_dependency(source)
        self.env.note_dependency(inspect.getsourcefile(mod))
        text = family_rst(module, self._gallery_backrefs())
        source = f"{self.get_source_info()[0]}:<lossdocs-family {module}>"
        return self.parse_text_to_nodes(StringList(text.splitlines(), source=source))

    def _gallery_backrefs(self) -> frozenset[str]:
        """Names the gallery uses, from sphinx-gallery's backreferences index (if any)."""
        conf = getattr(self.config, "sphinx_gallery_conf", None) or {}
        folder = conf.get("backreferences_dir")
        if not folder:
            return frozenset()
        index = Path(self.env.srcdir, folder, "backreferences_all.json")
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return frozenset()
        return frozenset(name for name, examples in data.items() if examples)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lossdocs-family", FamilyDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
