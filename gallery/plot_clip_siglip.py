"""
=====================================
CLIP vs SigLIP: what each loss pushes
=====================================

The similarity matrix of a batch of image-text pairs, and the gradient that
CLIP's softmax loss and SigLIP's sigmoid loss put on each pair's logit. CLIP
couples every pair of a row and a column through the softmax; SigLIP treats
each pair on its own.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# A batch of eight pairs
# ----------------------
# Eight images and their captions, embedded so that each caption is near its
# image, plus one "hard" caption close to the wrong image (a near-duplicate).
# Every word drawn comes from the table ``t``, in English and Chinese.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import clip_loss, siglip_loss, sigmoid, softmax
from lossdocs.plotting import annotate, texts, use_style

t = texts(
    {
        "en": {
            "sim_title": "Cosine similarity",
            "clip_title": "CLIP: push per logit",
            "siglip_title": "SigLIP: push per logit",
            "image": "image i",
            "text": "text j",
            "hard": "near-duplicate\ncaption",
            "colorbar": "up / down",
            "cos": "cos",
            "legend_pos": "positive pair (diagonal)",
            "suptitle": "Eight pairs: CLIP couples each row and column, SigLIP each pair alone",
        },
        "zh_CN": {
            "sim_title": "余弦相似度",
            "clip_title": "CLIP：每个 logit 受到的推动",
            "siglip_title": "SigLIP：每个 logit 受到的推动",
            "image": "图像 i",
            "text": "文本 j",
            "hard": "近似重复\n的描述",
            "colorbar": "上拉 / 下压",
            "cos": "余弦",
            "legend_pos": "正样本对（对角线）",
            "suptitle": "八个图文对：CLIP 耦合整行整列，SigLIP 逐对独立",
        },
    }
)

use_style()
rng = np.random.default_rng(0)
n, dim = 8, 16
image = rng.normal(size=(n, dim))
text = image + 0.6 * rng.normal(size=(n, dim))
text[5] = image[2] + 0.3 * rng.normal(size=dim)  # caption 5 looks like image 2's
unit = lambda a: a / np.linalg.norm(a, axis=1, keepdims=True)  # noqa: E731
sim = unit(image) @ unit(text).T

# %%
# The gradients on the logits
# ---------------------------
# CLIP (temperature 0.07): with ``P`` the row softmax and ``Q`` the column
# softmax of the logits, d loss / d logit = (P + Q - 2 I) / (2N). SigLIP
# (t = 10, b = -10): d loss / d logit = -label * sigmoid(-label * logit) / N,
# each pair by itself. Both losses are printed from lossdocs. The panels show
# minus the gradient: blue pulls a logit up, red pushes it down.
tau, scale, b = 0.07, 10.0, -10.0
logits_clip = sim / tau
grad_clip = (softmax(logits_clip, axis=1) + softmax(logits_clip, axis=0) - 2 * np.eye(n)) / (2 * n)
labels = 2 * np.eye(n) - 1
grad_siglip = -labels * sigmoid(-labels * (scale * sim + b)) / n
print(f"CLIP loss {clip_loss(image, text):.3f}, SigLIP loss {siglip_loss(image, text):.3f}")

fig, axes = plt.subplots(1, 3, figsize=(8, 3.4))
ax_s, ax_c, ax_g = axes
im = ax_s.imshow(sim, cmap="viridis", vmin=-1, vmax=1)
fig.colorbar(im, ax=ax_s, shrink=0.8).ax.set_title(t("cos"), fontsize=8)
ax_s.set_title(t("sim_title"), fontsize=9)
annotate(ax_s, t("hard"), (5, 2), (5, -55), fontsize=8)
lim = max(np.abs(grad_clip).max(), np.abs(grad_siglip).max())  # one colour scale for both
for ax, grad, title in ((ax_c, grad_clip, "clip_title"), (ax_g, grad_siglip, "siglip_title")):
    im = ax.imshow(-grad, cmap="RdBu", vmin=-lim, vmax=lim)
    ax.set_title(t(title), fontsize=9)
    ax.plot(np.arange(n), np.arange(n), "s", mfc="none", mec="black", ms=9, ls="none")
fig.colorbar(im, ax=ax_g, shrink=0.8).ax.set_title(t("colorbar"), fontsize=8)
ax_g.plot([], [], "s", mfc="none", mec="black", ls="none", label=t("legend_pos"))
ax_g.legend(loc="lower left", fontsize=7, bbox_to_anchor=(0, -0.42))
for ax in axes:
    ax.set(xlabel=t("text"), ylabel=t("image"), xticks=range(n), yticks=range(n))
    ax.grid(False)
    ax.tick_params(labelsize=7)
fig.suptitle(t("suptitle"), fontsize=10)

plt.show()
