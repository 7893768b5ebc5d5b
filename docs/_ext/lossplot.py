"""The ``{lossplot}`` directive: an interactive figure drawn from lossdocs' own numbers.

A reader moves a slider (a loss's parameter) and the curves are redrawn; hovering
or clicking the plot (or the arrow keys on it) reads the curves at one point. All
numbers are computed here, at build time, by calling lossdocs on a grid of
parameter values; the page's script (``_static/lossplot.js``) only draws them: it
knows no formula. The data sits inline in the page (no request, works under
``file://``), and the widget is hidden until the script shows it, so without
JavaScript the reader sees the page's static gallery figure, which stays next to it.

Adding one to a page
--------------------
Put it under the page's static figure::

    ```{lossplot} Focal loss against the probability of the true class
    :x: p_t 0.01..0.99 step 0.014 | probability of the true class pₜ
    :y: 0..5 | loss
    :params: gamma 0..5 step 0.25 = 2 | focusing parameter γ; alpha 0.25..1 step 0.25 = 0.25 | α

    z = np.log(p_t) - np.log1p(-p_t)
    y = np.ones_like(p_t)
    focal loss: focal_loss(z, y, gamma=gamma, alpha=alpha, reduction="none")
    cross-entropy: binary_cross_entropy_with_logits(z, y, reduction="none")
    ```

- The argument is the figure's title (also its accessible name).
- ``:x:`` NAME RANGE | LABEL: the horizontal axis. NAME is the variable the
  expressions use; RANGE is ``FROM..TO step STEP`` or a list ``a, b, c``.
- ``:y:`` FROM..TO | LABEL: the vertical axis (curves are clipped to it).
- ``:caption:`` (optional) what the reader needs to know of the setting, on
  one line of plain text (no markup: Unicode for symbols), shown under the
  plot: like the widget, only where the script runs.
- ``:params:`` the sliders, ``;``-separated: NAME RANGE = START | LABEL. One
  slider per parameter (distillation's T, DPO's beta, the triplet margin); two
  for two (ArcFace's m and s, Tversky's alpha and beta).
- Each content line is a curve, ``LABEL: EXPRESSION``, or a helper array,
  ``NAME = EXPRESSION``, which the lines after it may use. The expressions are
  Python, evaluated once per point of the parameter grid with ``np``, every
  name of ``lossdocs.__all__``, the x variable (an array), the parameters
  (floats) and the helpers; a curve gives one value per x, all finite. Call
  public ``lossdocs`` names only: the numbers must be lossdocs'. A curve is
  computed over the parameters it names (itself or through a helper) only, so
  a reference curve that names none is stored once.
- The second curve is drawn dashed (so two equal curves both show); one to four
  curves, each in its own colour.

Every number is written with 10 decimals, so it agrees with lossdocs to 1e-9
(|shown - lossdocs| <= 1e-9 max(1, |lossdocs|)); x and the parameter values
are rounded first and the curves computed at the rounded values, so the page's
inputs are exactly the ones used.

Keep the data under 100 kB a widget: the number of values is the x points
times, per curve, the product of the grid sizes of the parameters it names,
about 12 bytes each (so about 8000 values). Then:

1. add the widget's curves, computed directly with lossdocs (by another route
   where there is one), to ``CASES`` in ``tests/lossplot_cases.py``: the site
   test (``tests/site/test_lossplot.py``: every grid point, and the size) and
   the browser test (``tests/browser/test_lossplot.py``: sliders moved, lines
   read back) fail on a widget that has no case there;
2. translate the new messages: the title, axis, slider and curve labels are
   ordinary messages of the page's catalog (``nox -s translate``).
"""

from __future__ import annotations

import html
import itertools
import json
import math
import re
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

import lossdocs

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = [
    "DECIMALS",
    "LossPlotDirective",
    "evaluate",
    "fmt",
    "parse_axis",
    "parse_param",
    "parse_values",
    "setup",
]

