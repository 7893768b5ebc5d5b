"""
=======================================================
Asymmetric loss: positives and negatives weighted apart
=======================================================

The asymmetric loss (ASL) of Ridnik et al. (2021) and its gradient against the
predicted probability ``p`` of one label, for a positive and a negative, beside
binary cross-entropy and the focal loss. ASL leaves the positives at BCE,
mutes the easy negatives (exactly 0 below the probability margin), and pushes
the most confident negatives, the likely missing labels, less hard.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Losses and gradients on a grid of probabilities
# -----------------------------------------------
# Every lossdocs loss here takes logits: the logit of ``p`` is
# ``log(p) - log(1 - p)``. A positive has target 1, a negative target 0. The
# settings: BCE; the focal loss with ``gamma = 2`` and no ``alpha``; ASL with
# the paper's ``gamma_pos = 0, gamma_neg = 4`` without the shift (``clip = 0``)
# and with it (``clip = 0.05``). ``reduction="sum"`` on the gradient gives each
# element its own derivative.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import (
    asymmetric_loss,
    asymmetric_loss_grad,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    focal_loss,
    focal_loss_grad,
)
from lossdocs.plotting import annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "bce": "binary cross-entropy",
            "focal": r"focal loss, $\gamma$ = 2",
            "asl_noclip": r"ASL, $\gamma_-$ = 4, no shift",
            "asl": r"ASL, $\gamma_-$ = 4, $m$ = 0.05",
            "p": "predicted probability $p$ of the label",
            "loss": "loss",
            "grad": "gradient on the logit of a negative",
            "title_loss": "Loss: positives thin, negatives thick",
            "title_grad": "Gradient of a negative",
            "positives": "positives",
            "negatives": "negatives",
            "zero": "0 below\n$p = m$",
            "missing": "likely missing\nlabels: pushed less",
        },
        "zh_CN": {
            "bce": "二元交叉熵",
            "focal": r"Focal Loss，$\gamma$ = 2",
            "asl_noclip": r"非对称损失，$\gamma_-$ = 4，不偏移",
            "asl": r"非对称损失，$\gamma_-$ = 4，$m$ = 0.05",
            "p": "该标签的预测概率 $p$",
            "loss": "损失",
            "grad": "负标签 logit 上的梯度",
            "title_loss": "损失：正标签（细线）与负标签（粗线）",
            "title_grad": "负标签的梯度",
            "positives": "正标签",
            "negatives": "负标签",
            "zero": "$p \\leq m$ 时\n为 0",
            "missing": "可能漏标的标签：\n推力减小",
        },
    }
)

p = np.linspace(0.001, 0.999, 999)
logits = np.log(p) - np.log1p(-p)
ones, zeros = np.ones_like(p), np.zeros_like(p)
settings = {
    "bce": (binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_grad, {}),
    "focal": (focal_loss, focal_loss_grad, {"alpha": None, "gamma": 2.0}),
    "asl_noclip": (asymmetric_loss, asymmetric_loss_grad, {"clip": 0.0}),
    "asl": (asymmetric_loss, asymmetric_loss_grad, {}),
}
curves = {
    name: {
        "pos": loss(logits, ones, reduction="none", **kw),
        "neg": loss(logits, zeros, reduction="none", **kw),
        "grad": grad(logits, zeros, reduction="sum", **kw),
    }
    for name, (loss, grad, kw) in settings.items()
}

# %%
# Where the shifted negative's gradient peaks
# -------------------------------------------
# With ``clip = 0.05`` a negative's gradient is 0 up to ``p = 0.05``, rises,
# and falls again near ``p = 1``: the paper's argument that a negative the
# network is very sure of is often a missing label.
peak = curves["asl"]["grad"].argmax()
print(f"ASL gradient of a negative peaks at p = {p[peak]:.3f}: {curves['asl']['grad'][peak]:.3f}")
print(f"at p = 0.999 it is {curves['asl']['grad'][-1]:.3f}; BCE's is p itself")

# %%
# The figure
# ----------
# Left: the loss of a positive (thin lines, falling with ``p``) and of a
# negative (thick lines, rising with ``p``). Right: the gradient a negative
# sends to its logit.
fig, (ax, ax_grad) = plt.subplots(1, 2, figsize=(8, 4.3))
colors = dict(zip(settings, ["C0", "C1", "C2", "C3"], strict=True))
for name in settings:
    ax.plot(p, curves[name]["pos"], color=colors[name], lw=1.2)
    ax.plot(p, curves[name]["neg"], color=colors[name], lw=2.6, label=t(name))
    ax_grad.plot(p, curves[name]["grad"], color=colors[name], lw=2, label=t(name))
ax.text(0.08, 3.6, t("positives"), color="0.3")
ax.text(0.62, 3.6, t("negatives"), color="0.3")
ax.set(xlim=(0, 1), ylim=(0, 4), xlabel=t("p"), ylabel=t("loss"), title=t("title_loss"))
ax.legend(loc="upper center", fontsize=8.5, bbox_to_anchor=(0.5, 0.9))
ax_grad.set(xlim=(0, 1), ylim=(0, 1.4), xlabel=t("p"), ylabel=t("grad"), title=t("title_grad"))
annotate(ax_grad, t("zero"), (0.05, 0.0), (10, 60))
annotate(ax_grad, t("missing"), (0.98, curves["asl"]["grad"][979]), (-120, 40))
ax_grad.legend(loc="upper left", fontsize=8.5)

plt.show()
