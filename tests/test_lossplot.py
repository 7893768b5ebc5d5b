"""The ``{lossplot}`` directive (docs/_ext/lossplot.py): its small syntax and a tiny build.

The numbers of the site's widgets are checked against lossdocs in
tests/site/test_lossplot.py (the built pages) and tests/browser/test_lossplot.py
(the drawn lines); here, the pieces that need no site.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))  # the extensions import each other by bare name

# Needs Sphinx (the docs extra, which `nox -s tests` installs): missing, it fails.
from lossplot import evaluate, fmt, parse_axis, parse_param, parse_values  # noqa: E402


def test_fmt_keeps_ten_decimals_and_no_noise():
    assert fmt(1 / 3) == "0.3333333333"
    assert fmt(2.0) == "2"
    assert fmt(0.1 + 0.2) == "0.3"
    assert fmt(-1e-12) == "0" and fmt(0.0) == "0"
    values = np.random.default_rng(0).normal(0, 5, 1000)
    assert np.max(np.abs([float(fmt(v)) - v for v in values])) <= 5e-11


def test_parse_values_of_a_range_and_a_list():
    assert parse_values("0..1 step 0.25").tolist() == [0, 0.25, 0.5, 0.75, 1]
    # Rounded as the page writes them: 0.30000000000000004 becomes 0.3.
    assert parse_values("0.1..0.3 step 0.1").tolist() == [0.1, 0.2, 0.3]
    assert parse_values("0.25, 0.5, 2").tolist() == [0.25, 0.5, 2]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1..0 step 0.1", "FROM < TO"),
        ("0..1 step 0.3", "whole number of steps"),
        ("0..1 step -1", "STEP > 0"),
        ("0.5", "at least two increasing"),
        ("1, 0.5", "at least two increasing"),
        ("a, b", "expected FROM..TO step STEP"),
    ],
)
def test_parse_values_says_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        parse_values(text)


def test_parse_axis_and_param():
    name, x, label = parse_axis("p_t 0.01..0.03 step 0.01 | probability pₜ")
    assert (name, x.tolist(), label) == ("p_t", [0.01, 0.02, 0.03], "probability pₜ")
    name, values, start, label = parse_param(" gamma 0..5 step 0.25 = 2 | focusing G")
    assert (name, len(values), values[start], label) == ("gamma", 21, 2.0, "focusing G")
    with pytest.raises(ValueError, match="not on its grid"):
        parse_param("gamma 0..5 step 0.25 = 2.1 | G")
    with pytest.raises(ValueError, match="LABEL"):
        parse_param("gamma 0..5 step 0.25 = 2")
    with pytest.raises(ValueError, match="not a Python name"):
        parse_axis("2x 0..1 step 0.5 | x")


def test_evaluate_computes_a_curve_over_the_parameters_it_names_only():
    x = np.array([-1.0, 0.5, 2.0])
    params = [("delta", np.array([0.5, 1.0])), ("beta", np.array([0.1, 0.2, 0.3]))]
    used, curves = evaluate('huber(x, zero, delta=delta, reduction="none")', "x", x, params,
                            {"zero": "np.zeros_like(x)"})  # fmt: skip
    assert used == [0] and len(curves) == 2
    np.testing.assert_array_equal(curves[1], [0.5, 0.125, 1.5])  # delta = 1, by hand
    # A parameter reached through a helper counts; a curve with none is stored once.
    used, curves = evaluate("scaled * 2", "x", x, params, {"scaled": "x * beta"})
    assert used == [1] and curves[0].tolist() == [-0.2, 0.1, 0.4]
    assert evaluate("mae(x, 0 * x, reduction='none')", "x", x, params)[0] == []


@pytest.mark.parametrize(
    ("expression", "message"),
    [("np.log(x)", "not finite"), ("mae(x, 0 * x)", "shape"), ("open('f')", "open")],
)
def test_evaluate_refuses_bad_curves(expression, message):
    with pytest.raises((ValueError, NameError), match=message):
        evaluate(expression, "x", np.array([-1.0, 1.0]), [])


CONF = f"""
import sys
sys.path.insert(0, {str(DOCS / "_ext")!r})
extensions = ["myst_parser", "lossplot"]
html_static_path = [{str(DOCS / "_static")!r}]
"""
PAGE = """# Page

```{lossplot} Huber against the residual
:x: r -2..2 step 0.5 | residual r
:y: 0..2 | loss
:params: delta 0.5..1.5 step 0.5 = 1 | δ

Huber: huber(r, np.zeros_like(r), delta=delta, reduction="none")
```

## Other

```{lossplot} Bad
:x: r -2..2 step 0.5 | residual r
:y: 0..2 | loss
:params: delta 0.5..1.5 step 0.5 = 1 | δ

Huber: no_such_loss(r)
```
"""


def test_a_build_writes_a_hidden_figure_with_inline_data_and_locates_errors(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "html"
    cmd = [sys.executable, "-m", "sphinx", "--keep-going", "-q", "-b", "html", str(src), str(out)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    # The bad widget is an error at its line, and the page is still written.
    assert re.search(r"index\.md:\d+: ERROR: lossplot: name 'no_such_loss'", result.stderr)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count('<figure class="lossplot"') == 1
    assert '<figure class="lossplot" id="lossplot-0" hidden>' in page
    assert '<label for="lossplot-0-delta">δ</label>' in page
    assert 'src="_static/lossplot.js' in page and (out / "_static" / "lossplot.js").is_file()
    data = json.loads(re.search(r'class="lossplot-data">(.*?)</script>', page, re.S)[1])
    assert data["x"] == [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]
    assert data["params"][0]["values"][data["params"][0]["start"]] == 1
    # delta = 1 at r = -2: 1 * (2 - 1/2), by hand.
    assert data["curves"][0]["params"] == [0] and data["curves"][0]["data"][1][0] == 1.5
