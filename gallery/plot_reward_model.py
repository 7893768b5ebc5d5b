"""
===================================================
Reward model: the Bradley-Terry loss and its margin
===================================================

The loss of a reward model on a preference pair, ``-log sigmoid(r_c - r_r - m)``,
against the reward gap ``r_c - r_r``, for margins 0, 1 and 3 (Llama 2 uses a
margin that grows with how clearly the annotator preferred the response). A
margin shifts the curve to the right: the gradient stays large until the gap
exceeds it.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The words on the figure
# -----------------------
# Every string the figure shows, in English and in Chinese, in one table;
# ``LOSSDOCS_LANG`` chooses the language the figure is drawn in.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import bradley_terry_loss, sigmoid
from lossdocs.plotting import annotate, texts, use_style

t = texts(
    {
        "en": {
            "margin": "margin m = {m:g}",
            "gap": "reward gap $r_c - r_r$",
            "loss": "loss",
            "loss_title": "Bradley-Terry loss",
            "weight": "gradient weight $\\sigma(r_r + m - r_c)$",
            "weight_title": "How much each pair still counts",
            "tie": "a tie costs log 2",
            "wrong": "pairs ranked the\nwrong way: weight 1",
        },
        "zh_CN": {
            "margin": "间隔 m = {m:g}",
            "gap": "奖励差距 $r_c - r_r$",
            "loss": "损失",
            "loss_title": "Bradley-Terry 损失",
            "weight": "梯度权重 $\\sigma(r_r + m - r_c)$",
            "weight_title": "每对数据还剩多少权重",
            "tie": "打平的代价是 log 2",
            "wrong": "排反的数据对：\n权重为 1",
        },
    }
)

# %%
# The loss and its gradient weight
# --------------------------------
# The rejected reward is 0, so the chosen reward is the gap. The derivative of
# the loss with respect to the chosen reward is ``-sigmoid(r_r + m - r_c)``:
# its magnitude is the weight a pair gets in training.
use_style()

gap = np.linspace(-6.0, 9.0, 601)
margins = (0.0, 1.0, 3.0)
loss = {m: bradley_terry_loss(gap, np.zeros_like(gap), margin=m, reduction="none") for m in margins}
weight = {m: sigmoid(m - gap) for m in margins}
tie_loss = bradley_terry_loss([0.0], [0.0])
print(f"loss at a tie: {tie_loss:.4f} (log 2 = {np.log(2):.4f})")

# %%
# The figure
# ----------
fig, (ax, ax_w) = plt.subplots(1, 2, figsize=(8, 3.8))
for m in margins:
    ax.plot(gap, loss[m], label=t("margin", m=m))
    ax_w.plot(gap, weight[m], label=t("margin", m=m))
ax.set(xlabel=t("gap"), ylabel=t("loss"), title=t("loss_title"), ylim=(0, 6))
ax.legend(loc="upper right")
annotate(ax, t("tie"), (0.0, tie_loss), (45, 35))
ax_w.set(xlabel=t("gap"), ylabel=t("weight"), title=t("weight_title"), ylim=(0, 1.05))
ax_w.legend(loc="upper right")
annotate(ax_w, t("wrong"), (-4.0, float(weight[0.0][np.searchsorted(gap, -4.0)])), (35, -50))

plt.show()
