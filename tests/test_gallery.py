"""The gallery: every script follows the conventions, runs, and its figure's numbers are right.

Each script is run once with runpy (Matplotlib's Agg backend, set here, not
in the scripts); the checks read its module-level arrays, which come from
lossdocs, so a figure provably draws what the library computes.
"""

import ast
import os
import re
import runpy
from pathlib import Path

import numpy as np
import pytest

# The backend is chosen when Matplotlib is imported: set it first.
os.environ["MPLBACKEND"] = "Agg"
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import lossdocs
from lossdocs.plotting import COLORS, grid_gaussian, landscape, use_style

GALLERY = Path(__file__).resolve().parent.parent / "gallery"
SCRIPTS = sorted(GALLERY.glob("plot_*.py"))
ALLOWED_IMPORTS = {"lossdocs", "numpy", "matplotlib"}


@pytest.fixture(scope="module")
def gallery():
    """Run a script (once per module) and return its namespace and its figures."""
    cache = {}

    def run(stem):
        if stem not in cache:
            plt.close("all")
            namespace = runpy.run_path(str(GALLERY / f"{stem}.py"), run_name="__main__")
            figures = [plt.figure(num) for num in plt.get_fignums()]
            plt.close("all")
            cache[stem] = namespace, figures
        return cache[stem]

    yield run
    plt.close("all")


def ns(gallery, stem):
    return gallery(stem)[0]


# Conventions, read from the source ---------------------------------------------------------


def test_the_twelve_figures_exist():
    stems = {path.stem for path in SCRIPTS}
    expected = {
        "plot_regression_losses",
        "plot_surrogate_losses",
        "plot_focal_loss",
        "plot_sigmoid_mse_vs_ce",
        "plot_mean_vs_median",
        "plot_iou_dice",
        "plot_infonce_temperature",
        "plot_kl_forward_reverse",
        "plot_class_imbalance",
        "plot_regression_landscape",
        "plot_classification_landscape",
        "plot_kl_landscape",
        "plot_triplet_mining",
        "plot_clip_siglip",
        "plot_angular_margins",
    }
    assert expected <= stems
    assert (GALLERY / "README.txt").read_text().startswith("Gallery\n=======\n")


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_script_conventions(path):
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    doc = ast.get_docstring(tree, clean=False)
    # An RST title with = bars as long as the title, then a summary paragraph.
    m = re.match(r"\n(=+)\n(.+)\n(=+)\n\n(\S.+)", doc, re.DOTALL)
    assert m, "the docstring must open with an =-barred title and a summary"
    assert len(m[1]) == len(m[2]) == len(m[3]), "title bars must match the title's length"
    # The docstring and the cells' comments are RST: outside ``literals`` a | starts a
    # substitution reference, and -W turns the warning into a failed build.
    prose = doc + "\n".join(line for line in source.splitlines() if line.startswith("# "))
    assert "|" not in re.sub(r"``.+?``", "", prose), "write ``KL(P || Q)`` as a literal"
    assert "# SPDX-License-Identifier: MIT" in source
    # A reader who downloaded the script alone learns how to install lossdocs (the wheel
    # the site offers, tools/docsbuild.py) before the first cell.
    header = source[: source.index("\n# %%\n")]
    assert 'pip install "lossdocs-<version>-py3-none-any.whl[gallery]"' in header
    assert "gallery's index" in header and 'pip install ".[gallery]"' in header
    assert source.count("\n# %%\n") >= 2, "cells with prose first"
    # Imports: lossdocs, NumPy and Matplotlib only; lossdocs itself for the numbers.
    modules = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert modules <= ALLOWED_IMPORTS, modules - ALLOWED_IMPORTS
    loss_names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "lossdocs"
        for alias in node.names
    }
    assert loss_names and loss_names <= set(lossdocs.__all__)
    # No backend is chosen in a script; randomness is seeded with default_rng(0).
    assert "matplotlib.use" not in source and "MPLBACKEND" not in source
    assert "np.random." not in source.replace("np.random.default_rng(0)", "")
    # The page shows no stray repr: it ends with plt.show() or an assignment to _.
    last = tree.body[-1]
    assert (isinstance(last, ast.Expr) and ast.unparse(last) == "plt.show()") or (
        isinstance(last, ast.Assign) and ast.unparse(last.targets[0]) == "_"
    )


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_script_draws_labelled_figures(gallery, path):
    _, figures = gallery(path.stem)
    assert figures, "the script draws no figure"
    for fig in figures:
        width, height = fig.get_size_inches() * fig.dpi
        assert width == pytest.approx(800), "drawn for the 800 px text column"
        assert height <= 800
        assert fig.get_facecolor() == (1.0, 1.0, 1.0, 1.0), "opaque white: reads on dark pages"
        axes = [ax for ax in fig.axes if ax.axison]
        assert all(ax.get_title() for ax in fig.axes), "every panel has a title"
        assert any(ax.get_xlabel() for ax in axes) and any(ax.get_ylabel() for ax in axes)
        assert any(ax.get_legend() is not None for ax in axes), "a legend"
        assert any(child for ax in fig.axes for child in ax.texts), "the key point annotated"


