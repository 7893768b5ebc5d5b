"""
===============================================================
PPO's clipped objective for a positive and a negative advantage
===============================================================

The clipped surrogate objective ``min(rho A, clip(rho, 1 - eps, 1 + eps) A)``
against the probability ratio ``rho``, for a positive and a negative advantage,
with ``eps = 0.2``. Where the clip is active the objective is flat: no gradient
moves the ratio further in the direction the advantage favours.
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

from lossdocs import ppo_clip_loss
from lossdocs.plotting import annotate, texts, use_style

t = texts(
    {
        "en": {
            "clipped": "clipped objective",
            "unclipped": "unclipped $\\rho A$",
            "ratio": "probability ratio $\\rho = \\pi_\\theta / \\pi_{{old}}$",
            "objective": "objective (minus the loss)",
            "positive": "A = +1: a better action",
            "negative": "A = -1: a worse action",
            "flat": "flat: gradient 0",
            "flat_region": "clip active",
            "unbounded": "no clip: a worse action\nthat grew is pushed back",
        },
        "zh_CN": {
            "clipped": "裁剪后的目标",
            "unclipped": "未裁剪的 $\\rho A$",
            "ratio": "概率比 $\\rho = \\pi_\\theta / \\pi_{{old}}$",
            "objective": "目标（损失取负）",
            "positive": "A = +1：更好的动作",
            "negative": "A = -1：更差的动作",
            "flat": "平坦：梯度为 0",
            "flat_region": "裁剪生效",
            "unbounded": "不裁剪：变得更可能的\n坏动作会被推回去",
        },
    }
)

# %%
# The objective from the loss
# ---------------------------
# ``ppo_clip_loss`` takes log-probabilities: the old policy gives the action
# probability 0.3, the new one ``0.3 * rho``. The objective is minus the loss.
use_style()

eps = 0.2
rho = np.linspace(0.02, 2.5, 500)
old_logp = np.full_like(rho, np.log(0.3))
logp = old_logp + np.log(rho)
advantages = (1.0, -1.0)
objective = {
    a: -ppo_clip_loss(logp, old_logp, np.full_like(rho, a), clip_eps=eps, reduction="none")
    for a in advantages
}
# The ranges where the clip makes the objective flat.
flat = {1.0: rho > 1 + eps, -1.0: rho < 1 - eps}

# %%
# The figure
# ----------
fig, axes = plt.subplots(1, 2, figsize=(8, 3.8), sharex=True)
for ax, a, title in zip(axes, advantages, (t("positive"), t("negative")), strict=True):
    span = (1 + eps, rho[-1]) if a > 0 else (0.0, 1 - eps)
    ax.axvspan(*span, color="0.92", zorder=0, label=t("flat_region"))
    ax.plot(rho, rho * a, color="0.55", ls="--", lw=1.5, label=t("unclipped"))
    ax.plot(rho, objective[a], label=t("clipped"))
    ax.axvline(1.0, color="0.6", lw=0.8)
    ax.set(xlabel=t("ratio"), title=title)
    ax.legend(loc="upper left" if a > 0 else "lower left", fontsize=9)
axes[0].set_ylabel(t("objective"))
annotate(axes[0], t("flat"), (1.9, 1 + eps), (0, -50))
annotate(axes[1], t("flat"), (0.4, -(1 - eps)), (10, 45))
annotate(axes[1], t("unbounded"), (2.0, -2.0), (-40, 55))

plt.show()