DECIMALS = 10  # 5e-11 from the exact value: well inside the 1e-9 the tests ask for
MAX_CURVES = 4  # the colours of _static/lossplot.css
MAX_VALUES = 100_000  # a grid this large is a mistake in the page, not a figure
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
DEFINITION = re.compile(r"([A-Za-z_][A-Za-z0-9_]*) = (.+)")  # a helper array, not a curve


class lossplot(nodes.General, nodes.Element):  # docutils names nodes in lower case
    """The widget: its data in ``spec``, its words in :class:`lossplot_text` children."""


class lossplot_text(nodes.TextElement):
    """One translatable word of a widget (title, axis, slider or curve label)."""


def fmt(value: float) -> str:
    """``value`` with :data:`DECIMALS` decimals, trailing zeros dropped (JSON number)."""
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _rounded(values: np.ndarray) -> np.ndarray:
    return np.array([float(fmt(v)) for v in values])


def parse_values(text: str) -> np.ndarray:
    """``"0..5 step 0.25"`` or ``"0.25, 0.5, 1"`` -> the values, rounded as the page shows them."""
    text = text.strip()
    match = re.fullmatch(r"(\S+)\s*\.\.\s*(\S+)\s+step\s+(\S+)", text)
    try:
        if match:
            start, stop, step = (float(v) for v in match.groups())
            if step <= 0 or stop <= start:
                raise ValueError("FROM..TO step STEP needs FROM < TO and STEP > 0")
            count = round((stop - start) / step) + 1
            if not math.isclose(start + (count - 1) * step, stop, abs_tol=1e-9 * step):
                raise ValueError(f"{stop} is not FROM plus a whole number of steps")
            values = start + step * np.arange(count)
        else:
            values = np.array([float(v) for v in text.split(",")])
    except ValueError as exc:
        raise ValueError(f"{text!r}: {exc} (expected FROM..TO step STEP, or a, b, c)") from exc
    if len(values) < 2 or np.any(np.diff(values) <= 0):
        raise ValueError(f"{text!r}: needs at least two increasing values")
    return _rounded(values)


def _name_and_rest(text: str, what: str) -> tuple[str, str, str]:
    spec, bar, label = text.partition("|")
    if not bar or not label.strip():
        raise ValueError(f"{what} {text.strip()!r}: expected '... | LABEL'")
    name, _, rest = spec.strip().partition(" ")
    if not NAME.fullmatch(name):
        raise ValueError(f"{what} {text.strip()!r}: {name!r} is not a Python name")
    return name, rest, label.strip()


def parse_axis(text: str) -> tuple[str, np.ndarray, str]:
    """``:x:`` -> (name, values, label)."""
    name, rest, label = _name_and_rest(text, ":x:")
    return name, parse_values(rest), label


def parse_param(text: str) -> tuple[str, np.ndarray, int, str]:
    """One ``:params:`` entry -> (name, values, index of the start value, label)."""
    name, rest, label = _name_and_rest(text, ":params:")
    grid, eq, start = rest.rpartition("=")
    if not eq:
        raise ValueError(f":params: {text.strip()!r}: expected NAME RANGE = START | LABEL")
    values = parse_values(grid)
    hits = np.flatnonzero(np.isclose(values, float(start), rtol=0, atol=1e-12))
    if not len(hits):
        raise ValueError(f":params: {name}: the start {start.strip()} is not on its grid")
    return name, values, int(hits[0]), label


def _names(code: Any) -> set[str]:
    """Every global name that `code` (and the code nested in it) reads."""
    found = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            found |= _names(const)
    return found


def _needs(code: Any, definitions: dict[str, Any]) -> list[str]:
    """The definitions that `code` reads, directly or through other definitions, in order."""
    seen: set[str] = set()
    todo = [name for name in _names(code) if name in definitions]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += [n for n in _names(definitions[name]) if n in definitions]
    return [name for name in definitions if name in seen]