# The numbers each figure shows --------------------------------------------------------------


def test_regression_losses(gallery):
    g = ns(gallery, "plot_regression_losses")
    r = g["r"]
    assert g["loss_mse"][r == 0] == 0
    np.testing.assert_allclose(g["grad_mse"], 2 * r)  # d r^2 / dr = 2 r
    # Huber's slope is capped at delta, smooth L1's at 1 whatever beta is.
    for d in g["deltas"]:
        assert g["grad_huber"][d][-1] == pytest.approx(d) and g["grad_huber"][d][0] == -d
    for b in g["betas"]:
        assert g["grad_smooth_l1"][b][-1] == pytest.approx(1.0)
    assert g["huber_over_smooth_l1"] < 1e-12  # huber(delta=d) = d * smooth_l1(beta=d)


def test_beyond_dice_counts(gallery):
    g = ns(gallery, "plot_beyond_dice")
    fp, fn, losses = g["fp"], g["fn"], g["losses"]
    tp = 100 - fn
    # The masks have the counts the axes say: Dice and Tversky from the counts themselves.
    np.testing.assert_allclose(losses["dice"], ((fp + fn) / (2 * tp + fp + fn)).ravel())
    expected = 1 - tp / np.maximum(tp + 0.3 * fp + 0.7 * fn, 1e-7)
    np.testing.assert_allclose(losses["tversky"], expected.ravel())
    np.testing.assert_allclose(losses["focal"], losses["tversky"] ** 0.75)
    at = (fp.ravel() == 10) & (fn.ravel() == 10)  # the marked point
    assert losses["dice"][at] == pytest.approx(0.1) and losses["tversky"][at] == pytest.approx(0.1)


def test_surrogates_bound_the_zero_one_loss(gallery):
    g = ns(gallery, "plot_surrogate_losses")
    zero_one = g["curves"]["0-1 (misclassification)"]
    for name, curve in g["curves"].items():
        assert g["at_zero"][name] == pytest.approx(1.0), name  # all pass through (0, 1)
        assert np.all(curve >= zero_one - 1e-12), name
    # The 0-1 loss is a step: 1 for m <= 0, 0 for m > 0 (the convention of surrogates.md).
    assert 0.0 in g["margin"]
    np.testing.assert_array_equal(zero_one, (g["margin"] <= 0).astype(float))


def test_focal_loss_is_cross_entropy_over_100_at_p_09(gallery):
    g = ns(gallery, "plot_focal_loss")
    # (1 - 0.9) ** 2 = 0.01: the focal loss is 100 times smaller.
    assert g["ratio_09"] == pytest.approx(100.0, rel=1e-9)
    assert g["ce_09"] == pytest.approx(-np.log(0.9), rel=1e-12)
    np.testing.assert_allclose(g["curves"][0.0], g["cross_entropy_curve"], rtol=1e-12)
    stacked = np.stack([g["curves"][gamma] for gamma in g["gammas"]])
    assert np.all(np.diff(stacked, axis=0) <= 0), "a larger gamma never raises the loss"


def test_sigmoid_neuron_mse_stalls_ce_does_not(gallery):
    g = ns(gallery, "plot_sigmoid_mse_vs_ce")
    mse_loss, ce_loss = g["nielsen_loss"]["MSE"], g["nielsen_loss"]["CE"]
    # Start: output sigmoid(4) = 0.982, so MSE/2 = 0.482 and CE = -log(1 - 0.982) = 4.02.
    assert mse_loss[0] == pytest.approx(0.5 * (1 / (1 + np.exp(-4))) ** 2)
    assert ce_loss[0] == pytest.approx(np.log1p(np.exp(4.0)))
    # MSE stalls: after 100 epochs it has lost under 5 %; CE is below 0.05 by then.
    assert mse_loss[100] > 0.95 * mse_loss[0]
    assert ce_loss[100] < 0.05
    # After 300 epochs Nielsen's quadratic-cost neuron outputs about 0.20.
    assert g["nielsen_output"]["MSE"][-1] == pytest.approx(0.20, abs=0.01)
    assert g["nielsen_output"]["CE"][-1] < 0.02
    # On the landscape, from the same saturated start, CE gets much lower than MSE does.
    (_, mse_path_loss), (_, ce_path_loss) = g["paths"]["MSE"], g["paths"]["CE"]
    assert mse_path_loss[-1] > 0.4 and ce_path_loss[-1] < 0.5 * ce_path_loss[0]
    assert ce_path_loss[-1] == pytest.approx(g["surfaces"]["CE"].min(), rel=0.01)


