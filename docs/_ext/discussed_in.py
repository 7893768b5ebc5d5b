"""The "Discussed in" line: each API entry links to the pages that explain its function.

The ``{loss}`` directive marks its box with the function it shows
(``lossdoc_target``). After a page is read, :class:`DiscussedCollector` notes
which functions the page shows; the map lives in the build environment
(``env.lossdocs_discussed``: docname -> names), purged when a page is re-read and
merged after a parallel read. When an API page is written, every function
entry shown on other pages ends with "Discussed in: <page>, ..." (each link the
page's title, in the build's language). The label is a message of our
``sphinx.po`` (``locale/<lang>/LC_MESSAGES/sphinx.po``), which Sphinx merges
with its own catalog.

A page that starts or stops showing a function changes an API page it never
includes: ``env-get-updated`` sends that API page to be written again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["ATTR", "DiscussedCollector", "discussed", "setup"]

_ = get_translation("sphinx")  # Sphinx's catalog, where our sphinx.po's messages land
ATTR = "lossdocs_discussed"  # the environment's map: docname -> names it shows
MARK = "lossdoc_target"  # set by the {loss} directive on its box
SEPARATOR = {"zh_CN": "、"}  # between two links; ", " elsewhere


def _store(env: BuildEnvironment) -> dict[str, set[str]]:
    if not hasattr(env, ATTR):
        setattr(env, ATTR, {})
    return getattr(env, ATTR)


def discussed(env: BuildEnvironment) -> dict[str, list[str]]:
    """Each function's pages: name -> sorted docnames that show it."""
    pages: dict[str, set[str]] = {}
    for docname, names in _store(env).items():
        for name in names:
            pages.setdefault(name, set()).add(docname)
    return {name: sorted(docs) for name, docs in pages.items()}


class DiscussedCollector(EnvironmentCollector):
    """Which functions each page shows with the ``{loss}`` directive."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _store(env).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        theirs = _store(other)
        _store(env).update({doc: theirs[doc] for doc in docnames if doc in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        names = {node[MARK] for node in doctree.findall(nodes.Element) if MARK in node}
        if names:
            _store(app.env)[app.env.docname] = names


def _snapshot(app: Sphinx, env: BuildEnvironment, *changes: Any) -> list[str]:
    env._lossdocs_discussed_before = discussed(env)  # before the changed pages are purged
    return []


def _api_pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = getattr(env, "_lossdocs_discussed_before", {})
    now = discussed(env)
    changed = {name for name in before.keys() | now.keys() if before.get(name) != now.get(name)}
    objects = env.get_domain("py").objects
    return sorted({objects[name].docname for name in changed if name in objects})


def _add_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    pages = discussed(app.env)
    separator = SEPARATOR.get(app.config.language or "en", ", ")
    for desc in doctree.findall(addnodes.desc):
        if desc.get("domain") != "py" or desc.get("objtype") != "function":
            continue
        sig = next(iter(desc.findall(addnodes.desc_signature)), None)
        if sig is None or not sig.get("fullname"):
            continue
        name = f"{sig['module']}.{sig['fullname']}" if sig.get("module") else sig["fullname"]
        shown = [doc for doc in pages.get(name, ()) if doc != docname]
        if not shown:
            continue
        line = nodes.paragraph(classes=["lossdoc-discussed"])
        line += nodes.Text(_("Discussed in: "))
        for i, doc in enumerate(shown):
            if i:
                line += nodes.Text(separator)
            title = app.env.titles[doc].astext()
            uri = app.builder.get_relative_uri(docname, doc)
            line += nodes.reference(title, title, internal=True, refuri=uri)
        content = next(iter(desc.findall(addnodes.desc_content)))
        content += line


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_env_collector(DiscussedCollector)
    app.connect("env-get-outdated", _snapshot)
    app.connect("env-get-updated", _api_pages_to_rewrite)
    app.connect("doctree-resolved", _add_links)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
