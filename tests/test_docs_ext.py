"""Tests of the site's Sphinx extensions (docs/_ext/) that need no full site build.

The docstring readers and the "no page restates a formula" rule run in the plain
pytest run; the MathML renderer and the ``{loss}`` directive need Sphinx,
math-core and MyST (the ``docs`` extra) and are skipped without them. The tiny
builds run ``python -m sphinx`` in a subprocess on a one-page project in tmp_path.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

import lossdocs

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "docs" / "_ext"
sys.path.insert(0, str(EXT))  # the extensions import each other by bare name, as in conf.py

from docstring_math import (  # noqa: E402
    canonical_name,
    first_math_block,
    normalise_tex,
    numpydoc_section,
    resolve,
    torch_counterpart,
)

HUBER_TEX = r"""\ell_\delta(\hat y, y) =
\begin{cases}
    \tfrac{1}{2} (\hat y - y)^2 & \text{if } |\hat y - y| < \delta \\
    \delta \left(|\hat y - y| - \tfrac{1}{2} \delta\right) & \text{otherwise}
\end{cases}"""


def _docs_stack():
    """Import the docs extra: a missing package is a failure, not a skip."""
    for name in ("sphinx", "math_core", "myst_parser"):
        importlib.import_module(name)


# -- reading docstrings (no Sphinx) ---------------------------------------------------


def test_first_math_block_of_huber_is_its_definition():
    # Copied by hand from the docstring of lossdocs/regression/huber.py::huber.
    assert first_math_block(inspect.getdoc(lossdocs.huber)) == HUBER_TEX


def test_first_math_block_takes_only_the_first_and_skips_options():
    doc = """Summary.

    Text with :math:`x` inline, which is not a block.

    .. math::
        :label: first

        a = b

        c = d

    Parameters
    ----------
    .. math:: e = f
    """
    assert first_math_block(doc) == "a = b\n\nc = d"


def test_first_math_block_reads_an_argument_on_the_directive_line():
    assert first_math_block("S.\n\n.. math:: e = mc^2\n\nMore.") == "e = mc^2"


@pytest.mark.parametrize("doc", [None, "", "Summary.\n\nNo formula, only :math:`x`."])
def test_first_math_block_is_none_without_a_block(doc):
    assert first_math_block(doc) is None


def test_numpydoc_section_stops_at_the_next_section():
    doc = inspect.getdoc(lossdocs.huber)
    notes = numpydoc_section(doc, "Notes")
    assert notes.startswith("PyTorch: ``torch.nn.functional.huber_loss``.\n\nThe linear part")
    assert "References" not in notes and ".. [1]" not in notes
    assert numpydoc_section(doc, "Warnings") is None


def test_torch_counterpart_reads_only_the_first_line_of_the_notes():
    doc = (
        "Use ``torch.zeros``.\n\nNotes\n-----\nPyTorch: ``torchvision.ops.box_iou``.\n\n"
        "Unlike ``torch.abs``.\n\nExamples\n--------\n``torch.ones``"
    )
    assert torch_counterpart(doc) == "torchvision.ops.box_iou"
    assert torch_counterpart(inspect.getdoc(lossdocs.huber)) == "torch.nn.functional.huber_loss"
    assert torch_counterpart("S.\n\nNotes\n-----\nPyTorch: none.\n\n``torch.abs``.") is None


@pytest.mark.parametrize(
    "notes",
    [
        "No PyTorch counterpart. NaN propagates.",
        "NaN propagates. PyTorch: ``torch.nn.functional.l1_loss``.",
        "PyTorch: ``torch.nn.functional.l1_loss``",  # no full stop
        "PyTorch: None.",
    ],
)
def test_torch_counterpart_refuses_notes_without_the_fixed_line(notes):
    with pytest.raises(ValueError, match="must open with"):
        torch_counterpart(f"S.\n\nNotes\n-----\n{notes}\n")


def test_resolve_and_canonical_name():
    assert resolve("lossdocs.huber") is lossdocs.huber
    assert resolve("lossdocs.regression.huber.huber") is lossdocs.huber
    assert canonical_name(lossdocs.huber, "lossdocs.regression.huber.huber") == "lossdocs.huber"
    with pytest.raises(AttributeError):
        resolve("lossdocs.no_such_loss")
    with pytest.raises(ModuleNotFoundError):
        resolve("no_such_package.x")


def test_docstring_math_doctests():
    module = importlib.import_module("docstring_math")
    assert doctest.testmod(module).failed == 0


# -- the rule: no page restates a formula that a docstring defines ------------------------

_FENCE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{math\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
_DOLLARS = re.compile(r"\$\$(?P<body>.+?)\$\$", re.S)
_AMSMATH = re.compile(r"^\\begin\{(?P<env>[a-z]+\*?)\}.*?^\\end\{(?P=env)\}", re.M | re.S)
_OPTION_LINE = re.compile(r"^:[\w-]+:.*$", re.M)


def page_formulas(text: str) -> list[str]:
    """The display formulas of a MyST page: $$ blocks, {math} fences, amsmath blocks."""
    found = [_OPTION_LINE.sub("", m["body"]) for m in _FENCE.finditer(text)]
    found += [m["body"] for m in _DOLLARS.finditer(text)]
    found += [m[0] for m in _AMSMATH.finditer(text)]
    return [f for f in found if f.strip()]


def test_page_formulas_finds_every_kind_of_block():
    page = textwrap.dedent(
        r"""
        Inline $a$ is not a block.

        $$
        x = 1
        $$

        ```{math}
        :label: eq

        y = 2
        ```

        :::{math}
        z = 3
        :::

        \begin{align}
        w &= 4
        \end{align}
        """
    )
    assert [normalise_tex(f) for f in page_formulas(page)] == [
        "y=2",
        "z=3",
        "x=1",
        r"\begin{align}w&=4\end{align}",
    ]


def _pages() -> list[Path]:
    skip = {"_build", "auto_gallery", "generated"}
    docs = ROOT / "docs"
    return sorted(p for p in docs.rglob("*.md") if not skip & set(p.relative_to(docs).parts))


def test_no_page_restates_an_implemented_formula():
    formulas = {}
    for name in lossdocs.__all__:
        tex = first_math_block(inspect.getdoc(getattr(lossdocs, name)))
        if tex:
            formulas[name] = normalise_tex(tex)
    assert "huber" in formulas  # the docstrings are read
    restated = [
        f"{page.relative_to(ROOT)}: restates the formula of lossdocs.{name}; "
        f"use ```{{loss}} lossdocs.{name}``` instead"
        for page in _pages()
        for block in page_formulas(page.read_text(encoding="utf-8"))
        for name, tex in formulas.items()
        if tex in normalise_tex(block)
    ]
    assert not restated, "\n".join(restated)


# -- the MathML renderer --------------------------------------------------------------


def test_prepare_display_wraps_like_sphinx():
    _docs_stack()
    from mathml import prepare_display

    assert prepare_display("a = b") == "a = b"
    # A line break inside an environment needs no wrapping; a top-level one does.
    assert prepare_display(HUBER_TEX) == HUBER_TEX
    assert prepare_display(r"a &= b \\ c &= d") == r"\begin{aligned}a &= b \\ c &= d\end{aligned}"
    # Blank lines separate equations: centred, or aligned when they use &.
    assert prepare_display("a\n\nb") == r"\begin{gathered}a \\ b\end{gathered}"
    assert prepare_display("a &= b\n  \nc &= d") == (
        r"\begin{aligned}a &= b \\ c &= d\end{aligned}"
    )
    # Numbered environments are starred: Sphinx numbers the block itself.
    assert prepare_display(r"\begin{align}a\end{align}", nowrap=True) == (
        r"\begin{align*}a\end{align*}"
    )


def test_convert_gives_mathml_and_raises_on_bad_tex():
    _docs_stack()
    from math_core import LatexError
    from mathml import convert, prepare_display

    block = convert(prepare_display(HUBER_TEX), display=True)
    assert block.startswith('<math display="block">') and block.endswith("</math>")
    assert "<mtable" in block  # the cases
    assert convert("x", display=False) == "<math><mi>x</mi></math>"
    # A prime follows its base (as a superscript, browsers draw the raised glyph too high).
    prime = convert(r"\sigma'(z)", display=False)
    assert "<msup>" not in prime
    assert '<mi>\u03c3</mi><mo lspace="0" rspace="0">\u2032</mo>' in prime
    with pytest.raises(LatexError):
        convert(r"\frac{1", display=True)


# -- the API pages ------------------------------------------------------------------------


def test_api_pages_document_every_public_name_exactly_once():
    _docs_stack()
    from family_directive import family_rst

    families = re.findall(
        r"^\.\. lossdocs-family:: (\S+)$",
        "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs/api").glob("*.rst"))),
        re.M,
    )
    assert "lossdocs.regression" in families
    documented = []
    for family in families:
        text = family_rst(family, frozenset({"lossdocs.huber"}))
        documented += re.findall(r"^\.\. autofunction:: (\S+)$", text, re.M)
        if family == "lossdocs.regression":
            assert "   .. minigallery:: lossdocs.huber" in text
    assert sorted(documented) == sorted(lossdocs.__all__)  # each once, under lossdocs.<name>


# -- tiny Sphinx builds ------------------------------------------------------------------

CONF = f"""
import sys
sys.path.insert(0, {str(EXT)!r})
extensions = ["sphinx.ext.autodoc", "sphinx.ext.viewcode", "numpydoc", "myst_parser"]
extensions += ["mathml", "loss_directive", "myst_patches"]
myst_enable_extensions = ["dollarmath", "amsmath"]
html_math_renderer = "mathml"
autodoc_typehints = "none"
numpydoc_show_class_members = False
nitpick_ignore_regex = [("py:obj", ".*")]  # See Also siblings, not built here
"""

PAGE = """# Page

