"""The alignment chapter's gallery figures draw what lossdocs computes, and the numbers are right.

tests/test_gallery.py checks every script's conventions (title, cells, imports,
labels, legend, size); here each alignment script is run once and the arrays
it plots are checked against closed forms.
"""

import os
import runpy
from pathlib import Path

import numpy as np
import pytest

os.environ["MPLBACKEND"] = "Agg"
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

GALLERY = Path(__file__).resolve().parents[2] / "gallery"


@pytest.fixture(scope="module")
def run():
    cache = {}

    def _run(stem):
        if stem not in cache:
            plt.close("all")
            cache[stem] = runpy.run_path(str(GALLERY / f"{stem}.py"), run_name="__main__")
            plt.close("all")
        return cache[stem]

    return _run


def test_reward_model_margins(run):
    g = run("plot_reward_model")
    assert g["tie_loss"] == pytest.approx(np.log(2), rel=1e-15)
    for m in g["margins"]:
        at_margin = np.argmin(np.abs(g["gap"] - m))
        assert g["loss"][m][at_margin] == pytest.approx(np.log(2), abs=0.02)  # gap = m is a tie
        assert np.all(np.diff(g["loss"][m]) < 0) and np.all(np.diff(g["weight"][m]) < 0)
        # The weight is minus the derivative of the loss along the gap.
        slope = np.gradient(g["loss"][m], g["gap"])
        np.testing.assert_allclose(-slope[1:-1], g["weight"][m][1:-1], atol=1e-3)


def test_dpo_weights_and_the_conservative_minimum(run):
    g = run("plot_dpo")
    h = g["h"]
    for b in g["betas"]:
        slope = np.gradient(g["loss"][b], h)
        np.testing.assert_allclose(-slope[1:-1] / b, g["weight"][b][1:-1], atol=2e-3)
        assert g["loss"][b][np.argmin(np.abs(h))] == pytest.approx(np.log(2), rel=1e-12)
    assert abs(h[np.argmin(g["cdpo_loss"])] - g["h_stop"]) <= h[1] - h[0]
    assert g["h_stop"] == pytest.approx(np.log(9) / 0.1)
    crossing = h[np.argmin(np.abs(g["cdpo_weight"]))]
    assert abs(crossing - g["h_stop"]) <= h[1] - h[0]


def test_ppo_clip_is_flat_exactly_where_the_clip_is_active(run):
    g = run("plot_ppo_clip")
    rho, eps = g["rho"], g["eps"]
    for a in g["advantages"]:
        objective, flat = g["objective"][a], g["flat"][a]
        bound = (1 + eps) * a if a > 0 else (1 - eps) * a
        np.testing.assert_allclose(objective[flat], bound, rtol=1e-12)
        np.testing.assert_allclose(objective[~flat], rho[~flat] * a, rtol=1e-12)
        assert np.all(objective <= rho * a + 1e-12)  # the clip never raises the objective


def test_kl_estimators_bias_and_spread(run):
    g = run("plot_kl_estimators")
    rho, per = g["rho"], g["per_sample"]
    assert np.all(per["k2"] >= 0) and np.all(per["k3"] >= 0)
    assert np.all(per["k1"][rho > 1] < 0)
    mus, n = g["mus"], g["x"].size
    for k in ("k1", "k3"):  # unbiased: within 4 standard errors of 1
        tolerance = 4 * g["std_ratio"][k] / np.sqrt(n)
        assert np.all(np.abs(g["mean_ratio"][k] - 1) < tolerance), k
    # k2's mean is exactly 1 + mu^2 / 4 times the KL; the Monte Carlo is within 4 errors.
    tolerance = 4 * g["std_ratio"]["k2"] / np.sqrt(n)
    assert np.all(np.abs(g["mean_ratio"]["k2"] - (1 + mus**2 / 4)) < tolerance)
    assert g["std_ratio"]["k1"][0] > 10 * g["std_ratio"]["k3"][0]