def test_mse_finds_the_mean_mae_the_median(gallery):
    g = ns(gallery, "plot_mean_vs_median")
    y, step = g["y"], 0.001  # the grid step of the constant
    assert abs(g["c_mse"] - y.mean()) <= step
    assert abs(g["c_mae"] - np.median(y)) <= step
    assert g["c_mae"] < g["c_huber"] < g["c_mse"]


def test_iou_and_dice_of_sliding_boxes(gallery):
    g = ns(gallery, "plot_iou_dice")
    dx, iou, dice, giou = g["dx"], g["iou"], g["dice"], g["giou"]
    same = np.argmin(np.abs(dx))
    assert iou[same] == pytest.approx(1.0) and dice[same] == pytest.approx(1.0)
    # dx = 1: overlap 1 x 2 = 2, union 4 + 4 - 2 = 6, so IoU = 1/3 and Dice = 4/8.
    assert iou[g["k"]] == pytest.approx(1 / 3) and dice[g["k"]] == pytest.approx(0.5)
    apart = np.abs(dx) >= 2
    assert np.all(iou[apart] == 0) and np.all(dice[apart] == 0)
    assert np.all(giou[np.abs(dx) > 2] < 0)  # GIoU keeps falling where IoU is flat
    np.testing.assert_allclose(dice, 2 * iou / (1 + iou), atol=1e-12)
    np.testing.assert_allclose(g["mask_iou"], iou, atol=1e-12)


def test_infonce_temperature_concentrates_the_gradient(gallery):
    g = ns(gallery, "plot_infonce_temperature")
    share = g["hard_share"]
    assert np.all(np.diff(share) < 0), "a lower temperature puts more on hard negatives"
    assert share[0] > 0.99 and g["n_hard"] / g["n_neg"] < share[-1] < 0.1
    for tau in g["temperatures"]:
        # The gradient per negative is its softmax weight over tau.
        w = g["weights"][tau]
        np.testing.assert_allclose(g["shares"][tau], w / w.sum(), rtol=1e-10)
        # InfoNCE is cross-entropy with the positive as the class.
        expected = -lossdocs.log_softmax(g["query"][0] / tau)[0]
        assert g["loss_at"][tau] == pytest.approx(expected, rel=1e-12)


def test_kl_forward_matches_moments_reverse_picks_a_mode(gallery):
    g = ns(gallery, "plot_kl_forward_reverse")
    grid_kl, closed_form = g["check"]
    assert grid_kl == pytest.approx(closed_form, rel=1e-3)
    mu, sigma = g["fit_forward"]
    mu_step, sigma_step = np.diff(g["mus"])[0], np.diff(g["sigmas"])[0]
    # Minimising KL(P || Q) over Gaussians matches P's mean and standard deviation.
    assert abs(mu - g["p_mean"]) <= mu_step and abs(sigma - g["p_std"]) <= 1.5 * sigma_step
    # The reverse fit sits on the heavier mode, N(-2, 0.7^2).
    mu, sigma = g["fit_reverse"]
    assert abs(mu + 2.0) <= mu_step and abs(sigma - 0.7) <= sigma_step


def test_focal_loss_finds_the_rare_class_sooner(gallery):
    g = ns(gallery, "plot_class_imbalance")
    pos, neg, early = g["recall_pos"], g["recall_neg"], g["snapshot"] - 1
    ce, fl, fl_alpha = "cross-entropy", "focal, gamma = 2", "focal, gamma = 2, alpha = 0.25"
    assert pos[fl][early] > pos[ce][early] + 0.1
    assert abs(pos[fl][-1] - pos[ce][-1]) < 0.05, "both end near the same boundary"
    assert pos[fl_alpha][-1] < pos[ce][-1], "alpha = 0.25 on the rare class slows it down"
    assert all(neg[name][-1] > 0.99 for name in neg)
    assert g["easy_share"][ce] > 10 * g["easy_share"]["focal, gamma = 2"]


