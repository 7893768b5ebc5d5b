"""
====================================
ArcFace and CosFace: angular margins
====================================

The target logit of a margin-softmax as a function of the angle between an
embedding and its class centre: normalised softmax, CosFace's cosine margin
and ArcFace's angular margin (with insightface's fallback past pi - m), and
the margin each leaves between two classes, measured in angle.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The target logit, read off the loss
# -----------------------------------
# Two classes: the embedding makes angle ``theta`` with its own centre and is
# orthogonal to the other centre (logit 0). With scale 1 the loss is then
# ``log(1 + exp(-z))`` for target logit ``z``, so ``z = -log(expm1(loss))``:
# each curve is computed by ``arcface_loss`` or ``cosface_loss`` itself.
# Every word drawn comes from the table ``t``, in English and Chinese.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import arcface_loss, cosface_loss
from lossdocs.plotting import COLORS, annotate, texts, use_style

t = texts(
    {
        "en": {
            "logit_title": "Target logit vs angle (scale 1)",
            "theta": r"angle to the class centre $\theta$ (degrees)",
            "logit": "target logit",
            "softmax": r"softmax: $\cos\theta$",
            "cosface": r"CosFace: $\cos\theta - 0.35$",
            "arcface": r"ArcFace: $\cos(\theta + 0.5)$",
            "fallback": "insightface's fallback\n" + r"$\cos\theta - m\,\sin m$ past $\pi - m$",
            "gap_title": "The margin in angle",
            "theta1": r"angle to the own centre $\theta_1$ (degrees)",
            "gap": r"required extra angle $\theta_2 - \theta_1$ (degrees)",
            "constant": "ArcFace: constant\ngeodesic margin",
            "suptitle": "ArcFace shifts the curve along the angle, CosFace along the cosine",
        },
        "zh_CN": {
            "logit_title": "目标 logit 随角度的变化（缩放系数 1）",
            "theta": "到类中心的夹角 $\\theta$（度）",
            "logit": "目标 logit",
            "softmax": "softmax：$\\cos\\theta$",
            "cosface": "CosFace：$\\cos\\theta - 0.35$",
            "arcface": "ArcFace：$\\cos(\\theta + 0.5)$",
            "fallback": "insightface 的退路：\n越过 $\\pi - m$ 后取 $\\cos\\theta - m\\,\\sin m$",
            "gap_title": "按角度计的间隔",
            "theta1": "到自身类中心的夹角 $\\theta_1$（度）",
            "gap": "还需多出的角度 $\\theta_2 - \\theta_1$（度）",
            "constant": "ArcFace：恒定的\n测地间隔",
            "suptitle": "ArcFace 沿角度平移曲线，CosFace 沿余弦平移",
        },
    }
)

use_style()
M_ARC, M_COS = 0.5, 0.35
theta = np.linspace(0.0, np.pi, 721)
others = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])


def target_logit(loss, margin):
    """The target logit at each angle, recovered from the loss (scale 1, other logit 0)."""
    x = np.stack([np.cos(theta), np.sin(theta), np.zeros_like(theta)], 1)
    labels = np.zeros(len(theta), dtype=int)
    per = loss(x, others, labels, scale=1.0, margin=margin, reduction="none")
    return -np.log(np.expm1(per))


curves = {
    "softmax": target_logit(arcface_loss, 0.0),
    "cosface": target_logit(cosface_loss, M_COS),
    "arcface": target_logit(arcface_loss, M_ARC),
}

# %%
# The margin in angle
# -------------------
# A sample at ``theta_1`` from its own centre is classified with the margin
# when the other centre is farther than ``theta_2``: ArcFace needs
# ``theta_2 = theta_1 + m``, CosFace ``theta_2 = arccos(cos theta_1 - m)``.
# The gap is read off the curves above: the angle whose plain cosine equals
# the margin curve's value, minus ``theta_1``.
theta1 = np.linspace(0.0, np.pi / 2, 91)
gap_arc = np.arccos(np.interp(theta1, theta, curves["arcface"])) - theta1
gap_cos = np.arccos(np.interp(theta1, theta, curves["cosface"])) - theta1
deg = np.degrees
print("gap at 0 and 90 degrees:", deg(gap_arc[[0, -1]]).round(1), deg(gap_cos[[0, -1]]).round(1))

fig, (ax_l, ax_r) = plt.subplots(1, 2, figsize=(8, 4.2))
for key in ("softmax", "cosface", "arcface"):
    ax_l.plot(deg(theta), curves[key], label=t(key))
switch = np.pi - M_ARC
annotate(ax_l, t("fallback"), (deg(switch) + 2, -1.15), (-150, 40), fontsize=8)
ax_l.set(xlabel=t("theta"), ylabel=t("logit"), xlim=(0, 180), xticks=range(0, 181, 30))
ax_l.set_title(t("logit_title"))
ax_l.legend(loc="lower left", fontsize=8)

ax_r.plot(deg(theta1), deg(gap_arc), color=COLORS["green"], label="ArcFace, m = 0.5")
ax_r.plot(deg(theta1), deg(gap_cos), color=COLORS["orange"], ls="--", label="CosFace, m = 0.35")
annotate(ax_r, t("constant"), (60, deg(M_ARC)), (10, 40), fontsize=8)
ax_r.set(xlabel=t("theta1"), ylabel=t("gap"), xlim=(0, 90), ylim=(0, 55))
ax_r.set_title(t("gap_title"))
ax_r.legend(loc="lower left", fontsize=8)
fig.suptitle(t("suptitle"))

plt.show()