def evaluate(
    expression: str,
    x_name: str,
    x: np.ndarray,
    params: list[tuple[str, np.ndarray]],
    definitions: dict[str, str] | None = None,
) -> tuple[list[int], list[np.ndarray]]:
    """Evaluate a curve at every point of the grid of the parameters it names.

    `definitions` maps names to expressions (the page's ``NAME = EXPRESSION``
    lines), which the curve may use. Returns the indices (into `params`) of the
    parameters the curve depends on and one array of len(x) values per point of
    their grid, the first parameter varying slowest.
    """
    compiled = {name: compile(text, f"<lossplot {name}>", "eval")
                for name, text in (definitions or {}).items()}  # fmt: skip
    code = compile(expression, "<lossplot curve>", "eval")
    needed = _needs(code, compiled)
    names = _names(code).union(*(_names(compiled[name]) for name in needed))
    used = [i for i, (name, _) in enumerate(params) if name in names]
    scope = {name: getattr(lossdocs, name) for name in lossdocs.__all__}
    scope.update({"__builtins__": {}, "np": np, x_name: x})
    curves = []
    for point in itertools.product(*(params[i][1] for i in used)):
        local = {params[i][0]: float(v) for i, v in zip(used, point, strict=True)}
        with np.errstate(all="ignore"):  # a NaN or infinity is refused just below
            for name in needed:
                local[name] = eval(compiled[name], scope, local)
            values = np.asarray(eval(code, scope, local), dtype=float)
        if values.shape != x.shape:
            raise ValueError(f"{expression!r} gives shape {values.shape}, not {x.shape}")
        if not np.all(np.isfinite(values)):
            raise ValueError(f"{expression!r} is not finite at {local}")
        curves.append(values)
    return used, curves


class LossPlotDirective(SphinxDirective):
    """An interactive plot of lossdocs curves against x, with parameter sliders."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "x": directives.unchanged_required,
        "y": directives.unchanged_required,
        "params": directives.unchanged_required,
        "caption": directives.unchanged_required,
    }

    def _text(self, role: str, text: str) -> lossplot_text:
        node = lossplot_text(text, text, role=role)
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return node

    def run(self) -> list[nodes.Node]:
        try:
            return [self._build()]
        except (ValueError, KeyError, NameError, TypeError, SyntaxError) as exc:
            raise self.error(f"lossplot: {exc}") from exc

    def _build(self) -> lossplot:
        for option in ("x", "y", "params"):
            if option not in self.options:
                raise ValueError(f"the :{option}: option is required")
        x_name, x, x_label = parse_axis(self.options["x"])
        y_range, bar, y_label = self.options["y"].partition("|")
        y_low, dots, y_high = y_range.partition("..")
        if not bar or not dots or float(y_low) >= float(y_high):
            raise ValueError(f":y: {self.options['y']!r}: expected FROM..TO | LABEL")
        params = [parse_param(entry) for entry in self.options["params"].split(";")]
        uid = f"lossplot-{self.env.new_serialno('lossplot')}"
        node = lossplot(uid=uid, spec={"x": [fmt(v) for v in x], "y": [float(y_low), float(y_high)],
                              "params": [], "curves": []})  # fmt: skip
        node += self._text("title", self.arguments[0])
        node += self._text("x", x_label)
        node += self._text("y", y_label.strip())
        if "caption" in self.options:
            node += self._text("caption", self.options["caption"].strip())
        for name, values, start, label in params:
            node["spec"]["params"].append({"name": name, "values": [fmt(v) for v in values],
                                           "start": start})  # fmt: skip
            node += self._text("param", label)
        grid = [(name, values) for name, values, _, _ in params]
        definitions: dict[str, str] = {}
        count = 0
        for line in self.content:
            if not line.strip():
                continue
            definition = DEFINITION.fullmatch(line.strip())
            if definition:
                definitions[definition[1]] = definition[2]
                continue
            label, colon, expression = line.partition(": ")
            if not colon:
                raise ValueError(f"{line!r}: expected 'LABEL: EXPRESSION' or 'NAME = EXPRESSION'")
            used, curves = evaluate(expression.strip(), x_name, x, grid, definitions)
            count += sum(len(c) for c in curves)
            data = [[fmt(v) for v in c] for c in curves]
            node["spec"]["curves"].append({"params": used, "data": data})
            node += self._text("curve", label.strip())
        if not 1 <= len(node["spec"]["curves"]) <= MAX_CURVES:
            raise ValueError(f"{len(node['spec']['curves'])} curves: give 1 to {MAX_CURVES} "
                             "lines 'LABEL: EXPRESSION'")  # fmt: skip
        if count > MAX_VALUES:
            raise ValueError(f"{count} values: make the grids coarser")
        return node


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def data_json(spec: dict[str, Any], words: dict[str, list[str]]) -> str:
    """The widget's data as JSON, numbers written as :func:`fmt` wrote them."""

    def numbers(values: list[str]) -> str:
        return "[" + ",".join(values) + "]"

    params = [f'{{"name":{_json(p["name"])},"label":{_json(label)},'
              f'"values":{numbers(p["values"])},"start":{p["start"]}}}'
              for p, label in zip(spec["params"], words["param"], strict=True)]  # fmt: skip
    curves = [f'{{"label":{_json(label)},"params":{_json(c["params"])},'
              f'"data":[{",".join(numbers(d) for d in c["data"])}]}}'
              for c, label in zip(spec["curves"], words["curve"], strict=True)]  # fmt: skip
    text = (f'{{"title":{_json(words["title"][0])},"xlabel":{_json(words["x"][0])},'
            f'"ylabel":{_json(words["y"][0])},"x":{numbers(spec["x"])},'
            f'"y":{_json(spec["y"])},"params":[{",".join(params)}],'
            f'"curves":[{",".join(curves)}]}}')  # fmt: skip
    return text.replace("</", "<\\/")  # nothing in it may close the <script>


