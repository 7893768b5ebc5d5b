"""
==========================================
Sigmoid output: why cross-entropy, not MSE
==========================================

A single sigmoid neuron trained with MSE and with cross-entropy from a
saturated, wrong start. MSE's gradient carries the factor
``sigmoid'(z) <= 1/4``, nearly 0 when the neuron saturates, so its descent
crawls across a plateau; cross-entropy's gradient ``sigmoid(z) - y`` is large
exactly when the neuron is confidently wrong, so it learns at once.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The two gradients
# -----------------
# For a prediction ``a = sigmoid(z)`` with ``z = w x + b``, lossdocs gives the
# loss's derivative with respect to what it takes: ``mse_grad`` with respect
# to ``a``, ``binary_cross_entropy_with_logits_grad`` with respect to ``z``.
# The chain rule adds ``da/dz = a (1 - a)`` for MSE only; that factor is the
# whole story.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    mse,
    mse_grad,
    sigmoid,
)
from lossdocs.plotting import COLORS, annotate, descent_path, landscape, mark_min, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "MSE": "MSE of sigmoid(wx + b)",
            "CE": "Cross-entropy (BCE with logits)",
            "grid_min": "grid minimum",
            "gd": "300 steps of GD",
            "w": "weight w",
            "b": "bias b",
            "stuck": "stuck on a\nflat plateau",
            "straight": "straight\nto the minimum",
            "suptitle": "Same start (-6, 4), same learning rate 1.0: the two landscapes",
            "quadratic": "MSE / 2 (quadratic cost)",
            "cross_entropy": "cross-entropy",
            "epoch": "epoch",
            "cost_log": "cost (log scale)",
            "cost": "Cost",
            "output": "output sigmoid(w + b)",
            "title_output": "Output (target 0)",
            "stalls": "MSE stalls for ~150 epochs:\nsigmoid'(4) = {slope:.3f}",
            "nielsen": "Nielsen's neuron: x = 1, y = 0, start w = b = 2, rate 0.15",
        },
        "zh_CN": {
            "MSE": "sigmoid(wx + b) 的 MSE",
            "CE": "交叉熵（带 logit 的 BCE）",
            "grid_min": "网格上的最小值",
            "gd": "梯度下降 300 步",
            "w": "权重 w",
            "b": "偏置 b",
            "stuck": "困在\n平坦区域",
            "straight": "径直走向\n最小值",
            "suptitle": "同一起点 (-6, 4)、同一学习率 1.0：两种损失曲面",
            "quadratic": "MSE / 2（二次代价）",
            "cross_entropy": "交叉熵",
            "epoch": "轮次（epoch）",
            "cost_log": "代价（对数坐标）",
            "cost": "代价",
            "output": "输出 sigmoid(w + b)",
            "title_output": "输出（目标为 0）",
            "stalls": "MSE 停滞约 150 轮：\nsigmoid'(4) = {slope:.3f}",
            "nielsen": "Nielsen 的单神经元：x = 1，y = 0，起点 w = b = 2，学习率 0.15",
        },
    }
)


def loss_and_dz(name, z, y, scale=1.0):
    """Return the loss and its gradient with respect to z (``scale`` multiplies both)."""
    if name == "MSE":
        a = sigmoid(z)
        return scale * mse(a, y), scale * mse_grad(a, y) * a * (1.0 - a)
    return scale * binary_cross_entropy_with_logits(z, y), scale * (
        binary_cross_entropy_with_logits_grad(z, y)
    )


def descend(name, x, y, w, b, rate, n_steps, scale=1.0):
    """Full-batch gradient descent on (w, b); returns the path and the loss at each step."""
    path, losses = [(w, b)], []
    for _ in range(n_steps):
        loss, dz = loss_and_dz(name, w * x + b, y, scale)
        losses.append(loss)
        w, b = w - rate * np.sum(dz * x), b - rate * np.sum(dz)
        path.append((w, b))
    losses.append(loss_and_dz(name, w * x + b, y, scale)[0])
    return np.array(path), np.array(losses)


# %%
# The loss landscape over (w, b)
# ------------------------------
# Thirty points on a line, labelled 1 where ``x`` (plus a little noise) is
# positive. Both losses are evaluated on a grid of ``(w, b)``, one row of the
# last axis per data point. The start ``(w, b) = (-6, 4)`` gives a neuron
# that is saturated and wrong on most points.
rng = np.random.default_rng(0)
x = rng.normal(size=30)
y = (x + 0.5 * rng.normal(size=x.size) > 0).astype(float)

ws = np.linspace(-8.0, 8.0, 161)
bs = np.linspace(-8.0, 8.0, 161)
z = ws[None, :, None] * x + bs[:, None, None]
target = np.broadcast_to(y, z.shape)
surfaces = {
    "MSE": mse(sigmoid(z), target, reduction="none").mean(axis=-1),
    "CE": binary_cross_entropy_with_logits(z, target, reduction="none").mean(axis=-1),
}
paths = {name: descend(name, x, y, -6.0, 4.0, rate=1.0, n_steps=300) for name in surfaces}

fig, axs = plt.subplots(1, 2, figsize=(8, 4.1), sharey=True)
for ax, name in zip(axs, surfaces, strict=True):
    zz = surfaces[name]
    landscape(ax, ws, bs, zz, colorbar=False)
    i, j = np.unravel_index(np.argmin(zz), zz.shape)
    mark_min(ax, ws[j], bs[i], label=t("grid_min"))
    descent_path(ax, *paths[name][0].T, every=10, label=t("gd"))
    ax.set(xlabel=t("w"), title=t(name))
axs[0].set_ylabel(t("b"))
axs[1].legend(loc="lower right", fontsize=9)
annotate(axs[0], t("stuck"), tuple(paths["MSE"][0][-1]), (55, -70))
annotate(axs[1], t("straight"), tuple(paths["CE"][0][10]), (10, -75))
fig.suptitle(t("suptitle"))

# %%
# Nielsen's one-neuron example
# ----------------------------
# Nielsen (Neural Networks and Deep Learning, ch. 3) trains one neuron on one
# input ``x = 1`` with target ``y = 0`` from ``w = b = 2`` (output 0.98, badly
# wrong), learning rate 0.15, for 300 epochs. His quadratic cost is half the
# squared error, so MSE is scaled by 1/2 here to reproduce his curve.
x1, y1 = np.array([1.0]), np.array([0.0])
nielsen = {
    name: descend(name, x1, y1, 2.0, 2.0, rate=0.15, n_steps=300, scale=0.5 if name == "MSE" else 1)
    for name in ("MSE", "CE")
}
nielsen_loss = {name: losses for name, (_, losses) in nielsen.items()}
nielsen_output = {name: sigmoid(path[:, 0] + path[:, 1]) for name, (path, _) in nielsen.items()}
slope_at_start = sigmoid(4.0) * (1 - sigmoid(4.0))
print(
    f"after 300 epochs: output {nielsen_output['MSE'][-1]:.3f} (MSE/2), "
    f"{nielsen_output['CE'][-1]:.3f} (CE); sigmoid'(4) = {slope_at_start:.4f}"
)

epochs = np.arange(301)
fig, (ax_loss, ax_out) = plt.subplots(1, 2, figsize=(8, 3.8))
for name, label, color in (
    ("MSE", t("quadratic"), "blue"),
    ("CE", t("cross_entropy"), "vermillion"),
):
    ls = "-" if name == "MSE" else "--"
    ax_loss.plot(epochs, nielsen_loss[name], color=COLORS[color], ls=ls, label=label)
    ax_out.plot(epochs, nielsen_output[name], color=COLORS[color], ls=ls, label=label)
ax_loss.set(yscale="log", xlabel=t("epoch"), ylabel=t("cost_log"), title=t("cost"))
ax_out.set(xlabel=t("epoch"), ylabel=t("output"), ylim=(0, 1), title=t("title_output"))
ax_loss.legend(loc="upper right")
annotate(
    ax_out,
    t("stalls", slope=slope_at_start),
    (100, nielsen_output["MSE"][100]),
    (125, 0.45),
    textcoords="data",
)
fig.suptitle(t("nielsen"))

plt.show()
