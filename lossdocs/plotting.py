r"""Shared figure styling for the gallery: palette, sizes, background and a few helpers.

Optional: it needs Matplotlib, installed by the ``gallery`` extra
(``pip install ".[gallery]"`` from a clone). ``import lossdocs`` never
imports this module, and this module imports Matplotlib only when one of its
functions is called, so its doctests run without Matplotlib.

Design choices, made once here for every figure:

* **Colours**: the Okabe-Ito palette [1]_, distinguishable under the common
  colour-vision deficiencies. Its yellow is left out of the line cycle
  (too pale on white); each line also gets its own dash pattern, so lines
  stay apart in grey scale. Surfaces use ``viridis``, perceptually uniform
  and colour-blind safe.
* **Background**: opaque white with dark text. The site has a light and a
  dark theme; a transparent figure would put dark text on the dark page
  and light text would vanish on the light one, while an opaque light
  figure reads in both, like a printed plot on a dark desk.
* **Size**: 8 inches at 100 dpi, 800 px, the width of the page's text
  column, with 11 pt text, so the figure is shown near 1:1 and no label
  shrinks below about 10 px.
* **Languages**: a script keeps every word it draws in one table, one
  column per language, and draws through :func:`texts`: English by default,
  Chinese with ``LOSSDOCS_LANG=zh_CN``. Chinese glyphs come from Noto Sans
  CJK SC, shipped by the ``noto-cjk-sans-otc`` package of the ``gallery``
  extra (OFL 1.1), never from a system font. :func:`localized` redraws a
  finished figure's words in another language, so the site's build runs
  each computation once and saves one figure per language.

Examples
--------
>>> from lossdocs.plotting import COLORS, LINE_COLORS
>>> print(COLORS["vermillion"], len(LINE_COLORS))
#D55E00 7
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import numpy as np

from .activations import softmax

__all__ = [
    "COLORS",
    "INK",
    "LINESTYLES",
    "LINE_COLORS",
    "LANGUAGE_VARIABLE",
    "annotate",
    "descent_path",
    "figure_language",
    "grid_gaussian",
    "landscape",
    "localized",
    "mark_min",
    "texts",
    "use_style",
]

#: The Okabe-Ito palette, by name.
COLORS = {
    "black": "#000000",
    "orange": "#E69F00",
    "skyblue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
#: The line colour cycle: Okabe-Ito without yellow, darkest first.
LINE_COLORS = tuple(
    COLORS[name] for name in ("blue", "vermillion", "green", "purple", "orange", "skyblue", "black")
)
#: One dash pattern per colour of the cycle.
LINESTYLES = ("-", "--", "-.", ":", (0, (6, 2, 1, 2, 1, 2)), (0, (1, 1)), (0, (8, 3)))
#: Text, ticks and spines.
INK = "#222222"

_STYLE = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": "figure",
    "figure.constrained_layout.use": True,
    "figure.facecolor": "white",
    "figure.edgecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "figure.titlesize": 13,
    "figure.titleweight": "bold",
    "legend.fontsize": 10,
    "legend.title_fontsize": 10,
    "legend.framealpha": 0.92,
    "legend.edgecolor": "#BBBBBB",
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "axes.edgecolor": "#555555",
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.7,
    "axes.axisbelow": True,
    "lines.linewidth": 2.0,
    "lines.markersize": 5,
    "image.cmap": "viridis",
    "contour.linewidth": 0.6,
}


def _mpl():
    """Import Matplotlib on first use, with an install hint if it is missing."""
    try:
        import matplotlib as mpl
        import matplotlib.patheffects as pe
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            'lossdocs.plotting needs Matplotlib: pip install ".[gallery]" from a clone'
        ) from exc
    return mpl, pe


def use_style():
    """Apply the gallery style to Matplotlib's rcParams (call once, before plotting)."""
    mpl, _ = _mpl()
    from cycler import cycler  # a Matplotlib dependency

    mpl.rcParams.update(_STYLE)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=LINE_COLORS) + cycler(linestyle=LINESTYLES)
    # Latin text in DejaVu Sans (Matplotlib's own); each glyph it lacks, such as
    # a Chinese one, falls back to the next family of the list. Chinese figures
    # put the CJK font first: math-mode text ($...$) has no fallback.
    language = os.environ.get(LANGUAGE_VARIABLE, "").replace("-", "_").lower()
    mpl.rcParams["font.family"] = _families(language)


#: The environment variable that chooses the language of the figures' words.
LANGUAGE_VARIABLE = "LOSSDOCS_LANG"
#: Each word drawn so far, in the language it was drawn in -> its every language.
_DRAWN: dict[str, dict[str, str]] = {}
_CJK_FAMILY = "Noto Sans CJK SC"


