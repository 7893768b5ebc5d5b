"""The gallery in the build's language: one run of each script, one figure per language.

A gallery script draws its words through ``lossdocs.plotting.texts``, in English
(what a reader who downloads it gets). When sphinx-gallery runs it, ``scraper``
(conf.py's ``image_scrapers``) saves each figure once per language of its table:
``sphx_glr_<script>_001.png`` in English, ``sphx_glr_<script>_001.zh_CN.png``
redrawn by ``lossdocs.plotting.localized`` with the Chinese words, the thumbnail
likewise, and the alt texts of both in ``sphx_glr_<script>_001.alt.json``. The
computation runs once; sphinx-gallery's md5 cache then serves both builds.

In a build of language ``L`` this extension then:

- points each gallery image (``image-sg``, which bypasses Sphinx's image
  handling) at its ``.L.png`` and gives it the alt text of ``L``; content
  pages' ``{image}`` of the same file and the thumbnails get ``.L.png`` from
  Sphinx itself (``figure_language_filename``);
- writes the thumbnails' titles and tooltips (raw HTML, out of the catalogs'
  reach) in ``L``, from the translations of each example page's title and
  first paragraph in its catalog.
"""

from __future__ import annotations

import ast
import html
import json
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["alt_text", "scraper", "setup"]

DEFAULT = "en"
SEPARATORS = {"zh_CN": "\uff0c"}  # between a figure's titles in its alt text: ，
# Matplotlib mathtext in a title -> the plain text of an alt attribute
_GREEK = ("alpha", "beta", "gamma", "delta", "theta", "mu", "sigma", "tau")
_TEX = {rf"\{name}": unicodedata.lookup(f"GREEK SMALL LETTER {name}") for name in _GREEK}
_TEX |= {r"\times": "\N{MULTIPLICATION SIGN}", r"\cdot": "\N{MIDDLE DOT}", r"\,": " ",
         r"\leq": "\N{LESS-THAN OR EQUAL TO}", r"\geq": "\N{GREATER-THAN OR EQUAL TO}"}  # fmt: skip


def alt_text(titles: list[str], sep: str = ", ") -> str:
    """A figure's alt text: its titles, joined by `sep`, with their math made plain text."""
    text = sep.join(t.replace("\n", " ").strip() for t in titles if t.strip())
    for tex, plain in _TEX.items():
        text = text.replace(tex, plain)
    text = re.sub(r"\\mathrm\{([^}]*)\}", r"\1", text)
    return re.sub(r"\s+", " ", text.replace("$", "").replace("{", "").replace("}", "")).strip()


def _titles(fig: Any) -> list[str]:
    titles = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    for ax in fig.axes:
        titles += [ax.get_title(loc) for loc in ("left", "center", "right")]
    return [t for t in titles if t]


def _variant(path: Path, lang: str) -> Path:
    return path.with_name(f"{path.stem}.{lang}{path.suffix}")