def test_regression_landscape_minimisers(gallery):
    g = ns(gallery, "plot_regression_landscape")
    x, y = g["x"], g["y"]
    slope_step, intercept_step = np.diff(g["slopes"])[0], np.diff(g["intercepts"])[0]
    lstsq = np.linalg.lstsq(np.c_[x, np.ones_like(x)], y, rcond=None)[0]
    a, b = g["minimisers"]["MSE"]
    assert abs(a - lstsq[0]) <= slope_step and abs(b - lstsq[1]) <= intercept_step
    truth = np.array([g["true_slope"], g["true_intercept"]])
    miss = {name: np.linalg.norm(np.array(m) - truth) for name, m in g["minimisers"].items()}
    assert miss["MAE"] < miss["MSE"] / 3 and miss["Huber, delta = 1"] < miss["MSE"] / 3
    # Gradient descent on MSE and Huber ends at the grid minimum.
    for name in ("MSE", "Huber, delta = 1"):
        end = g["paths"][name][-1]
        assert abs(end[0] - g["minimisers"][name][0]) <= 2 * slope_step


def test_classification_landscape(gallery):
    g = ns(gallery, "plot_classification_landscape")
    s = g["surfaces"]
    n_points = g["y"].size
    np.testing.assert_allclose(s["0-1"] * n_points, np.round(s["0-1"] * n_points), atol=1e-9)
    # The convention of surrogates.md: a margin of 0 is an error, for either label. At w = 0
    # every score is 0, so every point is an error.
    margins = g["y"] * g["scores"]
    np.testing.assert_array_equal(s["0-1"], (margins <= 0).mean(axis=-1))
    i, j = np.flatnonzero(g["w2"] == 0.0)[0], np.flatnonzero(g["w1"] == 0.0)[0]
    assert s["0-1"][i, j] == 1.0
    # Hinge and exponential are upper bounds of the 0-1 loss, the logistic one in log2.
    assert np.all(s["hinge"] >= s["0-1"]) and np.all(s["exponential"] >= s["0-1"])
    assert np.all(s["logistic"] / np.log(2) >= s["0-1"] - 1e-12)
    step = np.diff(g["w1"])[0]
    for name in ("logistic", "exponential"):  # smooth: descent ends at the grid minimum
        assert np.all(np.abs(g["paths"][name][-1] - g["minimisers"][name]) <= 2 * step)
    assert g["error_rate"]["0-1"] <= min(g["error_rate"].values())


def test_kl_landscape_basins(gallery):
    g = ns(gallery, "plot_kl_landscape")
    forward, reverse = g["forward_minima"], g["reverse_minima"]
    assert len(forward) == 1 and len(reverse) == 2
    assert reverse[0][0] == pytest.approx(-2.0, abs=0.1) and reverse[1][0] == pytest.approx(
        2.5, abs=0.1
    )
    fwd, rev = g["surfaces"].values()
    assert np.isinf(fwd).any() and np.isfinite(rev).all()
    assert forward[0][2] == pytest.approx(np.min(fwd)) and reverse[0][2] == pytest.approx(rev.min())


# The alignment chapter's figures (issue 15) -----------------------------------------------


def test_reward_model_margins(gallery):
    g = ns(gallery, "plot_reward_model")
    assert g["tie_loss"] == pytest.approx(np.log(2), rel=1e-15)
    for m in g["margins"]:
        at_margin = np.argmin(np.abs(g["gap"] - m))
        assert g["loss"][m][at_margin] == pytest.approx(np.log(2), abs=0.02)  # gap = m is a tie
        assert np.all(np.diff(g["loss"][m]) < 0) and np.all(np.diff(g["weight"][m]) < 0)
        # The weight is minus the derivative of the loss along the gap.
        slope = np.gradient(g["loss"][m], g["gap"])
        np.testing.assert_allclose(-slope[1:-1], g["weight"][m][1:-1], atol=1e-3)


def test_dpo_weights_and_the_conservative_minimum(gallery):
    g = ns(gallery, "plot_dpo")
    h = g["h"]
    for b in g["betas"]:
        slope = np.gradient(g["loss"][b], h)
        np.testing.assert_allclose(-slope[1:-1] / b, g["weight"][b][1:-1], atol=2e-3)
        assert g["loss"][b][np.argmin(np.abs(h))] == pytest.approx(np.log(2), rel=1e-12)
    assert abs(h[np.argmin(g["cdpo_loss"])] - g["h_stop"]) <= h[1] - h[0]
    assert g["h_stop"] == pytest.approx(np.log(9) / 0.1)
    crossing = h[np.argmin(np.abs(g["cdpo_weight"]))]
    assert abs(crossing - g["h_stop"]) <= h[1] - h[0]