def _families(language):
    """Matplotlib's ``font.family`` list for figures in `language` (e.g. ``zh_cn``)."""
    cjk = _cjk_families()
    return [*cjk, "DejaVu Sans"] if language.startswith("zh") else ["DejaVu Sans", *cjk]


def _cjk_families():
    """Register the packaged CJK font with Matplotlib; return its family name, if any.

    The font is ``NotoSansCJK-Regular.ttc`` of the ``noto-cjk-sans-otc`` package
    (the collection's Simplified Chinese face). A system font of the same name
    is set aside, so every machine draws with the same file. The package has
    no bold: bold Chinese (titles) is drawn in the regular weight, registered
    as bold too so that Matplotlib does not warn about it.
    """
    try:
        import noto_cjk_sans_otc
    except ImportError:  # pragma: no cover - the gallery extra installs it
        return []
    import dataclasses

    from matplotlib import font_manager

    path = os.path.realpath(str(noto_cjk_sans_otc.FONT_PATH))
    manager = font_manager.fontManager
    if not any(os.path.realpath(entry.fname) == path for entry in manager.ttflist):
        manager.addfont(path)
        ours = [e for e in manager.ttflist if os.path.realpath(e.fname) == path]
        ours += [dataclasses.replace(e, weight=700) for e in ours if e.name == _CJK_FAMILY]
        names = {entry.name for entry in ours}
        others = [e for e in manager.ttflist if e.name not in names]
        manager.ttflist[:] = ours + others  # ties go to the first entry: ours
        manager._findfont_cached.cache_clear()  # as addfont does after adding
    return [_CJK_FAMILY]


def figure_language(languages=("en",)):
    """The language figures are drawn in: ``$LOSSDOCS_LANG``, or English when unset.

    ``zh_CN``, ``zh-CN``, ``zh-cn`` and ``zh`` all name Simplified Chinese.
    Raises ValueError for a language not in `languages`.

    Examples
    --------
    >>> from lossdocs.plotting import figure_language
    >>> figure_language(("en", "zh_CN"))  # LOSSDOCS_LANG is unset in the tests
    'en'
    """
    code = os.environ.get(LANGUAGE_VARIABLE, "").strip() or "en"
    lang, _, region = code.replace("-", "_").partition("_")
    code = f"{lang.lower()}_{region.upper()}" if region else lang.lower()
    code = {"zh": "zh_CN"}.get(code, code)
    if code not in languages:
        raise ValueError(
            f"{LANGUAGE_VARIABLE}={os.environ[LANGUAGE_VARIABLE]!r} is not one of the "
            f"figure's languages: {', '.join(languages)}"
        )
    return code


class _Texts:
    """The words of one figure in every language; calling it gives one in the figure's."""

    def __init__(self, table, language):
        self.table, self.language = table, language

    def __call__(self, key, /, **fields):
        if key not in self.table["en"]:
            raise KeyError(f"no text {key!r} in the figure's table")
        every = {lang: words[key].format(**fields) for lang, words in self.table.items()}
        drawn = every[self.language]
        _DRAWN[drawn] = every
        return drawn


def texts(table, language=None):
    """Return ``t``, with ``t(key, **fields)`` the figure's text `key` in its language.

    `table` maps each language (``"en"`` first, then e.g. ``"zh_CN"``) to a
    dict of texts, each a :meth:`str.format` template filled with `fields`;
    every language has the same keys. `language` defaults to
    :func:`figure_language`. Every text given out is remembered in all its
    languages, so that :func:`localized` can redraw the figure in another.

    Examples
    --------
    >>> from lossdocs.plotting import texts
    >>> t = texts({"en": {"n": "{n} steps"}, "zh_CN": {"n": "{n} 步"}}, language="zh_CN")
    >>> t("n", n=3)
    '3 步'
    """
    if "en" not in table:
        raise ValueError("table must have English texts, under 'en'")
    keys = set(table["en"])
    for lang, words in table.items():
        if set(words) != keys:
            diff = sorted(keys.symmetric_difference(words))
            raise ValueError(f"table[{lang!r}] does not have the English keys: {diff}")
    return _Texts(table, language or figure_language(tuple(table)))


def _translate(text, language):
    return _DRAWN.get(text, {}).get(language, text)


@contextmanager
def localized(fig, language):
    """Show `fig`'s words in `language` inside the ``with`` block, then restore them.

    Every text of the figure (titles, labels, legends, annotations, tick labels
    set by hand) that came from :func:`texts` is replaced; the rest (numbers,
    math) stays. The layout is redone when the figure is saved.
    """
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter

    undo = []
    family = _families(language.lower())
    for artist in fig.findobj(Text):
        old = artist.get_text()
        new = _translate(old, language)
        if new != old:
            undo.append((artist.set_fontfamily, artist.get_fontfamily()))
            undo.append((artist.set_text, old))
            artist.set_text(new)
            artist.set_fontfamily(family)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for formatter in (axis.get_major_formatter(), axis.get_minor_formatter()):
                if isinstance(formatter, FixedFormatter):
                    old = list(formatter.seq)
                    formatter.seq = [_translate(s, language) for s in old]
                    undo.append((lambda seq, f=formatter: setattr(f, "seq", seq), old))
    try:
        yield fig
    finally:
        for restore, old in reversed(undo):
            restore(old)


