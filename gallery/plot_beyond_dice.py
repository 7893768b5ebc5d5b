"""
==============================================
Dice, Tversky and focal Tversky over FP and FN
==============================================

A target of 100 foreground pixels and a prediction that misses some of them
(false negatives) and paints some background (false positives). Each panel
colours one loss over the two counts; its contour lines show the trade the
loss accepts between the two errors.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Hard masks with given counts
# ----------------------------
# Each sample has 300 pixels, the first 100 in the target. A prediction
# covering pixels ``FN`` to ``99 + FP`` has ``100 - FN`` true positives,
# ``FN`` false negatives and ``FP`` false positives. One call of each loss
# with ``reduction="none"`` scores the whole grid of (FP, FN).
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import dice_loss, focal_tversky_loss, tversky_loss
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "dice": "Dice\n(α = β = 0.5)",
            "tversky": "Tversky\n(α = 0.3, β = 0.7)",
            "focal": "focal Tversky\n(α = 0.3, β = 0.7, γ = 0.75)",
            "fp": "false positives FP",
            "fn": "false negatives FN\n(of 100 target pixels)",
            "loss": "loss",
            "symmetric": "1 FP ≈ 1 FN",
            "steep": "1 FN ≈ 2.3 FP",
            "lifted": "small losses\nlifted",
            "point": "FP = FN = 10",
        },
        "zh_CN": {
            "dice": "Dice\n（α = β = 0.5）",
            "tversky": "Tversky\n（α = 0.3，β = 0.7）",
            "focal": "Focal Tversky\n（α = 0.3，β = 0.7，γ = 0.75）",
            "fp": "假正例 FP",
            "fn": "假负例 FN\n（目标共 100 像素）",
            "loss": "损失",
            "symmetric": "1 个 FP ≈ 1 个 FN",
            "steep": "1 个 FN ≈ 2.3 个 FP",
            "lifted": "小损失\n被抬高",
            "point": "FP = FN = 10",
        },
    }
)

counts = np.arange(0, 101, 2)
fp, fn = np.meshgrid(counts, counts)  # rows: FN, columns: FP
pixel = np.arange(300)
target = np.broadcast_to(pixel < 100, (fp.size, 300)).astype(float)
probs = ((pixel >= fn.reshape(-1, 1)) & (pixel < 100 + fp.reshape(-1, 1))).astype(float)

losses = {
    "dice": dice_loss(probs, target, reduction="none"),
    "tversky": tversky_loss(probs, target, alpha=0.3, beta=0.7, reduction="none"),
    "focal": focal_tversky_loss(probs, target, alpha=0.3, beta=0.7, gamma=0.75, reduction="none"),
}

# %%
# Three panels on one colour scale
# --------------------------------
# Contours at 0.1, 0.2, ..., 0.9. Near the origin Dice's loss is about
# ``(FP + FN) / 200``: one missed pixel costs what one extra pixel costs
# (further out a miss costs more, as it also removes a true positive).
# Tversky's is about ``(0.3 FP + 0.7 FN) / 100``, so its contours are
# flatter: one miss is worth 2.3 extra pixels. The focal Tversky's power
# 0.75 moves every contour towards the origin: a nearly right prediction
# already has a visible loss: at the marked point (10 of each error) Dice and
# Tversky give 0.1, the focal Tversky loss 0.1^0.75 = 0.18.
fig, axes = plt.subplots(1, 3, figsize=(8.0, 3.6), sharey=True)
levels = np.linspace(0.1, 0.9, 9)
for ax, key in zip(axes, losses, strict=True):
    grid = losses[key].reshape(fp.shape)
    image = ax.pcolormesh(fp, fn, grid, cmap="viridis", vmin=0, vmax=1, shading="nearest")
    lines = ax.contour(fp, fn, grid, levels=levels, colors="white", linewidths=0.8)
    ax.clabel(lines, levels[::2], fmt="%.1f", fontsize=8)
    ax.set_title(t(key), fontsize=9)
    ax.set_xlabel(t("fp"))
    ax.set_aspect("equal")
    ax.plot([10], [10], "o", color=COLORS["vermillion"], ms=5, label=t("point"))
axes[0].set_ylabel(t("fn"))
annotate(axes[0], t("symmetric"), (11, 11), (30, 50), fontsize=8)
annotate(axes[1], t("steep"), (14, 6), (30, 50), fontsize=8)
annotate(axes[2], t("lifted"), (10, 10), (30, 50), fontsize=8)
axes[2].legend(loc="upper right", fontsize=8)
colorbar = fig.colorbar(image, ax=axes, shrink=0.7)
colorbar.ax.set_title(t("loss"), fontsize=9)
plt.show()
