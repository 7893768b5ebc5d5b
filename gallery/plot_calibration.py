"""
========================================================
Reliability diagram before and after temperature scaling
========================================================

A synthetic ten-class model whose logits are 2.5 times too large: its labels
are drawn from ``softmax(z)`` but it reports ``softmax(2.5 z)``, so it is
over-confident. ``fit_temperature`` finds T on a validation split; the
reliability diagrams of the test split show the accuracy of each of 15
confidence bins against its mean confidence before and after dividing the
logits by T, with the ECE from ``expected_calibration_error``. Accuracy is
the same in both panels: dividing by T keeps every argmax.
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

from lossdocs import cross_entropy, expected_calibration_error, fit_temperature, softmax
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "before": "Before: logits as the model gives them",
            "after": "After temperature scaling, T = {temp:.2f}",
            "x": "confidence (largest probability)",
            "y": "accuracy in the bin",
            "bars": "accuracy of each bin",
            "gap": "gap to the diagonal",
            "ideal": "perfect calibration",
            "ece": "ECE = {ece:.3f}\nNLL = {nll:.3f}\naccuracy = {acc:.3f}",
            "over": "over-confident:\naccuracy below confidence",
        },
        "zh_CN": {
            "before": "缩放前：模型给出的 logits",
            "after": "温度缩放后，T = {temp:.2f}",
            "x": "置信度（最大概率）",
            "y": "区间内的准确率",
            "bars": "各区间的准确率",
            "gap": "与对角线的差距",
            "ideal": "完美校准",
            "ece": "ECE = {ece:.3f}\nNLL = {nll:.3f}\n准确率 = {acc:.3f}",
            "over": "过度自信：\n准确率低于置信度",
        },
    }
)

# %%
# An over-confident model
# -----------------------
# True logits ``z``; labels drawn from ``softmax(z)``, so ``softmax(z)`` is
# calibrated; the model reports ``2.5 z``. Half the samples are the validation
# split that T is fitted on, the other half the test split that is shown.
rng = np.random.default_rng(0)
n, classes, sharpen = 20_000, 10, 2.5
z = rng.normal(0.0, 1.5, size=(n, classes))
target = (softmax(z, axis=1).cumsum(axis=1) < rng.random((n, 1))).sum(axis=1)
logits = sharpen * z
val, test = slice(0, n // 2), slice(n // 2, n)

temperature = fit_temperature(logits[val], target[val])
probs = {
    "before": softmax(logits[test], axis=1),
    "after": softmax(logits[test] / temperature, axis=1),
}
ece = {k: expected_calibration_error(p, target[test]) for k, p in probs.items()}
nll = {
    "before": cross_entropy(logits[test], target[test]),
    "after": cross_entropy(logits[test] / temperature, target[test]),
}
accuracy = {k: np.mean(p.argmax(axis=1) == target[test]) for k, p in probs.items()}
print(
    f"T = {temperature:.3f}; ECE {ece['before']:.3f} -> {ece['after']:.3f}; "
    f"NLL {nll['before']:.3f} -> {nll['after']:.3f}; accuracy {accuracy['after']:.3f}"
)

# %%
# The bins
# --------
# The 15 equal-width bins of ``expected_calibration_error``, ((m-1)/15, m/15]:
# each bin's accuracy and mean confidence (empty bins are left out).
n_bins = 15
edges = np.linspace(0.0, 1.0, n_bins + 1)


def bins(p):
    conf, right = p.max(axis=1), p.argmax(axis=1) == target[test]
    index = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    count = np.bincount(index, minlength=n_bins)
    full = count > 0
    acc = np.bincount(index, weights=right, minlength=n_bins)[full] / count[full]
    mean_conf = np.bincount(index, weights=conf, minlength=n_bins)[full] / count[full]
    return edges[:-1][full], acc, mean_conf, count[full]


reliability = {k: bins(p) for k, p in probs.items()}
# The ECE from the bins equals lossdocs' value: the figure shows what the function measures.
for k, (_, acc, conf, count) in reliability.items():
    assert np.isclose(np.sum(count * np.abs(acc - conf)) / count.sum(), ece[k])

# %%
# The figure
# ----------
fig, axs = plt.subplots(1, 2, figsize=(8, 4.2), sharey=True)
width = 1 / n_bins
for ax, key in zip(axs, ("before", "after"), strict=True):
    left, acc, conf, _ = reliability[key]
    ax.bar(left, acc, width, align="edge", color=COLORS["blue"], edgecolor="white", label=t("bars"))
    ax.bar(
        left,
        conf - acc,
        width,
        bottom=acc,
        align="edge",
        color=COLORS["vermillion"],
        alpha=0.35,
        edgecolor=COLORS["vermillion"],
        label=t("gap"),
    )
    ax.plot([0, 1], [0, 1], color="black", ls="--", lw=1, label=t("ideal"))
    ax.text(
        0.04,
        0.9,
        t("ece", ece=ece[key], nll=nll[key], acc=accuracy[key]),
        transform=ax.transAxes,
        va="top",
        fontsize=9,
    )
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel=t("x"))
axs[0].set(title=t("before"), ylabel=t("y"))
axs[1].set(title=t("after", temp=temperature))
axs[1].legend(loc="lower right", fontsize=8)
left, acc, conf, _ = reliability["before"]
annotate(axs[0], t("over"), (left[-1] + width / 2, acc[-1]), (-120, -60))

plt.show()
