"""
==================================
MSE finds the mean, MAE the median
==================================

Fit one constant to data with a few outliers by minimising MSE, MAE and
Huber. The MSE fit is the mean, dragged towards the outliers; the MAE fit is
the median, which stays with the bulk of the data; Huber lands in between.
"""

# SPDX-License-Identifier: MIT

# %%
# Data with outliers
# ------------------
# Twenty-five points around 2 and four outliers near 12. An odd count, so the
# median is one of the points and the MAE minimiser is unique.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import huber, mae, mse
from lossdocs.plotting import COLORS, annotate, use_style

use_style()
rng = np.random.default_rng(0)
y = np.concatenate([rng.normal(2.0, 0.6, size=25), rng.normal(12.0, 0.5, size=4)])

# %%
# Fit a constant by grid search
# -----------------------------
# For each candidate constant ``c`` (one row), the prediction is ``c`` for
# every data point (one column), and each loss is averaged over the points.
# The grid step is 0.001, so each fit is exact to that step.
c = np.arange(0.0, 14.0, 0.001)
pred = np.broadcast_to(c[:, None], (c.size, y.size))
target = np.broadcast_to(y, pred.shape)
curves = {
    "MSE": mse(pred, target, reduction="none").mean(axis=1),
    "MAE": mae(pred, target, reduction="none").mean(axis=1),
    "Huber, delta = 1": huber(pred, target, delta=1.0, reduction="none").mean(axis=1),
}
fits = {name: c[np.argmin(curve)] for name, curve in curves.items()}
c_mse, c_mae, c_huber = fits.values()
print(f"mean   {y.mean():.3f}   MSE fit   {c_mse:.3f}")
print(f"median {np.median(y):.3f}   MAE fit   {c_mae:.3f}")
print(f"                Huber fit {c_huber:.3f}")

# %%
# The data, the three fits and the three loss curves
# --------------------------------------------------
# Each curve is rescaled to [0, 1] over the plotted range so the three share
# one axis; rescaling does not move a minimum.
fig, (ax_data, ax_loss) = plt.subplots(2, 1, figsize=(8, 5.6), sharex=True, height_ratios=(1, 2.2))
jitter = rng.uniform(-0.3, 0.3, size=y.size)
ax_data.scatter(y, jitter, s=28, color=COLORS["black"], alpha=0.75, label="data", zorder=3)
ax_data.set(ylim=(-1, 1), yticks=[], title="Fitting one constant to data with outliers")
for (name, curve), color in zip(curves.items(), ("blue", "vermillion", "green"), strict=True):
    fit = fits[name]
    span = curve.max() - curve.min()
    ax_loss.plot(
        c,
        (curve - curve.min()) / span,
        color=COLORS[color],
        label=name.replace("delta", r"$\delta$"),
    )
    for ax in (ax_data, ax_loss):
        ax.axvline(fit, color=COLORS[color], lw=1.5, ls=(0, (4, 2)))
    ax_loss.plot(fit, 0, "o", color=COLORS[color], ms=8, mec="white", zorder=5)
ax_loss.set(
    xlabel="constant prediction c",
    ylabel="mean loss (rescaled)",
    ylim=(-0.05, 1.05),
    title="Each loss as a function of c, minimum marked",
)
ax_loss.legend(loc="lower right")
ax_data.text(c_mae - 0.15, 0.75, "median", ha="right", color=COLORS["vermillion"])
ax_data.text(c_mse + 0.15, 0.75, "mean", ha="left", color=COLORS["blue"])
annotate(ax_data, "4 outliers", (y[-4:].min() - 0.3, 0.0), (-80, 0))
annotate(ax_loss, f"MAE fit = median = {c_mae:.2f}", (c_mae, 0.0), (-10, 75))
annotate(ax_loss, f"MSE fit = mean = {c_mse:.2f}", (c_mse, 0.0), (90, 45))

plt.show()
