"""
============================================
MoE load-balancing loss vs routing imbalance
============================================

Eight experts, 800 tokens. A growing share of the tokens prefers expert 0
and the rest spread evenly over the other seven. ``load_balancing_loss``
starts at its balanced value (1 for top-1 routing, 2 for top-2, as in
Hugging Face's Mixtral code) and climbs as the routing collapses.
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

from lossdocs import load_balancing_loss
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "title": "Load-balancing loss as one expert takes over",
            "x": "share of tokens whose first choice is expert 0",
            "y": "load-balancing loss",
            "top1": "top-1, confident router",
            "top1_soft": "top-1, soft router",
            "top2": "top-2, confident router",
            "balanced": "balanced: 1 (top-1), 2 (top-2)",
            "collapse": "collapse: E = 8",
        },
        "zh_CN": {
            "title": "一个专家逐渐占据主导时的负载均衡损失",
            "x": "第一选择为专家 0 的词元比例",
            "y": "负载均衡损失",
            "top1": "$\\mathrm{{top}}$-1，高置信路由器",
            "top1_soft": "$\\mathrm{{top}}$-1，软路由器",
            "top2": "$\\mathrm{{top}}$-2，高置信路由器",
            "balanced": "均衡：1（$\\mathrm{{top}}$-1），2（$\\mathrm{{top}}$-2）",
            "collapse": "坍缩：E = 8",
        },
    }
)

# %%
# Routings of growing imbalance
# -----------------------------
# ``m`` tokens choose expert 0 first; the others go round-robin to experts
# 1 to 7, so ``m = 100`` is perfectly balanced. A confident router gives the
# first choice logit 10 (probability near 1); a soft one gives it logit 1.
# For top-2 the second choice is the next expert, with logit 5.
E, N = 8, 800
shares = np.linspace(1 / E, 1.0, 36)


def routing(m):
    """The first and second choices of the N tokens when m prefer expert 0."""
    first = np.r_[np.zeros(m, dtype=int), np.arange(N - m) % (E - 1) + 1]
    return first, (first + 1) % E


curves = {"top1": [], "top1_soft": [], "top2": []}
for share in shares:
    first, second = routing(round(share * N))
    onehot1, onehot2 = np.eye(E)[first], np.eye(E)[second]
    curves["top1"].append(load_balancing_loss(10.0 * onehot1))
    curves["top1_soft"].append(load_balancing_loss(1.0 * onehot1))
    curves["top2"].append(load_balancing_loss(10.0 * onehot1 + 5.0 * onehot2, top_k=2))
curves = {name: np.array(values) for name, values in curves.items()}
print({name: (round(v[0], 4), round(v[-1], 4)) for name, v in curves.items()})

# %%
# The figure
# ----------
fig, ax = plt.subplots(figsize=(8, 4.2))
styles = {"top1": ("blue", "-"), "top1_soft": ("skyblue", "--"), "top2": ("vermillion", "-.")}
for name, (color, ls) in styles.items():
    ax.plot(shares, curves[name], color=COLORS[color], ls=ls, label=t(name))
ax.axhline(E, color="0.6", lw=0.8)
ax.set(title=t("title"), xlabel=t("x"), ylabel=t("y"), ylim=(0, E + 1))
ax.legend(loc="upper left", fontsize=9)
annotate(ax, t("balanced"), (shares[0], curves["top1"][0]), (90, -25))
annotate(ax, t("collapse"), (1.0, curves["top1"][-1]), (-90, 15))

plt.show()
