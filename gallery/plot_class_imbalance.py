"""
============================================
Class imbalance: cross-entropy vs focal loss
============================================

A logistic regression trained by gradient descent on data with 50 negatives
for every positive. Under cross-entropy the many easy negatives dominate the
loss, and the rare class is found slowly; the focal loss (``gamma = 2``)
mutes the easy negatives and finds it about twice as fast. Both end at
nearly the same boundary; the class weight ``alpha = 0.25`` on the rare
class, RetinaNet's setting, slows it down further.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# An imbalanced toy problem
# -------------------------
# 40 positives, 300 hard negatives right next to them and 1700 easy
# negatives far away: 1 positive for 50 negatives, in two dimensions.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    focal_loss,
    focal_loss_grad,
    sigmoid,
)
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "cross-entropy": "cross-entropy",
            "focal, gamma = 2": r"focal, $\gamma$ = 2",
            "focal, gamma = 2, alpha = 0.25": r"focal, $\gamma$ = 2, $\alpha$ = 0.25",
            "negatives": "negatives (2000)",
            "positives": "positives (40)",
            "boundaries": "Boundaries after {n} steps",
            "step": "gradient-descent step (log scale)",
            "recall": "recall of the rare class",
            "found": "Positives found during training",
            "after": "after {n} steps: focal {focal:.0%},\ncross-entropy {ce:.0%}",
            "suptitle": "1 positive per 50 negatives: cross-entropy vs focal loss",
        },
        "zh_CN": {
            "cross-entropy": "交叉熵",
            "focal, gamma = 2": r"Focal Loss，$\gamma$ = 2",
            "focal, gamma = 2, alpha = 0.25": r"Focal Loss，$\gamma$ = 2，$\alpha$ = 0.25",
            "negatives": "负样本（2000 个）",
            "positives": "正样本（40 个）",
            "boundaries": "{n} 步后的决策边界",
            "step": "梯度下降步数（对数坐标）",
            "recall": "少数类的召回率",
            "found": "训练过程中找出的正样本",
            "after": "{n} 步后：Focal Loss {focal:.0%}，\n交叉熵 {ce:.0%}",
            "suptitle": "正负样本 1 : 50：交叉熵与 Focal Loss 对比",
        },
    }
)


rng = np.random.default_rng(0)
X = np.vstack(
    [
        rng.normal(size=(40, 2)) * 0.5 + [2.0, 0.0],  # positives
        rng.normal(size=(300, 2)) * 0.45 + [0.6, 0.0],  # hard negatives
        rng.normal(size=(1700, 2)) * 0.7 + [1.5, 4.0],  # easy negatives
    ]
)
y = np.r_[np.ones(40), np.zeros(2000)]
A = np.c_[X, np.ones(len(X))]  # a column of ones carries the bias

# %%
# Training with the loss's gradient
# ---------------------------------
# The gradient with respect to the logits comes from lossdocs; ``A.T @ g``
# turns it into the gradient in the weights and bias. Same start (all zero),
# same step (2.0), 1000 full-batch steps for each loss; after each step we
# record the recall of each class at the 0.5 threshold.
losses = {
    "cross-entropy": (binary_cross_entropy_with_logits_grad, {}),
    "focal, gamma = 2": (focal_loss_grad, {"alpha": None, "gamma": 2.0}),
    "focal, gamma = 2, alpha = 0.25": (focal_loss_grad, {"alpha": 0.25, "gamma": 2.0}),
}
n_steps, rate, snapshot = 1000, 2.0, 100
recall_pos, recall_neg, weights_at = {}, {}, {}
for name, (grad, kw) in losses.items():
    theta = np.zeros(3)
    rp, rn = [], []
    for step in range(1, n_steps + 1):
        theta -= rate * (A.T @ grad(A @ theta, y, **kw))
        predicted = A @ theta > 0
        rp.append(predicted[y == 1].mean())
        rn.append((~predicted[y == 0]).mean())
        if step in (snapshot, n_steps):
            weights_at[name, step] = theta.copy()
    recall_pos[name], recall_neg[name] = np.array(rp), np.array(rn)

# %%
# Where the loss goes
# -------------------
# At the cross-entropy model after 100 steps: the share of the total loss
# carried by easy negatives (``p_t > 0.9``), under each loss.
logits = A @ weights_at["cross-entropy", snapshot]
easy = (y == 0) & (sigmoid(-logits) > 0.9)
per_example = {
    "cross-entropy": binary_cross_entropy_with_logits(logits, y, reduction="none"),
    "focal, gamma = 2": focal_loss(logits, y, alpha=None, gamma=2.0, reduction="none"),
}
easy_share = {name: float(v[easy].sum() / v.sum()) for name, v in per_example.items()}
for name, share in easy_share.items():
    print(f"{name}: easy negatives ({easy.sum()} of {y.size}) carry {share:.1%} of the loss")

# %%
# Boundaries after 100 steps, and recall of the rare class over training
# -----------------------------------------------------------------------
# The boundary lines on the left have the colours of the curves on the right.
fig, (ax_data, ax_rec) = plt.subplots(1, 2, figsize=(8, 4.3), width_ratios=(1, 1.15))
ax_data.scatter(*X[y == 0].T, s=5, color="0.6", alpha=0.5, label=t("negatives"))
ax_data.scatter(*X[y == 1].T, s=18, color=COLORS["vermillion"], label=t("positives"), zorder=3)
grid = np.array([-1.5, 4.0])
styles = {
    "cross-entropy": ("blue", "-"),
    "focal, gamma = 2": ("green", "--"),
    "focal, gamma = 2, alpha = 0.25": ("purple", "-."),
}
for name, (color, ls) in styles.items():
    w1, w2, b = weights_at[name, snapshot]
    ax_data.plot(grid, -(w1 * grid + b) / w2, color=COLORS[color], ls=ls)
    ax_rec.plot(
        np.arange(1, n_steps + 1), recall_pos[name], color=COLORS[color], ls=ls, label=t(name)
    )
ax_data.set(
    xlim=(-1.5, 4.0),
    ylim=(-2, 6.5),
    xlabel="x1",
    ylabel="x2",
    title=t("boundaries", n=snapshot),
)
ax_data.legend(loc="upper left", fontsize=8.5, markerscale=1.5)
ax_rec.axvline(snapshot, color="0.5", lw=1, ls=":")
ax_rec.set(
    xscale="log",
    xlim=(1, n_steps),
    ylim=(0, 1),
    xticks=(1, 10, 100, 1000),
    xticklabels=("1", "10", "100", "1000"),
    xlabel=t("step"),
    ylabel=t("recall"),
    title=t("found"),
)
ax_rec.legend(loc="upper left", fontsize=9)
annotate(
    ax_rec,
    t(
        "after",
        n=snapshot,
        focal=recall_pos["focal, gamma = 2"][snapshot - 1],
        ce=recall_pos["cross-entropy"][snapshot - 1],
    ),
    (snapshot, recall_pos["focal, gamma = 2"][snapshot - 1]),
    (-75, 45),
)
fig.suptitle(t("suptitle"))

for name in losses:
    early, late = snapshot - 1, n_steps - 1
    print(
        f"{name:31s} recall (positives, negatives) after {snapshot} steps: "
        f"{recall_pos[name][early]:.2f}, {recall_neg[name][early]:.3f}; "
        f"after {n_steps}: {recall_pos[name][late]:.2f}, {recall_neg[name][late]:.3f}"
    )

plt.show()