Inline $a^2$.

```{loss} lossdocs.regression.huber.huber
```

\\begin{align}
a &= b
\\end{align}
"""

API = """API
===

.. autofunction:: lossdocs.huber
"""


def _build(src: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    toctree = "\n".join(name.rsplit(".", 1)[0] for name in pages if name != "index.md")
    pages = {**pages}
    pages["index.md"] += f"\n```{{toctree}}\n{toctree}\n```\n" if toctree else ""
    for name, text in pages.items():
        (src / name).write_text(text, encoding="utf-8")
    out = src.parent / "html"
    args = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    return subprocess.run(
        [*args, str(src), str(out)], capture_output=True, text=True, timeout=120, check=False
    )


def test_loss_directive_and_mathml_in_a_build(tmp_path):
    _docs_stack()
    result = _build(tmp_path / "src", {"index.md": PAGE, "api.rst": API})
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    api = (tmp_path / "html" / "api.html").read_text(encoding="utf-8")
    assert page.count("<math") >= 3  # inline, the loss formula, the amsmath block
    assert not re.search(r"<script[^>]*mathjax", page, re.I)
    # The link goes to autodoc's entry; the directive itself creates no object target.
    assert 'href="api.html#lossdocs.huber"' in page
    assert 'id="lossdocs.huber"' not in page and api.count('id="lossdocs.huber"') == 1
    assert 'href="_modules/lossdocs/regression/huber.html#huber"' in page
    assert (tmp_path / "html" / "_modules" / "lossdocs" / "regression" / "huber.html").is_file()
    assert "PyTorch counterpart: " in page and "torch.nn.functional.huber_loss" in page
    # amsmath: one number, from Sphinx, under a label stable across builds.
    assert 'id="equation-index-amsmath-1"' in page
    assert page.count('<span class="eqno">(1)') == 1 and "<mtext>(1)</mtext>" not in page


def test_bad_tex_is_a_located_warning(tmp_path):
    _docs_stack()
    page = "# Page\n\nText.\n\n$$\n\\frac{1\n$$\n"
    result = _build(tmp_path / "src", {"index.md": page})
    assert result.returncode != 0
    assert re.search(r"index\.md:\d+: WARNING: cannot convert math to MathML", result.stderr)


def test_loss_directive_refuses_a_name_it_cannot_import(tmp_path):
    _docs_stack()
    page = "# Page\n\n```{loss} lossdocs.no_such_loss\n```\n"
    result = _build(tmp_path / "src", {"index.md": page})
    assert result.returncode != 0
    assert "cannot import 'lossdocs.no_such_loss'" in result.stderr


def _strip_calls(literal: str) -> str:
    """``f(a, g(b)).h()`` -> ``f.h``: the dotted name a cheat-sheet call spells."""
    while (shorter := re.sub(r"\([^()]*\)", "", literal)) != literal:
        literal = shorter
    return literal


def test_cheat_sheet_names_the_counterpart_of_the_notes_first_line():
    # The cheat sheet's "PyTorch / torchvision" column may show a call (with its
    # arguments), but it must name what the docstring's fixed PyTorch line names.
    rows = 0
    for line in (ROOT / "docs" / "cheatsheet.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        name = cells[0].strip("`")
        if len(cells) != 5 or name not in lossdocs.__all__:
            continue
        rows += 1
        expected = torch_counterpart(inspect.getdoc(getattr(lossdocs, name)))
        if expected is None:
            assert cells[1].startswith("—"), f"{name}: the cheat sheet names {cells[1]}"
        else:
            literal = re.match(r"`([^`]+)`", cells[1])
            assert literal and _strip_calls(literal[1]) == expected, (name, cells[1])
    assert rows >= 30  # the tables were read


def test_myst_still_labels_amsmath_at_random():
    # docs/_ext/myst_patches.py, patch 2: drop it once MyST's labels are stable.
    _docs_stack()
    from myst_patches import stable_labels_needed

    assert stable_labels_needed(), "MyST labels amsmath blocks deterministically: drop patch 2"


# -- search keys and the relevance suite's data (docs/_ext/search_keys.py) -------------


def _search_data():
    registry = tomllib.loads((ROOT / "docs" / "search_keys.toml").read_text(encoding="utf-8"))
    queries = tomllib.loads(
        (ROOT / "tests" / "browser" / "search_queries.toml").read_text(encoding="utf-8")
    )
    return registry, queries


def _is_page(docname: str) -> bool:
    """A source page of the site, or a gallery script's page."""
    if docname.startswith("auto_gallery/"):
        return (ROOT / "gallery" / f"{docname.split('/', 1)[1]}.py").is_file()
    return any((ROOT / "docs" / f"{docname}{suffix}").is_file() for suffix in (".md", ".rst"))