def _halo(width=3.0):
    """A white outline that keeps a line or a label legible on a coloured surface."""
    _, pe = _mpl()
    return [pe.withStroke(linewidth=width, foreground="white")]


def annotate(ax, text, xy, xytext, *, textcoords="offset points", **kwargs):
    """Point at `xy` with a labelled arrow from `xytext`; the label sits in a white box."""
    style = {
        "fontsize": 10,
        "color": INK,
        "ha": "center",
        "va": "center",
        "bbox": {"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#999999", "alpha": 0.95},
        "arrowprops": {"arrowstyle": "->", "color": INK, "lw": 1.2, "shrinkB": 3},
        "zorder": 6,
    }
    style.update(kwargs)
    return ax.annotate(text, xy=xy, xytext=xytext, textcoords=textcoords, **style)


def mark_min(ax, x, y, *, label=None, color="white", size=15):
    """Mark a minimiser with a star (white with a black edge, readable on any colour)."""
    return ax.plot(
        [x],
        [y],
        marker="*",
        markersize=size,
        markerfacecolor=color,
        markeredgecolor="black",
        markeredgewidth=1.2,
        linestyle="none",
        label=label,
        zorder=7,
    )[0]


def descent_path(ax, xs, ys, *, color=COLORS["vermillion"], label=None, every=1):
    """Draw a descent path: a haloed line, an open circle at the start, a dot at the end."""
    xs, ys = np.asarray(xs), np.asarray(ys)
    (line,) = ax.plot(
        xs[::every],
        ys[::every],
        color=color,
        linestyle="-",
        linewidth=1.8,
        marker="o",
        markersize=2.5,
        label=label,
        zorder=5,
        path_effects=_halo(),
    )
    ax.plot(xs[0], ys[0], "o", ms=8, mfc="white", mec=color, mew=2, zorder=6, ls="none")
    ax.plot(xs[-1], ys[-1], "o", ms=6, color=color, mec="white", mew=1, zorder=6, ls="none")
    return line


def landscape(ax, x, y, z, *, levels=14, spacing="quantile", colorbar=True, label=None):
    """Draw a loss surface ``z[i, j]`` over ``(x[j], y[i])`` as filled contours.

    ``spacing="quantile"`` puts the contour levels at quantiles of the finite
    values of `z`, so flat valleys and steep walls both show detail;
    ``"linear"`` spaces them evenly. Non-finite values are left blank.
    Returns the filled contour set.
    """
    mpl, _ = _mpl()
    z = np.ma.masked_invalid(np.asarray(z, dtype=float))
    finite = z.compressed()
    if spacing == "quantile":
        bounds = np.unique(np.quantile(finite, np.linspace(0.0, 1.0, levels + 1)))
    elif spacing == "linear":
        bounds = np.linspace(finite.min(), finite.max(), levels + 1)
    else:
        raise ValueError(f"spacing must be 'quantile' or 'linear', got {spacing!r}")
    # One colour step per band, whatever the spacing of the levels.
    norm = mpl.colors.BoundaryNorm(bounds, ncolors=256)
    filled = ax.contourf(x, y, z, levels=bounds, cmap="viridis", norm=norm)
    ax.contour(x, y, z, levels=bounds, colors="white", linewidths=0.5, alpha=0.6)
    ax.grid(False)
    if colorbar:
        bar = ax.figure.colorbar(filled, ax=ax, format="%.3g", shrink=0.95)
        if label is not None:
            bar.set_label(label)
        bar.ax.tick_params(labelsize=9)
    return filled


def grid_gaussian(x, mu, sigma):
    """Return the Gaussian N(`mu`, `sigma`²) discretised on the grid `x`, summing to 1.

    It is the ``softmax`` of the log-density over the grid (the constant
    drops out); `mu` and `sigma` broadcast, the grid is the last axis. The
    KL figures compare such densities with ``kl_divergence``.

    Examples
    --------
    >>> from lossdocs.plotting import grid_gaussian
    >>> q = grid_gaussian(np.linspace(-1.0, 1.0, 5), 0.0, 1.0)
    >>> print(q, q.sum())
    [0.1525 0.2218 0.2514 0.2218 0.1525] 1.0
    """
    mu, sigma = np.asarray(mu, dtype=float)[..., None], np.asarray(sigma, dtype=float)[..., None]
    return softmax(-0.5 * ((np.asarray(x, dtype=float) - mu) / sigma) ** 2)