def test_ppo_clip_is_flat_exactly_where_the_clip_is_active(gallery):
    g = ns(gallery, "plot_ppo_clip")
    rho, eps = g["rho"], g["eps"]
    for a in g["advantages"]:
        objective, flat = g["objective"][a], g["flat"][a]
        bound = (1 + eps) * a if a > 0 else (1 - eps) * a
        np.testing.assert_allclose(objective[flat], bound, rtol=1e-12)
        np.testing.assert_allclose(objective[~flat], rho[~flat] * a, rtol=1e-12)
        assert np.all(objective <= rho * a + 1e-12)  # the clip never raises the objective


def test_kl_estimators_bias_and_spread(gallery):
    g = ns(gallery, "plot_kl_estimators")
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


# The shared style -----------------------------------------------------------------------------


def test_vae_beta_rate_and_distortion_follow_the_linear_gaussian_optimum(gallery):
    # For x ~ N(0, s^2) the optimum is distortion beta / 2 and rate log(s^2 / beta) / 2 below
    # beta = s^2, then posterior collapse: rate 0, distortion s^2 / 2 (derived on the VAE page).
    g = ns(gallery, "plot_vae_beta")
    betas, var = g["betas"], g["var"]
    below, above = betas < 0.8 * var, betas > 1.2 * var
    np.testing.assert_allclose(g["distortion"][below], betas[below] / 2, rtol=0.05, atol=0.01)
    np.testing.assert_allclose(g["rate"][below], np.log(var / betas[below]) / 2, atol=0.03)
    np.testing.assert_allclose(g["rate"][above], 0.0, atol=1e-6)
    np.testing.assert_allclose(g["distortion"][above], var / 2, rtol=1e-3)


def test_gan_generator_curves_saturate_where_the_page_says(gallery):
    g = ns(gallery, "plot_gan_generator_losses")
    f, grads = g["f"], g["grads"]
    confident = f < -5
    assert np.all(np.abs(grads["minimax"][confident]) < 0.01)
    assert np.all(grads["non_saturating"][confident] < -0.99)
    assert g["g_ns"] / g["g_mm"] == pytest.approx(np.exp(6.0), rel=1e-3)  # (1 - s) / s at f = -6
    np.testing.assert_array_equal(grads["wasserstein"], -1.0)


def test_diffusion_weights_are_snr_snr_plus_one_and_min_snr(gallery):
    g = ns(gallery, "plot_diffusion_snr")
    snr = g["snr"]["cosine"]
    np.testing.assert_allclose(g["w_eps"], snr, rtol=1e-6)
    np.testing.assert_allclose(g["w_v"], snr + 1, rtol=1e-6)
    np.testing.assert_allclose(g["w_x0"], 1.0, rtol=1e-12)
    np.testing.assert_allclose(g["w_min"], np.minimum(snr, 5.0), rtol=1e-6)
    assert np.all(np.diff(g["snr"]["linear"]) < 0) and np.all(np.diff(snr) < 0)


def test_use_style_and_landscape():
    with matplotlib.rc_context():
        use_style()
        assert matplotlib.rcParams["figure.facecolor"] == "white"
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0] == COLORS["blue"]
        fig, ax = plt.subplots()
        z = np.add.outer(np.arange(4.0), np.arange(5.0)) ** 2
        z[0, 0] = np.inf  # left blank, not an error
        filled = landscape(ax, np.arange(5), np.arange(4), z, levels=6)
        assert filled.levels[0] == pytest.approx(1.0) and filled.levels[-1] == pytest.approx(49.0)
        with pytest.raises(ValueError, match="spacing"):
            landscape(ax, np.arange(5), np.arange(4), z, spacing="log")
        plt.close(fig)


def test_grid_gaussian_is_a_distribution():
    x = np.linspace(-20, 20, 801)
    q = grid_gaussian(x, np.array([[0.0], [1.0]]), np.array([[1.0], [2.0]]))
    assert q.shape == (2, 1, 801)
    np.testing.assert_allclose(q.sum(axis=-1), 1.0)
    # Mean and variance of the discretised N(1, 2^2) are those of the Gaussian.
    assert np.sum(x * q[1, 0]) == pytest.approx(1.0, abs=1e-6)
    assert np.sum((x - 1) ** 2 * q[1, 0]) == pytest.approx(4.0, rel=1e-3)


def test_triplet_mining(gallery):
    g = ns(gallery, "plot_triplet_mining")
    # The loss is 0 exactly on and above d_an = d_ap + m, and d_ap - d_an + m below it.
    expected = np.maximum(g["d_ap_grid"] - g["d_an_grid"] + g["margin"], 0)
    np.testing.assert_allclose(g["surface"], expected, atol=1e-12)
    # Most random triplets of the clustered embedding are easy, almost no batch-hard one is.
    assert g["easy_share"] > 0.9 and g["hard_easy_share"] < 0.05


