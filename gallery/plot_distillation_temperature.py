"""
=======================================================
Distillation: softened targets and the T-squared factor
=======================================================

Left: a teacher's output distribution softened by the temperature ``T``.
Right: the size of the soft loss's gradient with respect to the student's
logits as ``T`` grows, computed from ``distillation_loss`` by finite
differences: without the ``T**2`` factor it falls as ``1 / T**2``; with it,
it levels off (Hinton, Vinyals and Dean, 2015).
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Text of the figure
# ------------------
# Every string the figure shows, in English and in Chinese, in one table.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import distillation_loss, softmax
from lossdocs.plotting import COLORS, LINE_COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "left_title": "The teacher's distribution at temperature T",
            "left_x": "class",
            "left_y": "probability",
            "right_title": "Gradient size of the soft loss",
            "right_x": "temperature T",
            "right_y": "norm of the gradient",
            "with": r"with $T^2$ (the usual loss)",
            "without": r"without $T^2$",
            "slope": r"falls as $1/T^2$",
            "level": "levels off",
        },
        "zh_CN": {
            "left_title": "温度 T 下教师的分布",
            "left_x": "类别",
            "left_y": "概率",
            "right_title": "软损失的梯度大小",
            "right_x": "温度 T",
            "right_y": "梯度的范数",
            "with": "带 $T^2$（通常的损失）",
            "without": "不带 $T^2$",
            "slope": "按 $1/T^2$ 下降",
            "level": "趋于平稳",
        },
    }
)

# %%
# Softened distributions
# ----------------------
# ``softmax(v / T)`` for a teacher that is sure of class 0 and finds class 1
# somewhat plausible.
teacher = np.array([[6.0, 3.0, 2.0, 0.5, 0.0, -1.0]])
student = np.array([[2.0, 2.5, 0.0, 1.0, -0.5, 0.0]])
temperatures_shown = (1.0, 2.0, 5.0, 20.0)
softened = {temp: softmax(teacher / temp)[0] for temp in temperatures_shown}

# %%
# Gradients by finite differences
# -------------------------------
# The gradient of ``distillation_loss`` (which includes ``T**2``) with
# respect to each student logit, by central differences; dividing it by
# ``T**2`` gives the gradient of the plain KL.
temperatures = np.geomspace(1.0, 100.0, 41)
h = 1e-5
bumps = h * np.eye(teacher.shape[1])


def grad(temp):
    up = distillation_loss(
        student + bumps, np.repeat(teacher, 6, 0), temperature=temp, reduction="none"
    )
    down = distillation_loss(
        student - bumps, np.repeat(teacher, 6, 0), temperature=temp, reduction="none"
    )
    return (up - down) / (2 * h)


grad_with = np.array([np.linalg.norm(grad(temp)) for temp in temperatures])
grad_without = grad_with / temperatures**2
limit = np.linalg.norm(((student - student.mean()) - (teacher - teacher.mean())) / 6)
print(f"with T^2 at T = 100: {grad_with[-1]:.4f}; the high-T limit {limit:.4f}")

# %%
# The figure
# ----------
fig, axs = plt.subplots(1, 2, figsize=(8, 3.9))
classes = np.arange(teacher.shape[1])
width = 0.2
for i, temp in enumerate(temperatures_shown):
    axs[0].bar(
        classes + (i - 1.5) * width,
        softened[temp],
        width,
        color=LINE_COLORS[i],
        label=f"T = {temp:g}",
    )
axs[0].set(title=t("left_title"), xlabel=t("left_x"), ylabel=t("left_y"))
axs[0].legend(fontsize=9)
axs[1].loglog(temperatures, grad_with, color=COLORS["blue"], label=t("with"))
axs[1].loglog(temperatures, grad_without, color=COLORS["vermillion"], ls="--", label=t("without"))
axs[1].set(title=t("right_title"), xlabel=t("right_x"), ylabel=t("right_y"))
axs[1].legend(loc="lower left", fontsize=9)
annotate(axs[1], t("slope"), (temperatures[25], grad_without[25]), (-10, -40))
annotate(axs[1], t("level"), (temperatures[-5], grad_with[-5]), (-40, -35))

plt.show()
