"""
==================================
MSE finds the mean, MAE the median
==================================

Fit one constant to data with a few outliers by minimising MSE, MAE and
Huber. The MSE fit is the mean, dragged towards the outliers; the MAE fit is
the median, which stays with the bulk of the data; Huber lands in between.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Data with outliers
# ------------------
# Twenty-five points around 2 and four outliers near 12. An odd count, so the
# median is one of the points and the MAE minimiser is unique.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import huber, mae, mse
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "huber": r"Huber, $\delta$ = 1",
            "data": "data",
            "title_data": "Fitting one constant to data with outliers",
            "c": "constant prediction c",
            "mean_loss": "mean loss (rescaled)",
            "title_loss": "Each loss as a function of c, minimum marked",
            "median": "median",
            "mean": "mean",
            "outliers": "4 outliers",
            "mae_fit": "MAE fit = median = {c:.2f}",
            "mse_fit": "MSE fit = mean = {c:.2f}",
        },
        "zh_CN": {
            "huber": r"Huber，$\delta$ = 1",
            "data": "数据",
            "title_data": "用一个常数拟合含离群点的数据",
            "c": "常数预测值 c",
            "mean_loss": "平均损失（归一化到 [0, 1]）",
            "title_loss": "各损失随 c 的变化，最小值已标出",
            "median": "中位数",
            "mean": "均值",
            "outliers": "4 个离群点",
            "mae_fit": "MAE 拟合值 = 中位数 = {c:.2f}",
            "mse_fit": "MSE 拟合值 = 均值 = {c:.2f}",
        },
    }
)
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
ax_data.scatter(y, jitter, s=28, color=COLORS["black"], alpha=0.75, label=t("data"), zorder=3)
ax_data.set(ylim=(-1, 1), yticks=[], title=t("title_data"))
for (name, curve), color in zip(curves.items(), ("blue", "vermillion", "green"), strict=True):
    fit = fits[name]
    span = curve.max() - curve.min()
    ax_loss.plot(
        c,
        (curve - curve.min()) / span,
        color=COLORS[color],
        label=t("huber") if name.startswith("Huber") else name,
    )
    for ax in (ax_data, ax_loss):
        ax.axvline(fit, color=COLORS[color], lw=1.5, ls=(0, (4, 2)))
    ax_loss.plot(fit, 0, "o", color=COLORS[color], ms=8, mec="white", zorder=5)
ax_loss.set(
    xlabel=t("c"),
    ylabel=t("mean_loss"),
    ylim=(-0.05, 1.05),
    title=t("title_loss"),
)
ax_loss.legend(loc="lower right")
ax_data.text(c_mae - 0.15, 0.75, t("median"), ha="right", color=COLORS["vermillion"])
ax_data.text(c_mse + 0.15, 0.75, t("mean"), ha="left", color=COLORS["blue"])
annotate(ax_data, t("outliers"), (y[-4:].min() - 0.3, 0.0), (-80, 0))
annotate(ax_loss, t("mae_fit", c=c_mae), (c_mae, 0.0), (-10, 75))
annotate(ax_loss, t("mse_fit", c=c_mse), (c_mse, 0.0), (90, 45))

plt.show()
