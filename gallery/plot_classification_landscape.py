"""
====================================================
Landscapes of the 0-1 loss and its convex surrogates
====================================================

The 0-1 loss, hinge, logistic and exponential losses of a linear classifier
as surfaces over its two weights. The 0-1 loss is a staircase of flat
plateaus, with no gradient to follow; each surrogate is a smooth convex bowl
(hinge piecewise linear) whose descent path leads close to the 0-1 loss's
best directions.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Data and classifier
# -------------------
# Two overlapping clouds of 40 points, labels -1 and +1, and a linear
# classifier without bias: the score of ``x`` is ``w . x`` and the predicted
# label its sign. The clouds overlap, so no ``w`` separates them and every
# surrogate has a finite minimiser.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import (
    exponential,
    exponential_grad,
    hinge,
    hinge_grad,
    logistic,
    logistic_grad,
    zero_one,
)
from lossdocs.plotting import annotate, descent_path, landscape, mark_min, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "gd": "gradient descent",
            "grid_min": "grid minimum",
            "0-1": "0-1 loss",
            "hinge": "hinge loss",
            "logistic": "logistic loss",
            "exponential": "exponential loss",
            "error": "training error at the minimum: {rate:.1%}",
            "w1": "weight w1",
            "w2": "weight w2",
            "plateaus": "flat plateaus,\nsteps between:\nno gradient",
            "wedge": "depends only on the\ndirection of w: the whole\ndark wedge is minimal",
            "suptitle": "A linear classifier's weights: the 0-1 loss and three surrogates",
        },
        "zh_CN": {
            "gd": "梯度下降",
            "grid_min": "网格上的最小值",
            "0-1": "0-1 损失",
            "hinge": "合页损失",
            "logistic": "逻辑斯谛损失",
            "exponential": "指数损失",
            "error": "最小值处的训练错误率：{rate:.1%}",
            "w1": "权重 w1",
            "w2": "权重 w2",
            "plateaus": "平坦的台面，\n台面之间是台阶：\n没有梯度",
            "wedge": "只取决于 w 的方向：\n整个深色楔形区域\n都是最小值",
            "suptitle": "线性分类器的权重：0-1 损失与三种替代损失",
        },
    }
)
rng = np.random.default_rng(0)
n = 40
y = np.repeat([-1.0, 1.0], n)
X = rng.normal(size=(2 * n, 2)) + y[:, None] * np.array([1.0, 0.5])

# %%
# The surfaces
# ------------
# One score per grid point ``(w1, w2)`` and data point; ``reduction="none"``
# and a mean over the data axis give each landscape. The 0-1 loss compares
# the predicted sign with the label; a score of exactly 0 has sign 0, which
# matches neither label, so it counts as an error.
w1 = np.linspace(-3.0, 3.0, 161)
w2 = np.linspace(-3.0, 3.0, 161)
scores = w1[None, :, None] * X[:, 0] + w2[:, None, None] * X[:, 1]
target = np.broadcast_to(y, scores.shape)
surrogates = {
    "hinge": (hinge, hinge_grad),
    "logistic": (logistic, logistic_grad),
    "exponential": (exponential, exponential_grad),
}
surfaces = {"0-1": zero_one(np.sign(scores), target, reduction="none").mean(axis=-1)}
for name, (loss, _) in surrogates.items():
    surfaces[name] = loss(scores, target, reduction="none").mean(axis=-1)
minimisers = {}
for name, z in surfaces.items():
    i, j = np.unravel_index(np.argmin(z), z.shape)
    minimisers[name] = np.array([w1[j], w2[i]])
error_rate = {name: float(np.mean(np.sign(X @ w) != y)) for name, w in minimisers.items()}
for name, w in minimisers.items():
    print(f"{name:12s} w = ({w[0]:5.2f}, {w[1]:5.2f})  training error {error_rate[name]:.1%}")

# %%
# Gradient descent on each surrogate
# ----------------------------------
# ``*_grad`` gives the gradient with respect to the scores; ``X.T @ g`` turns
# it into the gradient in ``w``. Start at ``w = (-2, 2.5)``, which gets most
# points wrong; 200 steps. The exponential loss's gradient grows like
# ``exp(-margin)``, huge at this bad start: it needs a step ten times smaller
# than the others, or descent diverges. The 0-1 loss has no useful gradient:
# it is 0 almost everywhere.
steps = {"hinge": 0.5, "logistic": 0.5, "exponential": 0.05}
paths = {}
for name, (_, grad) in surrogates.items():
    w = np.array([-2.0, 2.5])
    path = [w.copy()]
    for _ in range(200):
        w -= steps[name] * (X.T @ grad(X @ w, y))
        path.append(w.copy())
    paths[name] = np.array(path)

# %%
# The four landscapes
# -------------------
# Contour levels are quantiles of each surface (dark is low).
fig, axs = plt.subplots(2, 2, figsize=(8, 7.4), sharex=True, sharey=True)
for ax, (name, z) in zip(axs.flat, surfaces.items(), strict=True):
    landscape(ax, w1, w2, z, levels=10 if name == "0-1" else 14, colorbar=False)
    if name in paths:
        descent_path(ax, *paths[name].T, every=10, label=t("gd"))
    mark_min(ax, *minimisers[name], label=t("grid_min"))
    ax.set(aspect="equal", title=t(name))
    ax.text(
        2.85,
        -2.85,
        t("error", rate=error_rate[name]),
        ha="right",
        va="bottom",
        fontsize=9,
        bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#999999"},
    )
for ax in axs[1]:
    ax.set_xlabel(t("w1"))
for ax in axs[:, 0]:
    ax.set_ylabel(t("w2"))
axs[0, 1].legend(loc="lower left", bbox_to_anchor=(0.0, 0.09), fontsize=9)
annotate(axs[0, 0], t("plateaus"), (-1.6, 1.5), (0, 0), arrowprops=None)
annotate(
    axs[0, 0],
    t("wedge"),
    (1.5, 1.9),
    (0, 0),
    arrowprops=None,
)
fig.suptitle(t("suptitle"))

plt.show()
