"""What the site search knows beyond Sphinx's index: each page's kind, keys and summary.

Sphinx's search ranks by words in titles and text, so a query that names a loss
("focal loss", "KL散度", "BCEWithLogitsLoss") finds the glossary, the API and the
gallery before the page that explains it, and over ``file://`` it shows no text
under the results (it fetches each page for it, which the browser blocks). This
extension writes, beside Sphinx's index, ``_static/search_pages.js``: for every page

- its kind: ``question`` (a page of a chapter folder, ``docs/<family>/<page>.md``),
  ``api``, ``cheatsheet``, ``glossary``, ``gallery``, or ``page`` (indexes, errata...);
- its keys, from ``docs/search_keys.toml`` (the names a reader types for what the
  page explains; that file's header says how to write them), expanded: a glossary
  term brings every line of its glossary entry (so the Chinese terms and aliases come
  from docs/glossary.md), a lossdocs function brings its qualified name and the
  PyTorch counterpart its docstring's Notes name;
- its summary: the first sentences of its text (240 characters, 120 in Chinese), in
  the build's language, with formulas as plain text;

and adds it and ``_static/search_rank.js`` (which ranks with them, see there) to the
search page only. A key table naming a page that does not exist is a build warning.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "expand_keys",
    "glossary_entries",
    "page_kind",
    "plain_math",
    "setup",
    "summary_of",
]

logger = logging.getLogger(__name__)

REGISTRY = "search_keys.toml"  # in the source folder
GLOSSARY = "glossary.md"
DATA = "search_pages.js"  # written into the build's _static folder
SCRIPT = "search_rank.js"  # docs/_static
SUMMARY_CHARS = 240  # about Sphinx's own summary length; half in Chinese (wider characters)
KINDS = {"api": "api", "auto_gallery": "gallery", "glossary": "glossary",
         "cheatsheet": "cheatsheet"}  # fmt: skip
# Nodes whose text is no summary: code, figures, hidden targets, the toctree.
SKIP = (nodes.literal_block, nodes.math_block, nodes.figure, nodes.image, nodes.raw,
        nodes.comment, nodes.target, nodes.system_message, nodes.title, nodes.table,
        nodes.compound, nodes.rubric, nodes.field_list, addnodes.desc)  # fmt: skip
# "PyTorch: ``torch.nn.functional.kl_div``": a name, not a call.
TEX_WORDS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",  # noqa: RUF001
    "theta": "θ", "lambda": "λ", "mu": "μ", "sigma": "σ", "tau": "τ", "pi": "π", "ell": "ℓ",  # noqa: RUF001
    "sum": "Σ", "prod": "Π", "in": "∈", "ge": "≥", "geq": "≥", "le": "≤", "leq": "≤",
    "to": "→", "approx": "≈", "cdot": "·", "times": "×", "infty": "∞", "neq": "≠",  # noqa: RUF001
    "Vert": "‖", "mid": "|", "log": "log", "exp": "exp", "max": "max", "min": "min",
}  # fmt: skip
ACCENTS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303"}  # combining marks


def page_kind(docname: str) -> str:
    """``question`` for a page of a chapter folder; else what the page is for."""
    head, _, tail = docname.partition("/")
    if head in KINDS:
        return KINDS[head]
    return "question" if tail and tail != "index" and "/" not in tail else "page"


def glossary_entries(text: str) -> list[list[str]]:
    r"""The term lines of each entry of the ``{glossary}`` block of a MyST page.

    >>> glossary_entries("```{glossary}\nhinge loss\n铰链损失\n  The loss.\n\nKL\n  D.\n```")
    [['hinge loss', '铰链损失'], ['KL']]
    """
    entries: list[list[str]] = []
    inside, fresh = False, True
    for line in text.splitlines():
        if line.startswith("```{glossary}"):
            inside, fresh = True, True
        elif inside and line.startswith("```"):
            inside = False
        elif inside and line.strip() and not line[0].isspace() and not line.startswith(":"):
            if fresh:
                entries.append([])
            entries[-1].append(line.strip())
            fresh = False
        elif inside:
            fresh = True  # a definition line or a blank: the next term starts an entry
    return entries


def _torch_names(name: str) -> list[str]:
    """The PyTorch counterpart of ``lossdocs.<name>`` and its short spellings.

    Only the counterpart named by the fixed first line of the Notes counts: the other
    torch names there are comparisons.
    """
    from docstring_math import torch_counterpart

    import lossdocs

    torch = torch_counterpart(getattr(lossdocs, name).__doc__)
    if torch is None:
        return []
    short = torch.rsplit(".", 1)[-1]
    names = [torch, short]
    if torch.startswith("torch.nn.functional."):
        names.append(f"F.{short}")
    return names


def expand_keys(keys: list[str], entries: list[list[str]], functions: set[str]) -> list[str]:
    """`keys` with their relatives (module docstring), each once, in order.

    >>> expand_keys(["hinge loss", "x"], [["hinge loss", "铰链损失"]], set())
    ['hinge loss', '铰链损失', 'x']
    """
    by_term = {term.casefold(): entry for entry in entries for term in entry}
    out: list[str] = []
    for key in keys:
        out += by_term.get(key.casefold(), [key])
        name = key.removeprefix("lossdocs.")
        if name in functions:
            out += [name, f"lossdocs.{name}", *_torch_names(name)]
    return list(dict.fromkeys(out))


def plain_math(tex: str) -> str:
    r"""A formula as plain text for a summary.

    >>> plain_math(r"(1 - p_t)^\gamma"), plain_math(r"\ell(\hat{y}, y)"), plain_math(r"P \| Q")
    ('(1 - pt)γ', 'ℓ(ŷ, y)', 'P ‖ Q')
    """
    tex = re.sub(r"\\(hat|bar|tilde)\{(\w)\}", lambda m: m[2] + ACCENTS[m[1]], tex)
    tex = re.sub(r"\\[tdc]?frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", tex)
    tex = re.sub(r"\\([A-Za-z]+)", lambda m: TEX_WORDS.get(m[1], ""), tex)
    tex = re.sub(r"\\[,;:! ]", " ", tex).replace("\\|", "‖")
    tex = tex.replace("{", "").replace("}", "").replace("^", "").replace("_", "")
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", tex)).strip()


def summary_of(doctree: nodes.Node, limit: int = SUMMARY_CHARS) -> str:
    """The first `limit` characters or so of a page's text, after its title."""
    parts: list[str] = []
    size = 0

    def visit(node: nodes.Node) -> None:
        nonlocal size
        if size >= limit or isinstance(node, SKIP):
            return
        if isinstance(node, nodes.math):
            text = plain_math(node.astext())
        elif isinstance(node, nodes.Text):
            text = node.astext()
        else:
            for child in node.children:
                visit(child)
            if isinstance(node, (nodes.paragraph, nodes.term)):
                parts.append(" ")
            return
        parts.append(text)
        size += len(text)

    visit(doctree)
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # English: end at a word; Chinese has no spaces to end at
        cut = cut[:space]
    return cut.rstrip(",;:，；：") + "…"  # noqa: RUF001


