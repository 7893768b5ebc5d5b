"""
===============================================
Focal loss vs the probability of the true class
===============================================

The focal loss as a function of ``p_t``, the probability the model gives the
true class, for five values of the focusing parameter ``gamma``, as in Lin et
al. (2017, Fig. 1). With ``gamma = 2`` a well-classified example at
``p_t = 0.9`` costs 100 times less than under cross-entropy, so the many easy
examples stop drowning out the few hard ones.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# From p_t to a logit
# -------------------
# ``focal_loss`` takes logits, like the RetinaNet head it comes from. For the
# true class ``target = 1``, the logit whose sigmoid is ``p_t`` is
# ``log(p_t) - log(1 - p_t)``. ``alpha=None`` turns off the class weight, so
# the curves show ``gamma`` alone; ``gamma = 0`` is plain cross-entropy.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import binary_cross_entropy_with_logits, focal_loss
from lossdocs.plotting import annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "curve": r"$\gamma$ = {g:g}",
            "curve_ce": r"$\gamma$ = {g:g}  (cross-entropy)",
            "curve_retinanet": r"$\gamma$ = {g:g}  (RetinaNet)",
            "easy": "well-\nclassified\nexamples",
            "p_t": r"probability of the true class $p_t$",
            "loss": "loss",
            "title": r"Focal loss for five values of $\gamma$",
            "loss_log": "loss (log scale)",
            "title_log": "Easy examples, log scale",
            "ratio": "$p_t$ = 0.9, $\\gamma$ = 2:\n{ratio:.0f}$\\times$ smaller\nthan CE",
        },
        "zh_CN": {
            "curve": r"$\gamma$ = {g:g}",
            "curve_ce": r"$\gamma$ = {g:g}（交叉熵）",
            "curve_retinanet": r"$\gamma$ = {g:g}（RetinaNet）",
            "easy": "易分\n样本",
            "p_t": r"真实类别的概率 $p_t$",
            "loss": "损失",
            "title": r"$\gamma$ 取五个值时的 Focal Loss",
            "loss_log": "损失（对数坐标）",
            "title_log": "易分样本，对数坐标",
            "ratio": "$p_t$ = 0.9，$\\gamma$ = 2：\n约为交叉熵的 1/{ratio:.0f}",
        },
    }
)

p_t = np.linspace(0.001, 0.999, 999)
logits = np.log(p_t) - np.log1p(-p_t)
target = np.ones_like(p_t)
gammas = (0.0, 0.5, 1.0, 2.0, 5.0)
curves = {g: focal_loss(logits, target, alpha=None, gamma=g, reduction="none") for g in gammas}
cross_entropy_curve = binary_cross_entropy_with_logits(logits, target, reduction="none")

# %%
# The factor at p_t = 0.9
# -----------------------
# The modulating factor ``(1 - p_t) ** gamma`` is ``0.1 ** 2 = 0.01`` there,
# so cross-entropy over focal loss should be 100.
logit_09 = np.log(0.9) - np.log1p(-0.9)
ce_09 = binary_cross_entropy_with_logits([logit_09], [1.0])
fl_09 = focal_loss([logit_09], [1.0], alpha=None, gamma=2.0)
ratio_09 = ce_09 / fl_09
print(f"CE {ce_09:.4f}, FL(gamma=2) {fl_09:.6f}, ratio {ratio_09:.1f}")

# %%
# The figure
# ----------
# Left, as in the paper; right, the well-classified range on a log scale,
# where the factor of 100 at ``p_t = 0.9`` becomes visible.
fig, (ax, ax_log) = plt.subplots(1, 2, figsize=(8, 4.3), width_ratios=(1.35, 1))
for g in gammas:
    label = t({0.0: "curve_ce", 2.0: "curve_retinanet"}.get(g, "curve"), g=g)
    ax.plot(p_t, curves[g], label=label)
    ax_log.plot(p_t, curves[g])
ax.axvspan(0.6, 1.0, color="0.92", zorder=0)
ax.text(0.8, 2.6, t("easy"), ha="center", va="center", color="0.3")
ax.set(
    xlim=(0, 1),
    ylim=(0, 5),
    xlabel=t("p_t"),
    ylabel=t("loss"),
    title=t("title"),
)
ax.legend(loc="upper right", fontsize=9.5)

ax_log.set(
    xlim=(0.5, 1),
    ylim=(1e-6, 1),
    yscale="log",
    xlabel=r"$p_t$",
    ylabel=t("loss_log"),
    title=t("title_log"),
)
ax_log.annotate(
    "",
    (0.9, fl_09),
    (0.9, ce_09),
    arrowprops={"arrowstyle": "<->", "lw": 1.5, "color": "black", "shrinkA": 0, "shrinkB": 0},
    zorder=6,
)
annotate(ax_log, t("ratio", ratio=ratio_09), (0.9, 0.01), (-70, -45))

plt.show()
