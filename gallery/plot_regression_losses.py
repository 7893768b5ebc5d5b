"""
=======================================
Regression losses and their derivatives
=======================================

MSE, MAE, Huber and smooth L1 on one residual axis, with the derivative of
each. Watch the right-hand panels: Huber's slope is capped at ``delta`` while
smooth L1's is capped at 1 whatever ``beta`` is, so the two agree only at
``delta = beta = 1``.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The losses
# ----------
# Every curve is a lossdocs function evaluated at ``pred = r`` with
# ``target = 0``, so the horizontal axis is the residual ``r``.
# ``reduction="none"`` gives one loss per point; a ``*_grad`` function with
# ``reduction="sum"`` gives one derivative per point, because each term of a
# sum depends on its own prediction only.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import huber, huber_grad, mae, mae_grad, mse, mse_grad, smooth_l1, smooth_l1_grad
from lossdocs.plotting import annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "curve": "{name}, {param} = {value:g}",
            "title": "MSE, MAE and {name}",
            "loss": "loss",
            "derivatives": "Derivatives",
            "residual": "residual r = pred - target",
            "derivative": "d loss / d pred",
            "capped_delta": "slope capped\nat $\\pm\\delta$",
            "capped_one": "slope capped at $\\pm$1\nfor every $\\beta$",
            "suptitle": "Regression losses on one residual axis",
        },
        "zh_CN": {
            "curve": "{name}，{param} = {value:g}",
            "title": "MSE、MAE 与 {name}",
            "loss": "损失",
            "derivatives": "导数",
            "residual": "残差 r = 预测值 − 目标值",
            "derivative": "d 损失 / d 预测值",
            "capped_delta": "斜率上限\n为 $\\pm\\delta$",
            "capped_one": "无论 $\\beta$ 取何值，\n斜率上限都是 $\\pm$1",
            "suptitle": "同一残差轴上的回归损失",
        },
    }
)

r = np.linspace(-3.0, 3.0, 601)
zero = np.zeros_like(r)
deltas = (0.5, 1.0, 2.0)
betas = (0.5, 1.0, 2.0)

loss_mse = mse(r, zero, reduction="none")
loss_mae = mae(r, zero, reduction="none")
grad_mse = mse_grad(r, zero, reduction="sum")
grad_mae = mae_grad(r, zero, reduction="sum")
loss_huber = {d: huber(r, zero, delta=d, reduction="none") for d in deltas}
grad_huber = {d: huber_grad(r, zero, delta=d, reduction="sum") for d in deltas}
loss_smooth_l1 = {b: smooth_l1(r, zero, beta=b, reduction="none") for b in betas}
grad_smooth_l1 = {b: smooth_l1_grad(r, zero, beta=b, reduction="sum") for b in betas}

# %%
# Losses (top) and derivatives (bottom)
# -------------------------------------
# Left: Huber for three ``delta``. It is MSE/2 inside ``|r| < delta`` and a
# line of slope ``delta`` outside. Right: smooth L1 for three ``beta``. It is
# Huber divided by ``beta``: a parabola of curvature ``1/beta`` inside, then
# ``|r| - beta/2``, slope 1, for every ``beta``.
fig, axs = plt.subplots(2, 2, figsize=(8, 6.4), sharex=True)
families = (
    (axs[:, 0], "Huber", r"$\delta$", loss_huber, grad_huber),
    (axs[:, 1], "Smooth L1", r"$\beta$", loss_smooth_l1, grad_smooth_l1),
)
for (ax_loss, ax_grad), name, param, losses, grads in families:
    ax_loss.plot(r, loss_mse, color="0.55", ls="-", lw=1.5, label="MSE")
    ax_loss.plot(r, loss_mae, color="black", ls=(0, (1, 1)), lw=1.5, label="MAE")
    ax_grad.plot(r, grad_mse, color="0.55", ls="-", lw=1.5, label="MSE")
    ax_grad.plot(r, grad_mae, color="black", ls=(0, (1, 1)), lw=1.5, label="MAE")
    for value in losses:
        ax_loss.plot(r, losses[value], label=t("curve", name=name, param=param, value=value))
        ax_grad.plot(r, grads[value], label=t("curve", name=name, param=param, value=value))
    ax_loss.set(ylim=(0, 4.2), title=t("title", name=name), ylabel=t("loss"))
    ax_grad.set(
        ylim=(-3.2, 3.2),
        title=t("derivatives"),
        xlabel=t("residual"),
        ylabel=t("derivative"),
    )
    ax_loss.legend(loc="upper center", fontsize=9)

annotate(axs[1, 0], t("capped_delta"), (2.2, 2.0), (-1.6, 2.3), textcoords="data")
annotate(
    axs[1, 1],
    t("capped_one"),
    (2.3, 1.0),
    (-1.4, 2.3),
    textcoords="data",
)
fig.suptitle(t("suptitle"))

# %%
# A numerical check of the relation between the two families, on the grid
# above: ``huber(delta=d) == d * smooth_l1(beta=d)``.
huber_over_smooth_l1 = max(
    float(np.max(np.abs(loss_huber[d] - d * loss_smooth_l1[d]))) for d in deltas
)
print(f"max |huber - delta * smooth_l1| = {huber_over_smooth_l1:.1e}")

plt.show()