def test_clip_siglip_gradients(gallery):
    g = ns(gallery, "plot_clip_siglip")
    # CLIP: each row of P and each column of Q sums to 1, so the push sums to 0 over the
    # matrix; SigLIP: the sum of the pushes is dL/db, checked by finite differences.
    assert abs(g["grad_clip"].sum()) < 1e-12
    h = 1e-6
    up = lossdocs.siglip_loss(g["image"], g["text"], bias=g["b"] + h)
    down = lossdocs.siglip_loss(g["image"], g["text"], bias=g["b"] - h)
    assert g["grad_siglip"].sum() == pytest.approx((up - down) / (2 * h), rel=1e-6)
    # The near-duplicate caption is CLIP's largest push on a negative.
    off = np.where(np.eye(8, dtype=bool), 0, g["grad_clip"])
    assert np.unravel_index(np.argmax(off), off.shape) == (2, 5)


def test_angular_margins(gallery):
    g = ns(gallery, "plot_angular_margins")
    theta, curves = g["theta"], g["curves"]
    np.testing.assert_allclose(curves["softmax"], np.cos(theta), atol=1e-9)
    np.testing.assert_allclose(curves["cosface"], np.cos(theta) - 0.35, atol=1e-9)
    before = theta <= np.pi - 0.5
    np.testing.assert_allclose(curves["arcface"][before], np.cos(theta[before] + 0.5), atol=1e-9)
    np.testing.assert_allclose(
        curves["arcface"][~before], np.cos(theta[~before]) - 0.5 * np.sin(0.5), atol=1e-9
    )
    np.testing.assert_allclose(g["gap_arc"], 0.5, atol=1e-3)  # a constant geodesic margin
    assert g["gap_cos"][0] == pytest.approx(np.arccos(0.65), abs=1e-3)
    assert g["gap_cos"][-1] == pytest.approx(np.arcsin(0.35), abs=1e-3)


# The language chapter's figures ---------------------------------------------------------


def test_next_token_loss_figure(gallery):
    g = ns(gallery, "plot_next_token_loss")
    per_token = g["per_token"]
    assert per_token.size == len(g["sentence"]) - 1  # T - 1 predictions
    assert g["mean_loss"] == pytest.approx(per_token.mean(), rel=1e-12)
    assert g["ppl"] == pytest.approx(np.exp(per_token.mean()), rel=1e-12)
    np.testing.assert_allclose(g["uniform_ppl"], g["uniform_sizes"], rtol=1e-12)
    # The model beats a uniform guess over its vocabulary, and its logits have log Z = 0.
    assert g["ppl"] < g["V"]
    assert lossdocs.z_loss(g["log_table"]) == pytest.approx(0.0, abs=1e-25)


def test_moe_load_balancing_figure(gallery):
    g = ns(gallery, "plot_moe_load_balancing")
    curves = g["curves"]
    assert curves["top1"][0] == pytest.approx(1.0, abs=1e-6)
    assert curves["top2"][0] == pytest.approx(2.0, abs=1e-6)
    assert curves["top1"][-1] == pytest.approx(g["E"], rel=1e-3)  # collapse: E
    for name in curves:
        assert np.all(np.diff(curves[name]) > 0), f"{name} must grow with imbalance"
    assert np.all(curves["top1_soft"] <= curves["top1"] + 1e-12)


def test_distillation_temperature_figure(gallery):
    g = ns(gallery, "plot_distillation_temperature")
    for dist in g["softened"].values():
        assert dist.sum() == pytest.approx(1.0)
    # Softening: the top class loses probability as T grows.
    tops = [g["softened"][t][0] for t in g["temperatures_shown"]]
    assert np.all(np.diff(tops) < 0)
    t, with_t2, without = g["temperatures"], g["grad_with"], g["grad_without"]
    # Without T^2 the gradient falls 10^4-fold from T = 1 to 100 (slope -2 on log scales);
    # with it, it tends to the logit-matching limit.
    slope = np.polyfit(np.log(t[-10:]), np.log(without[-10:]), 1)[0]
    assert slope == pytest.approx(-2.0, abs=0.05)
    assert with_t2[-1] == pytest.approx(g["limit"], rel=0.02)


