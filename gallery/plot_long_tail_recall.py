"""
===========================================================
Long-tailed classes: per-class recall of four ways to train
===========================================================

A softmax classifier trained on five overlapping classes whose training
counts fall from 800 to 8. Plain cross-entropy is nearly blind to the rarest
class; class-balanced weights, the logit-adjusted loss and the post-hoc
adjustment of the plain model's logits all trade some recall of the head
class for much more on the tail, and reach about the same balanced accuracy.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# A long-tailed toy problem
# -------------------------
# Five unit Gaussians in two dimensions, centred on a circle of radius 1.5 so
# that neighbours overlap. The training set is long-tailed (800, 250, 80, 25
# and 8 samples, an imbalance of 100); the test set is balanced (400 per
# class), so the mean of the per-class recalls is what it measures.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedFormatter

from lossdocs import (
    class_balanced_weights,
    cross_entropy_grad,
    logit_adjusted_cross_entropy_grad,
)
from lossdocs.plotting import INK, LINE_COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "ce": "cross-entropy: mean {mean:.0%}",
            "cb": "class-balanced weights (β = 0.999): mean {mean:.0%}",
            "la": "logit-adjusted loss (τ = 1): mean {mean:.0%}",
            "posthoc": "cross-entropy, post-hoc adjusted: mean {mean:.0%}",
            "class": "class {c}\n(n = {n})",
            "data": "Where the rarest class is predicted",
            "recall": "recall on a balanced test set",
            "bars": "Per-class recall",
            "sample": "class {c} ({n})",
            "tail": "cross-entropy: {ce:.0%}\nlogit-adjusted: {la:.0%}",
            "suptitle": "Long-tailed training (800 to 8 samples per class)",
        },
        "zh_CN": {
            "ce": "交叉熵：平均 {mean:.0%}",
            "cb": "类别平衡权重（β = 0.999）：平均 {mean:.0%}",
            "la": "Logit 调整损失（τ = 1）：平均 {mean:.0%}",
            "posthoc": "交叉熵 + 事后 Logit 调整：平均 {mean:.0%}",
            "class": "类别 {c}\n（n = {n}）",
            "data": "最稀有类别的预测区域",
            "recall": "平衡测试集上的召回率",
            "bars": "各类别召回率",
            "sample": "类别 {c}（{n}）",
            "tail": "交叉熵：{ce:.0%}\nLogit 调整：{la:.0%}",
            "suptitle": "长尾训练（每类 800 到 8 个样本）",
        },
    }
)

rng = np.random.default_rng(0)
counts = np.array([800, 250, 80, 25, 8])
C = len(counts)
angles = np.pi / 2 + 2 * np.pi * np.arange(C) / C
centers = 1.5 * np.c_[np.cos(angles), np.sin(angles)]


def sample(per_class):
    X = np.vstack([rng.normal(size=(n, 2)) + centers[c] for c, n in enumerate(per_class)])
    return np.c_[X, np.ones(len(X))], np.repeat(np.arange(C), per_class)  # ones: the bias


A, y = sample(counts)
A_test, y_test = sample(np.full(C, 400))
priors = counts / counts.sum()

# %%
# Training with lossdocs' gradients
# ---------------------------------
# A linear softmax model, logits ``A @ theta``, trained by full-batch gradient
# descent from zero (200 steps of size 3). The gradient with respect to the
# logits comes from lossdocs; ``A.T @ g`` carries it to the weights. The
# post-hoc model is the plain cross-entropy model, with ``log(prior)``
# subtracted from its logits at prediction time.
weights = class_balanced_weights(counts, beta=0.999)
gradients = {
    "ce": lambda z: cross_entropy_grad(z, y),
    "cb": lambda z: cross_entropy_grad(z, y, weight=weights),
    "la": lambda z: logit_adjusted_cross_entropy_grad(z, y, priors, tau=1.0),
}
theta = {}
for name, grad in gradients.items():
    theta[name] = np.zeros((3, C))
    for _ in range(200):
        theta[name] -= 3.0 * (A.T @ grad(A @ theta[name]))


def predict(name, points):
    if name == "posthoc":
        return np.argmax(points @ theta["ce"] - np.log(priors), axis=1)
    return np.argmax(points @ theta[name], axis=1)


methods = ("ce", "cb", "la", "posthoc")
recall = {
    name: np.array([np.mean(predict(name, A_test[y_test == c]) == c) for c in range(C)])
    for name in methods
}
# The accuracy the same models would have on test data distributed like the training set.
accuracy_long_tailed = {name: float(priors @ recall[name]) for name in methods}
for name in methods:
    print(
        f"{name:8s} recall per class {np.round(recall[name], 2)}, balanced "
        f"{recall[name].mean():.3f}, long-tailed accuracy {accuracy_long_tailed[name]:.3f}"
    )
print("class-balanced weights:", np.round(weights, 3))

# %%
# The figure
# ----------
# Left: the training data, and the region where each model predicts the
# rarest class (a contour of its argmax on a grid). Right: the recall of each
# class on the balanced test set; the legend gives the mean, the balanced
# accuracy.
fig, (ax_data, ax_bar) = plt.subplots(1, 2, figsize=(8, 4.6), width_ratios=(1, 1.25))
markers = ("o", "s", "^", "D", "*")
for c in range(C):
    points = A[y == c]
    rare = c == C - 1
    ax_data.scatter(*points[:, :2].T, s=90 if rare else 6, marker=markers[c],
                    color=INK if rare else str(0.45 + 0.1 * c), alpha=1 if rare else 0.5,
                    label=t("sample", c=c, n=counts[c]), zorder=3 if rare else 1)  # fmt: skip
g1, g2 = np.meshgrid(np.linspace(-4.5, 4.5, 121), np.linspace(-4.5, 4.5, 121))
grid = np.c_[g1.ravel(), g2.ravel(), np.ones(g1.size)]
styles = dict(zip(methods, ("-", "--", "-.", ":"), strict=True))
for i, name in enumerate(methods):
    rare = (predict(name, grid) == C - 1).reshape(g1.shape).astype(float)
    if rare.any():
        ax_data.contour(g1, g2, rare, levels=[0.5], colors=[LINE_COLORS[i]],
                        linestyles=styles[name], linewidths=1.8)  # fmt: skip
ax_data.set(xlim=(-4.5, 4.5), ylim=(-4.5, 4.5), aspect="equal", xlabel="x1", ylabel="x2",
            title=t("data"))  # fmt: skip
legend = ax_data.legend(loc="upper left", fontsize=7.5, ncol=2, handletextpad=0.2,
                        columnspacing=0.6)  # fmt: skip
for handle in legend.legend_handles:
    handle.set_sizes([25])  # one marker size in the key, whatever the size on the plot

width = 0.2
for i, name in enumerate(methods):
    ax_bar.bar(np.arange(C) + (i - 1.5) * width, recall[name], width, color=LINE_COLORS[i],
               label=t(name, mean=recall[name].mean()))  # fmt: skip
# A FixedFormatter, not xticklabels= (which makes a FuncFormatter in Matplotlib 3.11):
# lossdocs.plotting.localized redraws the labels of a FixedFormatter in Chinese.
ax_bar.set_xticks(np.arange(C))
ax_bar.xaxis.set_major_formatter(
    FixedFormatter([t("class", c=c, n=n) for c, n in enumerate(counts)])
)
ax_bar.set(
    ylim=(0, 1.35),
    yticks=np.linspace(0, 1, 6),
    ylabel=t("recall"),
    title=t("bars"),
)
ax_bar.legend(loc="upper right", fontsize=7.5)
annotate(
    ax_bar,
    t("tail", ce=recall["ce"][-1], la=recall["la"][-1]),
    (C - 1 - 1.5 * width, recall["ce"][-1] + 0.02),
    (C - 1.6, 0.93),
    textcoords="data",
    fontsize=8.5,
)
fig.suptitle(t("suptitle"))
plt.show()
