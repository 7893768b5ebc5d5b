"""
===========================================
Loss landscapes of a line fit with outliers
===========================================

MSE, MAE and Huber as surfaces over the slope and intercept of a line fitted
to data with five outliers, with each minimiser marked and a gradient-descent
path. The MSE minimiser is pulled far from the true line; MAE and Huber stay
near it.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Data: a line plus five outliers
# -------------------------------
# Forty points on ``y = 1.5 x + 1`` with a little noise; five of them at the
# right end are pulled down by 8, as a broken sensor would.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import huber, huber_grad, mae, mae_grad, mse, mse_grad
from lossdocs.plotting import COLORS, annotate, descent_path, landscape, mark_min, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "data": "data",
            "outliers": "outliers",
            "true": "true",
            "fit": "{name} fit",
            "title_data": "Data and fitted lines",
            "gd": "gradient descent",
            "minimiser": "minimiser",
            "slope": "slope",
            "intercept": "intercept",
            "landscape": "{name} landscape",
            "pull": "outliers pull\nthe minimum away\nfrom the true line (+)",
            "true_line": "true line (+)",
            "suptitle": "Line fit with outliers: MSE, MAE and Huber landscapes",
        },
        "zh_CN": {
            "data": "数据",
            "outliers": "离群点",
            "true": "真实直线",
            "fit": "{name} 拟合",
            "title_data": "数据与拟合直线",
            "gd": "梯度下降",
            "minimiser": "最小值点",
            "slope": "斜率",
            "intercept": "截距",
            "landscape": "{name} 的损失曲面",
            "pull": "离群点把最小值点\n拉离真实直线 (+)",
            "true_line": "真实直线 (+)",
            "suptitle": "含离群点的直线拟合：MSE、MAE 与 Huber 的损失曲面",
        },
    }
)


def tex(name):
    """Write the Greek parameter name of a label as Matplotlib math."""
    return name.replace("delta", r"$\delta$")


rng = np.random.default_rng(0)
x = np.sort(rng.uniform(0.0, 4.0, size=40))
y = 1.5 * x + 1.0 + rng.normal(0.0, 0.3, size=x.size)
y[-5:] -= 8.0
true_slope, true_intercept = 1.5, 1.0

# %%
# The surfaces
# ------------
# Each grid point ``(slope, intercept)`` predicts ``slope * x + intercept``
# for every data point; ``reduction="none"`` gives the per-point losses on a
# (intercepts, slopes, points) array, averaged over the last axis.
slopes = np.linspace(-2.0, 3.0, 201)
intercepts = np.linspace(-2.0, 5.0, 201)
pred = slopes[None, :, None] * x + intercepts[:, None, None]
target = np.broadcast_to(y, pred.shape)
losses = {
    "MSE": (mse, mse_grad, {}),
    "MAE": (mae, mae_grad, {}),
    "Huber, delta = 1": (huber, huber_grad, {"delta": 1.0}),
}
surfaces = {
    name: loss(pred, target, reduction="none", **kw).mean(axis=-1)
    for name, (loss, _, kw) in losses.items()
}
minimisers = {}
for name, z in surfaces.items():
    i, j = np.unravel_index(np.argmin(z), z.shape)
    minimisers[name] = (slopes[j], intercepts[i])
    print(f"{name:17s} slope {slopes[j]:.3f}  intercept {intercepts[i]:.3f}")

# %%
# Gradient descent on each loss
# -----------------------------
# The gradient with respect to the predictions comes from the loss's
# ``*_grad`` function; the chain rule through ``pred = slope * x + intercept``
# gives the gradient in the two parameters. Same start, same step, 1500 steps.
# MAE's gradient does not shrink near the minimum, so its path ends in a
# zigzag.
start, step, n_steps = np.array([-1.5, 4.5]), 0.08, 1500
paths = {}
for name, (_, grad, kw) in losses.items():
    theta = start.copy()
    path = [theta.copy()]
    for _ in range(n_steps):
        g = grad(theta[0] * x + theta[1], y, **kw)
        theta -= step * np.array([np.sum(g * x), np.sum(g)])
        path.append(theta.copy())
    paths[name] = np.array(path)

# %%
# The data with the three fitted lines, and the three landscapes
# --------------------------------------------------------------
# Contour levels are quantiles of each surface, so colours rank the values
# (dark is low) and both the valley floor and the walls show detail.
fig, axs = plt.subplots(2, 2, figsize=(8, 7.2))
ax = axs[0, 0]
ax.scatter(x[:-5], y[:-5], s=16, color=COLORS["black"], label=t("data"))
ax.scatter(x[-5:], y[-5:], s=40, marker="x", color=COLORS["vermillion"], label=t("outliers"))
grid_x = np.array([0.0, 4.0])
ax.plot(grid_x, true_slope * grid_x + true_intercept, color="0.6", lw=4, alpha=0.6, label=t("true"))
for name, color in zip(surfaces, ("blue", "purple", "green"), strict=True):
    a, b = minimisers[name]
    ax.plot(grid_x, a * grid_x + b, color=COLORS[color], label=t("fit", name=tex(name)))
ax.set(xlabel="x", ylabel="y", title=t("title_data"))
ax.legend(fontsize=8.5, loc="lower center")

for ax, name in zip(axs.flat[1:], surfaces, strict=True):
    landscape(ax, slopes, intercepts, surfaces[name], colorbar=False)
    descent_path(ax, *paths[name].T, every=30, label=t("gd"))
    mark_min(ax, *minimisers[name], label=t("minimiser"))
    ax.plot(true_slope, true_intercept, "P", ms=10, mfc=COLORS["orange"], mec="black", ls="none")
    ax.set(xlabel=t("slope"), ylabel=t("intercept"), title=t("landscape", name=tex(name)))
axs[0, 1].legend(loc="lower left", fontsize=8.5)
annotate(
    axs[0, 1],
    t("pull"),
    minimisers["MSE"],
    (-0.7, 0.2),
    textcoords="data",
)
annotate(axs[1, 0], t("true_line"), (true_slope, true_intercept), (55, 55))
fig.suptitle(t("suptitle"))

plt.show()