def test_pinball_and_heteroscedastic_fit(gallery):
    g = ns(gallery, "plot_quantile_and_uncertainty")
    u = g["u"]
    for q, curve in g["pinball"].items():
        # Slopes q on the right (under-prediction), q - 1 on the left; 0 at u = 0.
        np.testing.assert_allclose(curve, np.where(u > 0, q * u, (q - 1) * u), atol=1e-15)
    # The variance the Gaussian NLL learns follows the true noise (within 20% on average),
    # and the pinball fits leave about q of the points below them.
    assert np.mean(np.abs(g["sigma_fit"] / g["sigma_true"] - 1)) < 0.2
    for q, fit in g["quantile_fits"].items():
        assert np.mean(g["y"] < fit) == pytest.approx(q, abs=0.02)
    # Gradient descent reached the Gaussian NLL of the truth, or better on this sample.
    truth = lossdocs.gaussian_nll(np.sin(2 * np.pi * g["x"]), g["y"], g["sigma_true"] ** 2,
                                  full=True)  # fmt: skip
    assert g["nll"] <= truth


# The figures in Chinese -----------------------------------------------------------------------

# Names a Chinese ML engineer writes in Latin letters: losses, methods, libraries, functions.
LATIN_NAMES = {"focal", "loss", "huber", "smooth", "moco", "infonce", "retinanet", "adaboost",
               "svm", "dice", "iou", "giou", "mse", "mae", "kl", "ce", "bce", "with", "logits",
               "logistic", "sigmoid", "nielsen", "epoch", "inf", "dx", "wx", "log",
               "logit", "minimax", "wgan", "hinge", "ddpm", "snr", "min",
               "dpo", "ipo", "ppo", "grpo", "bradley", "terry",
               "clip", "siglip", "arcface", "cosface", "softmax", "insightface",
               "cat",
               "ece", "nll", "diou", "ciou", "tversky", "fp", "fn"}  # fmt: skip


def _words(fig):
    """Every text the figure shows, tick labels included, outside its math."""
    fig.canvas.draw()  # tick labels are made at draw time
    shown = [text.get_text() for text in fig.findobj(matplotlib.text.Text)]
    return [re.sub(r"\$[^$]*\$", " ", text) for text in shown if text.strip()]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_every_word_of_a_figure_is_in_chinese_too(gallery, path):
    """Each word drawn comes from the script's table, so the Chinese figure has no English."""
    from lossdocs.plotting import localized

    _, figures = gallery(path.stem)
    cjk = 0
    for fig in figures:
        with localized(fig, "zh_CN"):
            for text in _words(fig):
                english = set(re.findall(r"[A-Za-z]{2,}", text)) - {"Q", "P"}
                assert {w.lower() for w in english} <= LATIN_NAMES, (text, english)
                cjk += bool(re.search(r"[\u4e00-\u9fff]", text))
        # localized() gives the English words back
        assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in _words(fig))
    assert cjk >= 4, "titles, axis labels, legend and annotation in Chinese"


def test_texts_checks_its_table_and_the_language(monkeypatch):
    from lossdocs.plotting import LANGUAGE_VARIABLE, figure_language, texts

    table = {"en": {"a": "step {n}"}, "zh_CN": {"a": "第 {n} 步"}}
    assert texts(table)("a", n=3) == "step 3"  # English by default
    monkeypatch.setenv(LANGUAGE_VARIABLE, "zh-cn")
    assert figure_language(("en", "zh_CN")) == "zh_CN"
    assert texts(table)("a", n=3) == "第 3 步"
    monkeypatch.setenv(LANGUAGE_VARIABLE, "fr")
    with pytest.raises(ValueError, match="LOSSDOCS_LANG='fr'"):
        texts(table)
    with pytest.raises(ValueError, match="keys"):
        texts({"en": {"a": "x"}, "zh_CN": {"b": "y"}}, language="en")
    with pytest.raises(ValueError, match="English"):
        texts({"zh_CN": {"a": "y"}})
    with pytest.raises(KeyError, match="'b'"):
        texts(table, language="en")("b")


def test_chinese_is_drawn_with_the_packaged_font():
    """The CJK font is the PyPI package's file, not a font of the machine."""
    import noto_cjk_sans_otc
    from matplotlib import font_manager

    with matplotlib.rc_context():
        use_style()
        family = matplotlib.rcParams["font.family"]
        assert family[0] == "DejaVu Sans" and "Noto Sans CJK SC" in family
        found = font_manager.findfont(font_manager.FontProperties(family="Noto Sans CJK SC"))
        assert os.path.samefile(found, str(noto_cjk_sans_otc.FONT_PATH))
        bold = font_manager.FontProperties(family="Noto Sans CJK SC", weight="bold")
        assert os.path.samefile(font_manager.findfont(bold), found)


