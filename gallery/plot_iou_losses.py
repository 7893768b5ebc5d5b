"""
=============================================================
IoU, GIoU, DIoU and CIoU losses as a box slides and stretches
=============================================================

Four box-regression losses for one predicted box against a fixed target: as
the box slides past the target, as it slides inside a target that contains
it, and as it stretches about the target's centre. Each panel shows where a
loss goes flat, and so gives no gradient, and which penalty takes over there.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Three ways to move a box
# ------------------------
# Boxes are ``(x0, y0, x1, y1)``. The IoU loss is ``1 - IoU``, read from
# ``box_iou`` (its diagonal: the boxes are matched pairs); the other three are
# the library's losses with ``reduction="none"``, one value per position.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import box_iou, ciou_loss, diou_loss, giou_loss
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "slide_title": "Sliding past",
            "inside_title": "Sliding inside",
            "stretch_title": "Stretching",
            "offset": "offset of the centres",
            "inside_x": "centre x of the small box",
            "ratio": "aspect ratio w / h",
            "loss": "loss",
            "iou": "IoU loss",
            "flat_iou": "disjoint: IoU loss\nstuck at 1",
            "flat_giou": "GIoU = IoU loss:\nno pull to the centre",
            "aspect": "CIoU's aspect term αv,\nmagnified 10 times",
            "aspect_curve": "10 × (CIoU − DIoU)",
        },
        "zh_CN": {
            "slide_title": "从旁滑过",
            "inside_title": "在框内滑动",
            "stretch_title": "拉伸",
            "offset": "中心点偏移",
            "inside_x": "小框中心的 x",
            "ratio": "宽高比 w / h",
            "loss": "损失",
            "iou": "IoU 损失",
            "flat_iou": "不相交：IoU 损失\n停在 1",
            "flat_giou": "GIoU = IoU 损失：\n不把框拉向中心",
            "aspect": "CIoU 的宽高比项 αv，\n放大 10 倍",
            "aspect_curve": "10 × (CIoU − DIoU)",
        },
    }
)


def box(cx, cy, w, h):
    """Boxes (N, 4) from centres and sizes (arrays or numbers)."""
    cx, cy, w, h = np.broadcast_arrays(cx, cy, w, h)
    return np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=-1).reshape(-1, 4)


def four_losses(pred, target):
    target = np.broadcast_to(target, pred.shape)  # one fixed target, matched to each position
    return {
        "iou": 1 - np.diag(box_iou(pred, target)),
        "GIoU": giou_loss(pred, target, reduction="none"),
        "DIoU": diou_loss(pred, target, reduction="none"),
        "CIoU": ciou_loss(pred, target, reduction="none"),
    }


# Left: a 2 x 2 box slides along x past a 2 x 2 target centred at the origin,
# half a unit above it.
offset = np.linspace(0, 6, 601)
slide = four_losses(box(offset, 0.5, 2, 2), box(0, 0, 2, 2))
# Middle: a 2 x 2 box slides across a 10 x 10 target centred at (5, 5).
centre = np.linspace(1, 9, 401)
inside = four_losses(box(centre, 5, 2, 2), box(5, 5, 10, 10))
# Right: the box keeps the target's centre and area and changes its shape.
ratio = np.geomspace(1 / 4, 4, 401)
stretch = four_losses(box(0, 0, 2 * np.sqrt(ratio), 2 / np.sqrt(ratio)), box(0, 0, 2, 2))

# %%
# What the panels show
# --------------------
# Past an offset of 2 the boxes are disjoint: IoU is 0 whatever the distance,
# while GIoU and DIoU keep rising. Inside the large target GIoU's penalty is 0
# and IoU does not depend on the position, so GIoU is flat at
# ``1 - 4 / 100 = 0.96``; only DIoU's centre distance still points to the
# middle. Stretching about the centre moves no centre, so DIoU equals the IoU
# loss there (its curve is DIoU's); GIoU adds the empty corners of the
# enclosing box, and CIoU its aspect-ratio term, which grows with the
# difference of the two shapes but stays small, since its weight alpha is
# small while the IoU is low (the dotted curve shows it ten times larger).
print(f"GIoU inside: {inside['GIoU'].min():.4f} .. {inside['GIoU'].max():.4f}")
print(f"DIoU inside: {inside['DIoU'].min():.4f} .. {inside['DIoU'].max():.4f}")

STYLE = {
    "iou": {"color": COLORS["black"], "lw": 2.2, "ls": "-"},
    "GIoU": {"color": COLORS["blue"], "lw": 2, "ls": "-."},
    "DIoU": {"color": COLORS["vermillion"], "lw": 2, "ls": "-"},
    "CIoU": {"color": COLORS["green"], "lw": 2, "ls": "--"},
}
fig, axes = plt.subplots(1, 3, figsize=(8, 3.6), sharey=True)
panels = [
    (offset, slide, "offset", "slide_title"),
    (centre, inside, "inside_x", "inside_title"),
    (ratio, stretch, "ratio", "stretch_title"),
]
for ax, (x, curves, xlabel, title) in zip(axes, panels, strict=True):
    for name, y in curves.items():
        if ax is axes[2] and name == "iou":
            continue  # no centre moves: the IoU loss is DIoU's curve
        ax.plot(x, y, label=t("iou") if name == "iou" else name, **STYLE[name])
    ax.set(xlabel=t(xlabel), title=t(title), ylim=(0, 1.6))
axes[0].set_ylabel(t("loss"))
axes[2].set_xscale("log")
axes[2].minorticks_off()
axes[2].set_xticks([0.25, 0.5, 1, 2, 4], ["1/4", "1/2", "1", "2", "4"])
axes[1].legend(loc="upper center", fontsize=8.5, ncols=2)
annotate(axes[0], t("flat_iou"), (4.5, 1.0), (0, -45), fontsize=8.5)
annotate(axes[1], t("flat_giou"), (7.5, inside["GIoU"][-1]), (-20, -55), fontsize=8.5)
aspect_term = stretch["CIoU"] - stretch["DIoU"]
(magnified,) = axes[2].plot(ratio, 10 * aspect_term, color=COLORS["purple"], lw=2, ls=":")
axes[2].legend([magnified], [t("aspect_curve")], loc="upper center", fontsize=8.5)
i = np.argmin(np.abs(ratio - 2.5))
annotate(axes[2], t("aspect"), (ratio[i], 10 * aspect_term[i]), (-10, 75), fontsize=8.5)

plt.show()
