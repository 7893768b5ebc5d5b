"""
=======================================
InfoNCE: temperature and hard negatives
=======================================

How the InfoNCE gradient is shared among 256 negatives as the temperature
changes (Wang and Liu, CVPR 2021). A low temperature puts almost all of the
gradient on the few negatives most similar to the query; a high one spreads
it evenly over all of them.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Similarities as coordinates
# ---------------------------
# One query, one positive key and 256 negative keys. To read the gradient
# per negative, each key is a unit vector along its own axis and
# ``normalize=False``: then the query's coordinates *are* its similarities to
# the keys, and the gradient of ``info_nce`` with respect to the query,
# coordinate by coordinate, is the gradient with respect to each similarity.
# The negatives' similarities are drawn around 0; a handful are hard
# (similar to the query), as in a real batch.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import info_nce, info_nce_grad, softmax
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "uniform": "uniform 1/256",
            "similarity": "similarity of the negative to the query",
            "share": "share of the negatives' gradient",
            "title_w": "Gradient weight per negative",
            "hardest": "low $\\tau$: the hardest\nnegatives take it all",
            "uniform_5": "uniform: 5 %",
            "moco": "MoCo, $\\tau$ = 0.07:\n{share:.0%} on the hardest 5 %",
            "temperature": r"temperature $\tau$ (log scale)",
            "title_s": "Share of the hardest 5 %",
            "suptitle": "InfoNCE, 256 negatives: the temperature decides who gets the gradient",
        },
        "zh_CN": {
            "uniform": "均匀分配：1/256",
            "similarity": "负样本与查询的相似度",
            "share": "在负样本总梯度中的占比",
            "title_w": "每个负样本分到的梯度权重",
            "hardest": "$\\tau$ 很小时，梯度几乎\n全给了最难的负样本",
            "uniform_5": "均匀分配：5%",
            "moco": "MoCo，$\\tau$ = 0.07：\n最难的 5% 分到 {share:.0%}",
            "temperature": r"温度 $\tau$（对数坐标）",
            "title_s": "最难的 5% 负样本所占份额",
            "suptitle": "InfoNCE，256 个负样本：温度决定梯度分给谁",
        },
    }
)
rng = np.random.default_rng(0)

n_neg = 256
sim_pos = 0.8
sim_neg = np.sort(np.clip(rng.normal(0.0, 0.25, size=n_neg), -0.95, 0.95))[::-1]
keys = np.eye(n_neg + 1)
query = np.concatenate([[sim_pos], sim_neg])[None, :]
positive_key, negative_keys = keys[:1], keys[1:]
n_hard = n_neg // 20  # the hardest 5 %


def negative_gradient(temperature):
    """d loss / d similarity for each negative, from info_nce_grad (sorted hardest first)."""
    grad = info_nce_grad(
        query,
        positive_key,
        negative_keys,
        temperature=temperature,
        normalize=False,
        reduction="sum",
    )
    return grad[0, 1:]


# %%
# The weight on each negative
# ---------------------------
# The gradient on negative ``j`` is ``p_j / tau``, where ``p`` is the softmax
# of the similarities over temperature: the same softmax that the
# cross-entropy form of InfoNCE applies. Here each negative's weight is its
# share of the negatives' total gradient, for five temperatures (MoCo uses
# 0.07).
temperatures = (0.05, 0.07, 0.2, 0.5, 1.0)
shares = {}
for tau in temperatures:
    g = negative_gradient(tau)
    shares[tau] = g / g.sum()
weights = {tau: softmax(query[0] / tau)[1:] for tau in temperatures}

# %%
# The hardest 5 % against the temperature
# ---------------------------------------
taus = np.geomspace(0.02, 2.0, 60)
hard_share = np.array([(lambda g: g[:n_hard].sum() / g.sum())(negative_gradient(t)) for t in taus])
loss_at = {
    tau: float(info_nce(query, positive_key, negative_keys, temperature=tau, normalize=False))
    for tau in temperatures
}
print({tau: round(float(s[:n_hard].sum()), 3) for tau, s in shares.items()})

fig, (ax_w, ax_s) = plt.subplots(1, 2, figsize=(8, 4.2))
for tau in temperatures:
    ax_w.plot(sim_neg, shares[tau], label=rf"$\tau$ = {tau:g}")
ax_w.axhline(1 / n_neg, color="0.4", lw=1, ls=":")
ax_w.text(-0.75, 1.4 / n_neg, t("uniform"), color="0.3", fontsize=9)
ax_w.set(
    yscale="log",
    ylim=(1e-7, 1.5),
    xlabel=t("similarity"),
    ylabel=t("share"),
    title=t("title_w"),
)
ax_w.legend(loc="lower right", fontsize=9)
hardest = (sim_neg[0], shares[0.05][0])
annotate(ax_w, t("hardest"), hardest, (-75, -10))

ax_s.plot(taus, hard_share, color=COLORS["blue"])
ax_s.axhline(n_hard / n_neg, color="0.4", lw=1, ls=":")
ax_s.text(0.025, n_hard / n_neg + 0.03, t("uniform_5"), color="0.3", fontsize=9)
tau_moco = 0.07
share_moco = np.interp(tau_moco, taus, hard_share)
ax_s.plot(tau_moco, share_moco, "o", color=COLORS["vermillion"], ms=8, mec="white", zorder=5)
moco_text = t("moco", share=share_moco)
annotate(ax_s, moco_text, (tau_moco, share_moco), (75, -45))
ax_s.set(
    xscale="log",
    xticks=(0.02, 0.05, 0.1, 0.2, 0.5, 1, 2),
    xticklabels=("0.02", "0.05", "0.1", "0.2", "0.5", "1", "2"),
    ylim=(0, 1.02),
    xlabel=t("temperature"),
    ylabel=t("share"),
    title=t("title_s"),
)
fig.suptitle(t("suptitle"))

plt.show()