def test_ctc_lattice_ends_in_the_loss(gallery):
    ns, _ = gallery("plot_ctc_lattice")
    alpha = ns["log_alpha"]
    # The two end cells of the last frame hold p(y | x): the library's loss.
    assert ns["loss"] == pytest.approx(ns["library"], rel=1e-12)
    # A walk starts at the first blank or the first label: above them, frame 1 is empty;
    # "cat" (3 labels, no repeats) first reaches its last label at frame 3.
    assert np.all(np.isneginf(alpha[0, 2:])) and np.all(np.isfinite(alpha[0, :2]))
    assert np.isneginf(alpha[1, 5]) and np.isfinite(alpha[2, 5])


def test_long_tail_recall_of_the_four_ways_to_train(gallery):
    g = ns(gallery, "plot_long_tail_recall")
    recall, long_tailed = g["recall"], g["accuracy_long_tailed"]
    expected = lossdocs.class_balanced_weights(g["counts"], beta=0.999)
    np.testing.assert_allclose(g["weights"], expected)
    assert recall["ce"][0] > 0.9 and recall["ce"][-1] < 0.1, "plain CE: head yes, tail no"
    for name in ("cb", "la", "posthoc"):
        assert recall[name][-1] > 0.5, name
        assert recall[name].mean() > recall["ce"].mean() + 0.1, "better balanced accuracy"
        assert long_tailed[name] < long_tailed["ce"], "worse on a test set as skewed as training"
    # The loss and the post-hoc correction target the same balanced rule: close recalls.
    assert np.abs(recall["la"] - recall["posthoc"]).max() < 0.06


def test_calibration_figure(gallery):
    g = ns(gallery, "plot_calibration")
    # T recovers the factor the logits were inflated by (a finite-sample estimate).
    assert g["temperature"] == pytest.approx(g["sharpen"], rel=0.05)
    # Scaling keeps every argmax: the same accuracy; it lowers the test ECE and NLL.
    assert g["accuracy"]["before"] == g["accuracy"]["after"]
    assert g["ece"]["after"] < 0.2 * g["ece"]["before"]
    assert g["nll"]["after"] < g["nll"]["before"]
    # Before: over-confident in every bin with enough samples (accuracy below confidence).
    _, acc, conf, count = g["reliability"]["before"]
    assert np.all((acc < conf)[count >= 100])


def test_label_smoothing_figure(gallery):
    g = ns(gallery, "plot_label_smoothing")
    # Without smoothing the mean gap keeps growing; with it, it settles near the optimum.
    hard, smooth = g["gaps"]["hard"], g["gaps"]["smooth"]
    assert hard[-1] > hard[len(hard) // 2] > 2 * g["optimum"]
    assert abs(smooth[-1] - smooth[len(smooth) // 2]) < 0.05
    assert smooth[-1] == pytest.approx(g["optimum"], rel=0.15)
    # Smoothing lowers the test ECE here without costing accuracy.
    assert g["ece"]["smooth"] < 0.6 * g["ece"]["hard"]
    assert g["accuracy"]["smooth"] >= g["accuracy"]["hard"] - 0.01


def test_iou_losses_flat_where_the_page_says(gallery):
    g = ns(gallery, "plot_iou_losses")
    slide, inside, stretch = g["slide"], g["inside"], g["stretch"]
    disjoint = g["offset"] >= 2  # two 2 x 2 boxes whose centres are 2 or more apart
    assert np.all(slide["iou"][disjoint] == 1)
    assert np.all(np.diff(slide["GIoU"][disjoint]) > 0) and np.all(
        np.diff(slide["DIoU"][disjoint]) > 0
    )
    np.testing.assert_allclose(slide["CIoU"], slide["DIoU"], atol=1e-15)  # one shape: v = 0
    # Inside the 10 x 10 target: GIoU is 1 - 4/100 everywhere, DIoU is smallest at the centre.
    np.testing.assert_allclose(inside["GIoU"], 0.96, rtol=1e-9)  # eps = 1e-7 in the ratio
    assert g["centre"][np.argmin(inside["DIoU"])] == pytest.approx(5.0)
    # Concentric stretching: no centre distance, so DIoU is the IoU loss; CIoU adds a term
    # that is 0 for the square and grows with the ratio either way.
    np.testing.assert_allclose(stretch["DIoU"], stretch["iou"], atol=1e-7)  # eps = 1e-7
    term = g["aspect_term"]
    assert term[np.argmin(np.abs(g["ratio"] - 1))] < 1e-12
    assert np.all(term >= 0) and term[0] > 0.01 and term[-1] > 0.01
