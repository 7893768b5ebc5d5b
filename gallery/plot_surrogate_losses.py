"""
==========================
Surrogates of the 0-1 loss
==========================

The 0-1 loss and its convex surrogates as functions of the margin
``y f(x)``, as in Hastie, Tibshirani and Friedman (ESL, Fig. 10.4). Each
surrogate lies on or above the 0-1 step and, unlike it, has a slope that
tells the model which way to move.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The losses on the margin axis
# -----------------------------
# With the label ``y = +1`` the score is the margin itself, so every margin
# loss of lossdocs can be drawn on one axis. The 0-1 loss compares the
# predicted sign with the label; ``np.sign`` gives 0 at a margin of exactly 0,
# which matches neither label, so that margin counts as an error.
# The logistic loss is divided by ``log 2`` so that, like the others, it
# passes through (0, 1); the squared error ``(1 - m)^2`` is ESL's fifth
# curve, which also punishes margins that are *too* right.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import exponential, hinge, logistic, mse, zero_one
from lossdocs.plotting import annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "0-1 (misclassification)": "0-1 (misclassification)",
            "hinge (SVM)": "hinge (SVM)",
            "logistic / log 2 (binomial deviance)": "logistic / log 2 (binomial deviance)",
            "exponential (AdaBoost)": "exponential (AdaBoost)",
            "squared error $(1 - m)^2$": "squared error $(1 - m)^2$",
            "margin": r"margin $m = y\,f(x)$",
            "loss": "loss",
            "title": "Surrogates of the 0-1 loss on the margin axis",
            "pass": "all pass through (0, 1)\nand lie on or above the step",
            "misclassified": "misclassified",
            "correct": "correct",
        },
        "zh_CN": {
            "0-1 (misclassification)": "0-1 损失（误分类）",
            "hinge (SVM)": "合页损失（SVM）",
            "logistic / log 2 (binomial deviance)": "逻辑斯谛损失 / log 2（二项偏差）",
            "exponential (AdaBoost)": "指数损失（AdaBoost）",
            "squared error $(1 - m)^2$": "平方误差 $(1 - m)^2$",
            "margin": r"间隔 $m = y\,f(x)$",
            "loss": "损失",
            "title": "间隔轴上 0-1 损失的各种替代损失",
            "pass": "都经过 (0, 1)，\n且都不低于阶跃函数",
            "misclassified": "分错",
            "correct": "分对",
        },
    }
)

margin = np.linspace(-2.0, 2.0, 801)
y = np.ones_like(margin)
predicted_sign = np.sign(margin)
curves = {
    "0-1 (misclassification)": zero_one(predicted_sign, y, reduction="none"),
    "hinge (SVM)": hinge(margin, y, reduction="none"),
    "logistic / log 2 (binomial deviance)": logistic(margin, y, reduction="none") / np.log(2.0),
    "exponential (AdaBoost)": exponential(margin, y, reduction="none"),
    r"squared error $(1 - m)^2$": mse(margin, y, reduction="none"),
}
at_zero = {name: float(curve[margin.size // 2]) for name, curve in curves.items()}
print({name.split(" ")[0]: round(v, 6) for name, v in at_zero.items()})

# %%
# The figure
# ----------
fig, ax = plt.subplots(figsize=(8, 4.8))
for name, curve in curves.items():
    if name.startswith("0-1"):
        ax.plot(margin, curve, color="black", lw=2.8, ls="-", label=t(name), drawstyle="steps-mid")
    else:
        ax.plot(margin, curve, label=t(name))
ax.set(
    xlim=(-2, 2),
    ylim=(-0.08, 3.05),
    xlabel=t("margin"),
    ylabel=t("loss"),
    title=t("title"),
)
ax.axvline(0.0, color="0.5", lw=1)
ax.plot(0, 1, "o", ms=8, mfc="white", mec="black", mew=1.5, zorder=5)
annotate(ax, t("pass"), (0, 1), (95, 70))
annotate(ax, t("misclassified"), (-1.0, 0.0), (0, 18), arrowprops=None, bbox=None, color="0.35")
annotate(ax, t("correct"), (1.0, 0.0), (0, 18), arrowprops=None, bbox=None, color="0.35")
ax.legend(loc="upper right")

plt.show()
