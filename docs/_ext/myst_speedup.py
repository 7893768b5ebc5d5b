"""Translated builds without a throwaway docutils document per message (MyST 5.2).

A translated build parses every translated message on its own: Sphinx hands MyST
the message and a document to fill (``sphinx.transforms.i18n._publish_msgstr``),
about 3000 times for the Chinese site. MyST 5.2's ``DocutilsRenderer.setup_render``
reads that document with ``options.get("document", make_document())``, which
builds a new document, with a fresh docutils settings object (an option parser
over every docutils component), before finding it unused: 2 to 4 of the 16 to
18 CPU seconds of a clean Chinese build on the 2-core machine (same HTML, byte
for byte). This wraps ``setup_render`` so that, when
a document is given, the default is not built. Nothing else changes.

Applied only while MyST's source still has that expression: a MyST release that
builds the default lazily needs nothing, and then this does nothing.
"""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Any

from myst_parser.mdit_to_docutils import base

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["EAGER", "needed", "setup"]

EAGER = 'options.get("document", make_document())'


def needed() -> bool:
    """Does MyST's ``setup_render`` still build its default document eagerly?"""
    renderer = base.DocutilsRenderer.setup_render
    if getattr(renderer, "_lossdocs_lazy", False):
        return False
    try:
        return EAGER in inspect.getsource(renderer)
    except (OSError, TypeError):
        return False


def _no_document(*args: Any, **kwargs: Any) -> None:
    """Stands in for ``make_document`` while a document is given (its result is unused)."""
    return None


def _lazy(setup_render: Any) -> Any:
    @functools.wraps(setup_render)
    def wrapper(self: Any, options: dict[str, Any], env: Any) -> None:
        if "document" not in options:
            return setup_render(self, options, env)
        make_document = base.make_document
        base.make_document = _no_document
        try:
            return setup_render(self, options, env)
        finally:
            base.make_document = make_document

    wrapper._lossdocs_lazy = True  # type: ignore[attr-defined]
    return wrapper


def setup(app: Sphinx) -> dict[str, Any]:
    if needed():
        base.DocutilsRenderer.setup_render = _lazy(base.DocutilsRenderer.setup_render)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
