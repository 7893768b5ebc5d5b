"""
==========================================
Triplet loss: the margin and easy triplets
==========================================

Where the triplet loss is zero in the plane of the two distances, and why
most random triplets of a clustered embedding land there, while batch-hard
mining (Hermans et al. 2017) finds the triplets that still teach something.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The loss over the two distances
# -------------------------------
# ``triplet_margin_loss`` depends on a triplet only through the anchor's
# distance to the positive and to the negative. Placing the anchor at the
# origin, the positive at ``(d_ap, 0)`` and the negative at ``(0, d_an)``
# draws it over the plane of the two distances (``eps=0`` for exact
# distances). Every word drawn comes from the table ``t``, in English and
# Chinese.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import batch_hard_triplet_loss, triplet_margin_loss
from lossdocs.plotting import COLORS, annotate, texts, use_style

t = texts(
    {
        "en": {
            "plane_title": "Triplet loss over the two distances",
            "d_ap": r"anchor-positive distance $d_{{ap}}$",
            "d_an": r"anchor-negative distance $d_{{an}}$",
            "boundary": r"$d_{{an}} = d_{{ap}} + m$",
            "zero": "loss exactly 0:\nno gradient",
            "colorbar": "loss",
            "points_title": "Random triplets vs batch-hard",
            "x": "embedding dimension 1",
            "y": "embedding dimension 2",
            "easy": "random triplet, loss 0",
            "active": "random triplet, loss > 0",
            "hard": "batch-hard triplet",
            "share": "{easy:.0%} of random triplets\nare easy; {hard:.0%} of\nbatch-hard ones",
            "suptitle": "Once classes form clusters, random triplets are mostly easy",
        },
        "zh_CN": {
            "plane_title": "两个距离上的三元组损失",
            "d_ap": "锚点到正样本的距离 $d_{{ap}}$",
            "d_an": "锚点到负样本的距离 $d_{{an}}$",
            "boundary": "$d_{{an}} = d_{{ap}} + m$",
            "zero": "损失恰为 0：\n没有梯度",
            "colorbar": "损失",
            "points_title": "随机三元组与批内最难三元组",
            "x": "嵌入第 1 维",
            "y": "嵌入第 2 维",
            "easy": "随机三元组，损失为 0",
            "active": "随机三元组，损失 > 0",
            "hard": "批内最难三元组",
            "share": "随机三元组中 {easy:.0%}\n是简单的；批内最难\n三元组中只有 {hard:.0%}",
            "suptitle": "类别聚成簇之后，随机三元组大多是简单的",
        },
    }
)

use_style()
rng = np.random.default_rng(0)
margin = 1.0
d = np.linspace(0, 3, 121)
d_ap_grid, d_an_grid = np.meshgrid(d, d)
flat = d_ap_grid.size
origin = np.zeros((flat, 2))
pos = np.stack([d_ap_grid.ravel(), np.zeros(flat)], 1)
neg = np.stack([np.zeros(flat), d_an_grid.ravel()], 1)
surface = triplet_margin_loss(origin, pos, neg, margin=margin, eps=0.0, reduction="none").reshape(
    d_ap_grid.shape
)

# %%
# A clustered embedding
# ---------------------
# Eight classes of eight points, blobs of radius about 0.5 on a circle of
# radius 3 (the worked example of the triplet page). 2000 random triplets,
# then the batch-hard triplet of every anchor.
P, K = 8, 8
angle = 2 * np.pi * np.arange(P) / P
labels = np.repeat(np.arange(P), K)
x = 3 * np.stack([np.cos(angle), np.sin(angle)], 1)[labels]
x += 0.5 * rng.normal(size=x.shape)
anchor = rng.integers(0, P * K, 2000)
cls, slot = labels[anchor], anchor % K
positive = cls * K + (slot + rng.integers(1, K, 2000)) % K
negative = (cls + rng.integers(1, P, 2000)) % P * K + rng.integers(0, K, 2000)
random_loss = triplet_margin_loss(x[anchor], x[positive], x[negative], reduction="none")
hard_loss = batch_hard_triplet_loss(x, labels, reduction="none")
easy_share, hard_easy_share = np.mean(random_loss == 0), np.mean(hard_loss == 0)
dist = np.linalg.norm(x[:, None] - x[None], axis=2)
same = labels[:, None] == labels[None]
hard_pos = np.argmax(np.where(same, dist, -1), axis=1)
hard_neg = np.argmin(np.where(same, np.inf, dist), axis=1)
print(f"easy random triplets {easy_share:.1%}, easy batch-hard {hard_easy_share:.1%}")

fig, (ax_l, ax_r) = plt.subplots(1, 2, figsize=(8, 4.2))
mesh = ax_l.pcolormesh(d_ap_grid, d_an_grid, surface, shading="auto", cmap="viridis")
fig.colorbar(mesh, ax=ax_l).ax.set_title(t("colorbar"), fontsize=9)
ax_l.plot(d, d + margin, color="white", lw=2, label=t("boundary"))
ax_l.set(xlim=(0, 3), ylim=(0, 3), xlabel=t("d_ap"), ylabel=t("d_an"))
ax_l.set_title(t("plane_title"))
ax_l.legend(loc="lower right", fontsize=9)
annotate(ax_l, t("zero"), (0.6, 2.6), (10, -5))

shown = rng.choice(2000, 150, replace=False)
for i in shown:
    easy = random_loss[i] == 0
    ax_r.plot(
        *x[[anchor[i], negative[i]]].T,
        color=COLORS["skyblue"] if easy else COLORS["orange"],
        lw=0.6,
        alpha=0.5,
    )
for i in range(0, P * K, 4):
    ax_r.plot(*x[[i, hard_neg[i]]].T, color=COLORS["vermillion"], lw=1.5)
ax_r.scatter(*x.T, c=labels, cmap="tab10", s=14, zorder=3)
ax_r.plot([], [], color=COLORS["skyblue"], label=t("easy"))
ax_r.plot([], [], color=COLORS["orange"], label=t("active"))
ax_r.plot([], [], color=COLORS["vermillion"], label=t("hard"))
ax_r.set(xlabel=t("x"), ylabel=t("y"), aspect="equal")
ax_r.set_title(t("points_title"))
ax_r.legend(loc="upper right", fontsize=8)
ax_r.text(
    -1.6,
    -0.5,
    t("share", easy=easy_share, hard=hard_easy_share),
    fontsize=9,
)
fig.suptitle(t("suptitle"))

plt.show()