def visit_lossplot(self: HTML5Translator, node: lossplot) -> None:
    words: dict[str, list[str]] = {"title": [], "x": [], "y": [], "param": [], "curve": [],
                                   "caption": []}  # fmt: skip
    for child in node.findall(lossplot_text):
        words[child["role"]].append(child.astext())
    uid = node["uid"]
    esc = html.escape
    out = [f'<figure class="lossplot" id="{uid}" hidden>',
           f'<figcaption class="lossplot-title">{esc(words["title"][0])}</figcaption>',
           '<div class="lossplot-controls">']  # fmt: skip
    for i, (param, label) in enumerate(zip(node["spec"]["params"], words["param"], strict=True)):
        pid = f"{uid}-{param['name']}"
        value = param["values"][param["start"]]
        out.append(f'<div class="lossplot-param"><label for="{pid}">{esc(label)}</label>'
                   f'<input type="range" id="{pid}" data-param="{i}" min="0" '
                   f'max="{len(param["values"]) - 1}" step="1" value="{param["start"]}" '
                   f'aria-valuetext="{value}">'
                   f'<output for="{pid}">{value}</output></div>')  # fmt: skip
    out.append("</div>")
    out.append('<ul class="lossplot-legend">')
    out += [f'<li><span class="lossplot-swatch lossplot-c{i}"></span>{esc(label)}</li>'
            for i, label in enumerate(words["curve"])]  # fmt: skip
    out.append("</ul>")
    out.append(f'<svg class="lossplot-plot" role="img" tabindex="0" '
               f'aria-label="{esc(words["title"][0])}"></svg>')  # fmt: skip
    out.append('<p class="lossplot-readout" aria-live="polite"></p>')
    out += [f'<p class="lossplot-caption">{esc(text)}</p>' for text in words["caption"]]
    out.append(f'<script type="application/json" class="lossplot-data">'
               f"{data_json(node['spec'], words)}</script>")  # fmt: skip
    out.append("</figure>\n")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: nodes.document | None) -> None:  # fmt: skip
    """Load the script and its styles on the pages that have a widget, and only there."""
    if doctree is not None and next(doctree.findall(lossplot), None) is not None:
        app.add_js_file("lossplot.js", defer="defer")
        app.add_css_file("lossplot.css")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(lossplot, html=(visit_lossplot, None), latex=(skip, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))  # fmt: skip
    app.add_node(lossplot_text)
    app.add_directive("lossplot", LossPlotDirective)
    app.connect("html-page-context", _page_assets)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