def test_search_data_names_existing_pages():
    registry, queries = _search_data()
    named = set(registry) | {page for table in queries.values() for page in table.values()}
    assert not {name for name in named if not _is_page(name)}


def test_relevance_suite_has_enough_queries_per_language():
    _, queries = _search_data()
    assert set(queries) == {"en", "zh_CN"}
    sizes = {lang: len(table) for lang, table in queries.items()}
    assert min(sizes.values()) >= 60, sizes


def test_each_search_key_leads_to_one_page():
    from search_keys import expand_keys, glossary_entries

    registry, _ = _search_data()
    entries = glossary_entries((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    functions = {name for name in dir(lossdocs) if callable(getattr(lossdocs, name))}
    owner: dict[str, str] = {}
    clashes = []
    for docname, fields in registry.items():
        for key in expand_keys(fields["keys"], entries, functions):
            folded = re.sub(r"[\W_]+", " ", key.casefold()).strip()
            if owner.setdefault(folded, docname) != docname:
                clashes.append(f"{key!r}: {owner[folded]} and {docname}")
    assert not clashes


def test_glossary_entries_of_the_site_pair_english_and_chinese():
    from search_keys import glossary_entries

    entries = glossary_entries((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    assert len(entries) >= 50
    hinge = next(entry for entry in entries if entry[0] == "hinge loss")
    assert any(re.search(r"[\u4e00-\u9fff]", term) for term in hinge[1:]), hinge


def test_expand_keys_brings_the_pytorch_names_and_the_glossary_entry():
    from search_keys import expand_keys

    keys = expand_keys(["huber", "a term"], [["A term", "术语"]], {"huber"})
    assert keys[:3] == ["huber", "lossdocs.huber", "torch.nn.functional.huber_loss"]
    assert {"huber_loss", "F.huber_loss", "A term", "术语"} <= set(keys)
    assert "a term" not in keys  # the glossary's spelling replaces the key's
    # info_nce's Notes compare with cross_entropy: no labelled counterpart, no torch key.
    assert expand_keys(["info_nce"], [], {"info_nce"}) == ["info_nce", "lossdocs.info_nce"]


@pytest.mark.parametrize(
    ("docname", "kind"),
    [
        ("detection/focal-loss", "question"),
        ("detection/index", "page"),
        ("index", "page"),
        ("errata", "page"),
        ("api/detection", "api"),
        ("auto_gallery/plot_focal_loss", "gallery"),
        ("glossary", "glossary"),
        ("cheatsheet", "cheatsheet"),
    ],
)
def test_page_kind(docname, kind):
    from search_keys import page_kind

    assert page_kind(docname) == kind


def test_summary_skips_the_title_and_code_and_reads_formulas():
    from docutils.core import publish_doctree
    from search_keys import summary_of

    doctree = publish_doctree(
        "Title\n=====\n\nThe loss :math:`\\alpha (1 - p_t)^\\gamma` weighs.\n\n"
        "::\n\n    code()\n\n" + "More words here. " * 30
    )
    summary = summary_of(doctree, limit=80)
    assert summary.startswith("The loss \u03b1 (1 - pt)\u03b3 weighs. More words")
    assert "Title" not in summary and "code()" not in summary
    assert summary.endswith("…") and len(summary) <= 81
