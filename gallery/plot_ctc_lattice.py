"""
=========================================
The CTC lattice and its forward variables
=========================================

Every alignment of the target ``cat`` to ten frames is a walk on a lattice
whose rows are the extended target (a blank before, between and after the
labels) and whose columns are the frames. The forward variable of a cell sums
the probabilities of all walks that reach it; the loss reads the last column.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# A model's frame distributions
# -----------------------------
# Classes: the blank (0), ``a`` (1), ``c`` (2) and ``t`` (3). The frame-wise
# log-probabilities are the ``log_softmax`` of random logits nudged towards a
# plausible reading of the word, so that some walks are much likelier than
# others.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import ctc_loss, log_softmax
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "title": r"Forward variables of the target 'cat' over ten frames",
            "frame": "frame t",
            "position": "extended target y′ (position s)",
            "move": "allowed move",
            "skip": "skip between different labels",
            "end": "end cells: p(y | x) is their sum",
            "loss": "loss = {loss:.3f}",
            "unreachable": "white: no valid prefix",
        },
        "zh_CN": {
            "title": r"目标“cat”在十帧上的前向变量",
            "frame": "帧 t",
            "position": "扩展目标 y′（位置 s）",
            "move": "允许的转移",
            "skip": "不同标签之间的跳转",
            "end": "终止格：p(y | x) 为两者之和",
            "loss": "损失 = {loss:.3f}",
            "unreachable": "白色：没有合法前缀",
        },
    }
)

rng = np.random.default_rng(0)
SYMBOLS = ["∅", "a", "c", "t"]  # class 0 is the blank
blank, target = 0, [2, 1, 3]  # c a t
reading = [2, 2, 0, 1, 1, 1, 0, 0, 3, 0]  # the frame labels the logits lean towards
logits = rng.normal(0.0, 1.0, (10, 4))
logits[np.arange(10), reading] += 2.5
log_probs = log_softmax(logits, axis=-1)  # (T, C)

# %%
# The forward recursion, one cell at a time
# -----------------------------------------
# This is the recursion of the page written cell by cell, for reading;
# ``ctc_loss`` runs the same recursion vectorised over the positions. A
# position can be entered from itself, from the one below, or by a skip from
# two below when it holds a label different from the label two below.
extended = [blank]
for label in target:
    extended += [label, blank]
n_frames, width = len(log_probs), len(extended)
log_alpha = np.full((n_frames, width), -np.inf)
log_alpha[0, :2] = log_probs[0, extended[:2]]


def sources(s):
    """The positions a walk can come from to enter position ``s``."""
    skip = s >= 2 and extended[s] != blank and extended[s] != extended[s - 2]
    return [s, s - 1, s - 2][: 3 if skip else 2] if s else [0]


for frame in range(1, n_frames):
    for s in range(width):
        log_alpha[frame, s] = np.logaddexp.reduce(log_alpha[frame - 1, sources(s)])
        log_alpha[frame, s] += log_probs[frame, extended[s]]

loss = -np.logaddexp(log_alpha[-1, -1], log_alpha[-1, -2])
library = ctc_loss(log_probs[:, None], [target], [n_frames], [len(target)], reduction="none")[0]
print(f"from the lattice {loss:.6f}   ctc_loss {library:.6f}")

# %%
# Draw the lattice
# ----------------
# Colour is the log of the forward variable; a cell no valid prefix reaches
# is white. Arrows are the moves a walk may make between reachable cells.
fig, ax = plt.subplots(figsize=(8.0, 5.4))
shown = np.ma.masked_invalid(log_alpha.T)
image = ax.imshow(shown, origin="lower", aspect="auto", cmap="viridis")
ax.grid(False)
bar = fig.colorbar(image, ax=ax)
bar.ax.set_title(r"$\log \alpha_t(s)$", fontsize=9)
for frame in range(1, n_frames):
    for s in range(width):
        for src in sources(s)[1:]:
            if np.isfinite(log_alpha[frame - 1, src]) and np.isfinite(log_alpha[frame, s]):
                is_skip = src == s - 2
                ax.annotate(
                    "",
                    xy=(frame - 0.2, s - 0.08 * (s - src)),
                    xytext=(frame - 0.8, src + 0.08 * (s - src)),
                    arrowprops={
                        "arrowstyle": "->",
                        "color": COLORS["vermillion"] if is_skip else "0.85",
                        "lw": 1.0,
                    },
                )
ax.plot([], [], color="0.85", label=t("move"))
ax.plot([], [], color=COLORS["vermillion"], label=t("skip"))
ax.scatter(
    [n_frames - 1] * 2,
    [width - 1, width - 2],
    s=160,
    facecolors="none",
    edgecolors="white",
    linewidths=2,
    label=t("end"),
)
ax.set_yticks(range(width), [SYMBOLS[k] for k in extended])
ax.set_xticks(range(n_frames), [str(i + 1) for i in range(n_frames)])
ax.set_xlabel(t("frame"))
ax.set_ylabel(t("position"))
ax.set_title(t("title"))
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, fontsize=8)
annotate(ax, t("loss", loss=loss), (n_frames - 1, width - 1.5), (-120, -70))
annotate(ax, t("unreachable"), (1.2, width - 1.5), (0, 0), arrowprops=None)
plt.show()
