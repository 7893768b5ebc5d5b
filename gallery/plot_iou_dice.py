"""
=================================
IoU and Dice of two sliding boxes
=================================

One box slides across another. IoU and Dice both fall from 1 to 0 as the
overlap shrinks, Dice always above IoU (``Dice = 2 IoU / (1 + IoU)``), and
both are flat at 0 once the boxes stop overlapping; the generalized IoU keeps
falling, so a loss built on it still has a gradient there.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Two boxes, one sliding
# ----------------------
# Box A is ``(0, 0, 2, 2)`` in ``(x0, y0, x1, y1)`` form; box B is A moved
# right by ``dx``. ``box_iou`` and ``generalized_box_iou`` compute from the
# coordinates.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from lossdocs import box_iou, dice_coefficient, generalized_box_iou, jaccard_index
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "title_boxes": "dx = 1: half overlap",
            "pair": "(IoU, Dice) along the slide",
            "title_pairs": "Dice vs IoU",
            "equal": "Dice = IoU",
            "giou": "generalized IoU",
            "offset": "offset dx of box B",
            "score": "score",
            "title_slide": "Scores as box B slides across box A",
            "flat": "no overlap: IoU and Dice\nflat at 0, no gradient",
            "falls": "GIoU still falls",
        },
        "zh_CN": {
            "title_boxes": "dx = 1：重叠一半",
            "pair": "滑动过程中的 (IoU, Dice)",
            "title_pairs": "Dice 与 IoU",
            "equal": "Dice = IoU",
            "giou": "GIoU（广义交并比）",
            "offset": "框 B 的水平偏移 dx",
            "score": "得分",
            "title_slide": "框 B 滑过框 A 时的各项得分",
            "flat": "不重叠时 IoU 与 Dice\n恒为 0，没有梯度",
            "falls": "GIoU 仍在下降",
        },
    }
)

box_a = np.array([[0.0, 0.0, 2.0, 2.0]])
dx = np.linspace(-3.0, 3.0, 241)
boxes_b = box_a + dx[:, None] * np.array([1.0, 0.0, 1.0, 0.0])
iou = box_iou(box_a, boxes_b)[0]
giou = generalized_box_iou(box_a, boxes_b)[0]

# %%
# The same boxes as masks
# -----------------------
# Dice is defined on sets of pixels, so both boxes are drawn as masks on a
# grid of 0.025 units, the step of ``dx``, which makes the masks exact.
# ``dice_coefficient`` and ``jaccard_index`` score each mask of B against A;
# the mask IoU equals ``box_iou``, a check that the two views agree.
h = 0.025
cx = np.arange(-3.0 + h / 2, 5.0, h)
cy = np.arange(h / 2, 2.0, h)
mask_a = (cx >= 0.0) & (cx < 2.0) & (cy[:, None] >= 0.0)
masks_b = (cx >= boxes_b[:, None, None, 0]) & (cx < boxes_b[:, None, None, 2]) & (cy[:, None] >= 0)
masks_a = np.broadcast_to(mask_a, masks_b.shape)
dice = dice_coefficient(masks_b, masks_a, axis=(1, 2))
mask_iou = jaccard_index(masks_b, masks_a, axis=(1, 2))
print(f"max |mask IoU - box_iou| = {np.max(np.abs(mask_iou - iou)):.1e}")

# %%
# The figure
# ----------
# Top left: the boxes at ``dx = 1``, half-way; top right: every (IoU, Dice)
# pair of the slide lies on one curve above the diagonal; bottom: the scores
# as functions of the offset. Boxes in one row have an enclosing box equal to
# their union, so GIoU equals IoU while they overlap.
fig, axd = plt.subplot_mosaic(
    [["boxes", "pairs"], ["slide", "slide"]], figsize=(8, 6.6), height_ratios=(1.15, 1)
)
ax = axd["boxes"]
k = np.argmin(np.abs(dx - 1.0))
for box, color, name in ((box_a[0], "blue", "A"), (boxes_b[k], "vermillion", "B")):
    x0, y0, x1, y1 = box
    ax.add_patch(
        Rectangle((x0, y0), x1 - x0, y1 - y0, fc=COLORS[color], alpha=0.35, ec=COLORS[color], lw=2)
    )
    ax.text(
        (x0 + x1) / 2 + (-0.5 if name == "A" else 0.5),
        1.0,
        name,
        ha="center",
        va="center",
        fontsize=14,
        weight="bold",
    )
ax.add_patch(Rectangle((1.0, 0.0), 1.0, 2.0, fill=False, hatch="///", ec="black", lw=0))
ax.set(xlim=(-0.3, 3.3), ylim=(-0.8, 2.3), aspect="equal", title=t("title_boxes"))
ax.axis("off")
ax.text(1.5, -0.45, f"IoU = {iou[k]:.3f}    Dice = {dice[k]:.3f}", ha="center")

ax = axd["pairs"]
ax.plot([0, 1], [0, 1], color="0.6", lw=1, ls="--", label=t("equal"))
ax.plot(iou, dice, "o", ms=3.5, color=COLORS["green"], label=t("pair"))
ax.set(
    xlabel="IoU", ylabel="Dice", xlim=(0, 1), ylim=(0, 1.02), aspect="equal", title=t("title_pairs")
)
annotate(ax, r"IoU 1/3 $\leftrightarrow$ Dice " + f"{dice[k]:.2f}", (iou[k], dice[k]), (55, -35))
ax.legend(loc="lower right", fontsize=9)

ax = axd["slide"]
ax.plot(dx, giou, label=t("giou"), color=COLORS["purple"], lw=5, alpha=0.5, ls="-")
ax.plot(dx, dice, label="Dice", color=COLORS["green"])
ax.plot(dx, iou, label="IoU", color=COLORS["blue"], ls="--")
ax.axhline(0.0, color="0.4", lw=1)
ax.set(
    xlabel=t("offset"),
    ylabel=t("score"),
    xlim=(-3, 3),
    title=t("title_slide"),
)
ax.axvspan(-3, -2, color="0.9", zorder=0)
ax.axvspan(2, 3, color="0.9", zorder=0)
annotate(ax, t("flat"), (2.5, 0.0), (-10, 60))
annotate(ax, t("falls"), (-2.5, giou[np.argmin(np.abs(dx + 2.5))]), (70, -5))
ax.legend(loc="upper left")

plt.show()