def _summaries(env: BuildEnvironment) -> dict[str, str]:
    """``{docname: summary}``, kept in the environment between incremental builds."""
    if not hasattr(env, "lossdocs_search_summaries"):
        env.lossdocs_search_summaries = {}
    return env.lossdocs_search_summaries


def _doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    from zh_search import is_chinese

    limit = SUMMARY_CHARS // 2 if is_chinese(app.config.language) else SUMMARY_CHARS
    _summaries(app.env)[app.env.docname] = summary_of(doctree, limit)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _summaries(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: Any) -> None:
    theirs = _summaries(other)
    _summaries(env).update({name: theirs[name] for name in docnames if name in theirs})


def _registry(app: Sphinx) -> dict[str, list[str]]:
    """``{docname: expanded keys}`` from the key file, warning of a page that is gone."""
    import lossdocs

    source = Path(app.srcdir)
    table = tomllib.loads((source / REGISTRY).read_text(encoding="utf-8"))
    entries = glossary_entries((source / GLOSSARY).read_text(encoding="utf-8"))
    functions = {name for name in dir(lossdocs) if callable(getattr(lossdocs, name))}
    keys = {}
    for docname, fields in table.items():
        if docname not in app.env.found_docs:
            logger.warning("search_keys: %s names %r, which is no page", REGISTRY, docname)
            continue
        keys[docname] = expand_keys(fields.get("keys", []), entries, functions)
    return keys


def _write_data(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: write the data before the search page is rendered."""
    if app.builder.format != "html" or not app.builder.search:
        return []
    summaries = _summaries(app.env)
    keys = _registry(app)
    pages = {
        docname: {
            "kind": page_kind(docname),
            "keys": keys.get(docname, []),
            "summary": summaries.get(docname, ""),
        }
        for docname in sorted(app.env.found_docs)
    }
    data = json.dumps({"pages": pages}, ensure_ascii=False, separators=(",", ":"))
    static = Path(app.builder.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / DATA).write_text(f"var LOSSDOCS_SEARCH = {data};\n", encoding="utf-8")
    return []


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:  # fmt: skip
    if pagename == "search" and app.builder.format == "html":
        app.add_js_file(DATA)  # for this page only (Sphinx resets the list per page)
        app.add_js_file(SCRIPT)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _doctree_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-collect-pages", _write_data)
    app.connect("html-page-context", _page_context)
    # env_version: raise it when the summaries change, so that a build re-reads every page.
    return {"version": "1", "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}  # fmt: skip
