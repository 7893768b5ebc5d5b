"""Parse each translated message once, not twice: a patch of Sphinx 9.0's ``Locale``.

Sphinx's ``Locale`` transform (``sphinx/transforms/i18n.py``) walks a page's
messages twice. Phase 1 parses every translated message (``_publish_msgstr``:
a new docutils document and a full MyST or reST parse) only to rename section
titles and glossary terms, and throws the result away for every other node;
phase 2 parses the same message again to put it in place. On the Chinese site
that is about 12,600 parses for 6,500 messages, about a third of the extra time
the Chinese build takes over the English one on the 2-core machine.

The patch keeps, per page, a deep copy of the tree each (message, line) gave
and hands later callers of the same (message, line) a deep copy of that copy
instead of parsing again (a message repeated on a page without a line number,
as in the API pages' tables, is parsed once too). Copies, because phase 1
moves the children of the trees it uses (titles, terms) into the page: every
caller gets a tree of its own, equal to a fresh parse. Warnings are unchanged: the one parse reports
them, and phase 2's parse of the same text reported nothing new.

*Remove it* when ``Locale.apply`` no longer calls ``_publish_msgstr`` in both
phases (``parse_twice()`` is then False and the patch is not applied; tests/
test_translations.py then fails to say so).
"""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Any

from sphinx.transforms import i18n

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

__all__ = ["parse_twice", "setup"]


def parse_twice() -> bool:
    """Does Sphinx's ``Locale.apply`` still parse messages in two phases?"""
    if getattr(i18n._publish_msgstr, "_lossdocs_once", False):
        return True  # patched: it was checked before
    try:
        return inspect.getsource(i18n.Locale.apply).count("_publish_msgstr(") >= 2
    except (OSError, TypeError):
        return False


def _once(publish: Any) -> Any:
    trees: dict[tuple[str, int], nodes.Element] = {}
    page = [""]

    @functools.wraps(publish)
    def publish_once(source: str, source_path: str, source_line: int, **kwargs: Any) -> Any:
        if source_path != page[0]:  # a new page: the last page's trees are of no use
            trees.clear()
            page[0] = source_path
        key = (source, source_line)
        if key in trees:
            return trees[key].deepcopy()
        tree = publish(source, source_path, source_line, **kwargs)
        trees[key] = tree.deepcopy()
        return tree

    publish_once._lossdocs_once = True  # type: ignore[attr-defined]
    return publish_once


def setup(app: Sphinx) -> dict[str, Any]:
    if parse_twice() and not getattr(i18n._publish_msgstr, "_lossdocs_once", False):
        i18n._publish_msgstr = _once(i18n._publish_msgstr)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
