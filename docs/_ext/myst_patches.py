"""Every monkeypatch of MyST-Parser's internals, in one place, each with when to drop it.

1. **Lazy default document** (``lazy_document_needed`` / ``_lazy``). A translated
   build parses every translated message on its own: Sphinx hands MyST the
   message and a document to fill (``sphinx.transforms.i18n._publish_msgstr``),
   about 3000 times for the Chinese site. MyST 5.2's
   ``DocutilsRenderer.setup_render`` reads that document with
   ``options.get("document", make_document())``, which builds a new document,
   with a fresh docutils settings object (an option parser over every docutils
   component), before finding it unused: 2 to 4 of the 16 to 18 CPU seconds of
   a clean Chinese build on the 2-core machine (same HTML, byte for byte). The
   patch wraps ``setup_render`` so that, when a document is given, the default
   is not built. *Remove it* when MyST's source no longer has that expression
   (``lazy_document_needed()`` is then False, the patch does nothing, and
   tests/test_translations.py fails to say so).

2. **Stable amsmath labels** (``stable_labels_needed`` / ``_stable_label``). MyST
   numbers amsmath blocks under random labels (``SphinxRenderer._random_label``:
   a new ``id`` on every build, so every build changes every page with an
   ``align``); they are replaced by ``<docname>-amsmath-<n>``. *Remove it* when
   MyST labels them deterministically, that is when ``SphinxRenderer`` no
   longer has ``_random_label`` (``stable_labels_needed()`` is then False).

Each patch is applied only while it is needed, and only once.
"""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Any

from myst_parser.mdit_to_docutils import base

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["EAGER", "lazy_document_needed", "setup", "stable_labels_needed"]

EAGER = 'options.get("document", make_document())'


def lazy_document_needed() -> bool:
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


def _sphinx_renderer() -> Any:
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer

    return SphinxRenderer


def stable_labels_needed() -> bool:
    """Does MyST still label amsmath blocks at random (and is our label not in yet)?"""
    renderer = _sphinx_renderer()
    return hasattr(renderer, "_random_label") and not getattr(
        renderer._random_label, "_lossdocs_stable", False
    )


def _stable_label(self: Any) -> str:
    """``<docname>-amsmath-<n>``: the n-th amsmath block of the page."""
    self._lossdocs_amsmath_n = getattr(self, "_lossdocs_amsmath_n", 0) + 1
    return f"{self.sphinx_env.docname}-amsmath-{self._lossdocs_amsmath_n}"


_stable_label._lossdocs_stable = True  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, Any]:
    if lazy_document_needed():
        base.DocutilsRenderer.setup_render = _lazy(base.DocutilsRenderer.setup_render)
    if stable_labels_needed():
        _sphinx_renderer()._random_label = _stable_label
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