def scraper(block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """sphinx-gallery's Matplotlib scraper, saving each figure in every language too."""
    from contextlib import ExitStack

    import matplotlib.pyplot as plt
    from sphinx_gallery.scrapers import matplotlib_scraper
    from sphinx_gallery.utils import scale_image

    from lossdocs.plotting import _DRAWN, localized

    languages = sorted({lang for words in _DRAWN.values() for lang in words} - {DEFAULT})
    paths = block_vars["image_path_iterator"]  # figure k+1 of the block gets path k
    figures = [plt.figure(num) for num in plt.get_fignums()]
    for k, fig in enumerate(figures):
        path = Path(paths.image_path.format(len(paths) + k + 1))
        alts = {}
        for lang in [*languages, DEFAULT]:
            with localized(fig, lang):
                alts[lang] = alt_text(_titles(fig), SEPARATORS.get(lang, ", "))
                if lang == DEFAULT:
                    continue
                fig.savefig(_variant(path, lang))
            if path.stem.endswith("_001"):  # sphinx-gallery's thumbnail is figure 1
                thumb = path.parent / "thumb" / f"{path.stem[: -len('_001')]}_thumb.png"
                thumb.parent.mkdir(parents=True, exist_ok=True)
                size = gallery_conf["thumbnail_size"]
                scale_image(_variant(path, lang), _variant(thumb, lang), *size)
        path.with_suffix(".alt.json").write_text(
            json.dumps(alts, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
    with ExitStack() as stack:  # English, whatever LOSSDOCS_LANG says: the default file
        for fig in figures:
            stack.enter_context(localized(fig, DEFAULT))
        return matplotlib_scraper(block, block_vars, gallery_conf)


# -- In the build --------------------------------------------------------------------


def _images(app: Sphinx, doctree: nodes.document) -> None:
    """Each ``image-sg`` of the page: the build language's file and alt text."""
    from sphinx_gallery.directives import imgsgnode

    lang = app.config.language or DEFAULT
    for node in doctree.findall(imgsgnode):
        uri = node["uri"]
        source = Path(app.srcdir) / uri.lstrip("/")
        alts_file = source.with_suffix(".alt.json")
        if alts_file.is_file():
            app.env.note_dependency(str(alts_file))
            alts = json.loads(alts_file.read_text(encoding="utf-8"))
            node["alt"] = html.escape(alts.get(lang, alts.get(DEFAULT, node["alt"])))
        if lang != DEFAULT and _variant(source, lang).is_file():
            new = str(_variant(PurePosixPath(uri), lang))
            node["uri"] = new
            if node.get("srcset"):
                node["srcset"] = node["srcset"].replace(uri, new)


def _intro_and_title(script: Path) -> tuple[str, str]:
    """The raw first paragraph and title of a script's docstring (sphinx-gallery's rules)."""
    docstring = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")), clean=False)
    paragraphs = [
        p for p in (docstring or "").lstrip().split("\n\n") if p and not p.startswith(".. ")
    ]
    title = next(
        line.strip()
        for line in paragraphs[0].splitlines()
        if not re.fullmatch(r"\s*([\W_])\1{3,}\s*", line)
    )
    intro = paragraphs[1] if len(paragraphs) > 1 else title
    return intro.strip().replace("\n", " "), title


def _plain(rst: str) -> str:
    """sphinx-gallery's rst to text, plus what it leaves in Chinese (escaped spaces, ``x``)."""
    from sphinx_gallery.gen_rst import _sanitize_rst

    return re.sub(r"``([^`]+)``", r"\1", _sanitize_rst(rst)).replace("\\ ", "")


def _thumbnails(app: Sphinx, doctree: nodes.document) -> None:
    """Thumbnails' tooltips and titles (raw HTML) in the build's language."""
    lang = app.config.language or DEFAULT
    raws = [n for n in doctree.findall(nodes.raw) if "sphx-glr-thumb" in n.astext()]
    if lang == DEFAULT or not raws:
        return
    from sphinx.locale import init as catalog_init
    from sphinx.util.i18n import docname_to_domain
    from sphinx_gallery.gen_rst import _sanitize_rst

    conf = app.config.sphinx_gallery_conf
    examples = Path(app.srcdir, conf["examples_dirs"]).resolve()
    out_dir = conf["gallery_dirs"]
    dirs = [str(Path(app.srcdir, d)) for d in app.config.locale_dirs]
    swaps = {}
    for script in sorted(examples.glob("plot_*.py")):
        app.env.note_dependency(str(script))
        domain = docname_to_domain(f"{out_dir}/{script.stem}", app.config.gettext_compact)
        translator, _ = catalog_init(dirs, lang, domain)
        intro, title = _intro_and_title(script)
        # sphinx-gallery escapes the tooltip, not the title
        swaps[html.escape(_sanitize_rst(intro))] = html.escape(_plain(translator.gettext(intro)))
        swaps[_sanitize_rst(title)] = html.escape(_plain(translator.gettext(title)), quote=False)
    for node in raws:
        text = node.astext()
        new = re.sub(r'(tooltip=")([^"]*)(")', lambda m: m[1] + swaps.get(m[2], m[2]) + m[3], text)
        new = re.sub(
            r'(thumbnail-title">)([^<]*)(<)', lambda m: m[1] + swaps.get(m[2], m[2]) + m[3], new
        )
        if new != text:
            node.replace(node[0], nodes.Text(new))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _images)
    app.connect("doctree-read", _thumbnails)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
