"""
=====================================================
Label smoothing: bounded logit gaps, lower confidence
=====================================================

A linear softmax classifier with more features than it needs (40 features,
4 classes, 200 training samples) trained by gradient descent with
``cross_entropy`` with and without ``label_smoothing=0.1``. Left: the
training samples' mean logit gap (target logit minus the mean of the
others) during training: without smoothing it keeps growing; with it, it
levels off near the optimum ``log((1 - eps + eps/K) / (eps/K))``. Right: the
reliability curves on 4000 test samples, with ``expected_calibration_error``:
the unsmoothed model is over-confident, the smoothed one much less so (here
slightly under-confident).
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

from lossdocs import cross_entropy_grad, expected_calibration_error, softmax
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "left_title": "Mean logit gap on the training set",
            "left_x": "gradient-descent step",
            "left_y": "target logit minus the others' mean",
            "right_title": "Reliability on the test set",
            "right_x": "confidence (largest probability)",
            "right_y": "accuracy in the bin",
            "hard": "one-hot targets: ECE = {ece:.3f}",
            "smooth": "label smoothing 0.1: ECE = {ece:.3f}",
            "hard_short": "one-hot targets",
            "smooth_short": "label smoothing 0.1",
            "optimum": "optimal gap under smoothing",
            "ideal": "perfect calibration",
            "grows": "keeps growing",
        },
        "zh_CN": {
            "left_title": "训练集上的平均 logit 差距",
            "left_x": "梯度下降步数",
            "left_y": "目标 logit 减去其余的均值",
            "right_title": "测试集上的可靠性",
            "right_x": "置信度（最大概率）",
            "right_y": "区间内的准确率",
            "hard": "独热目标：ECE = {ece:.3f}",
            "smooth": "标签平滑 0.1：ECE = {ece:.3f}",
            "hard_short": "独热目标",
            "smooth_short": "标签平滑 0.1",
            "optimum": "平滑下的最优差距",
            "ideal": "完美校准",
            "grows": "持续增大",
        },
    }
)

# %%
# A toy problem and its training
# ------------------------------
# Four Gaussian classes in 40 dimensions, 200 training samples: the training
# set is separable, so without smoothing the loss keeps falling by growing
# the weights. Full-batch gradient descent with ``cross_entropy_grad``.
rng = np.random.default_rng(0)
classes, dims, n_train, n_test, eps = 4, 40, 200, 4000, 0.1
means = rng.normal(0.0, 0.45, size=(classes, dims))


def sample(n):
    y = rng.integers(0, classes, n)
    return means[y] + rng.normal(size=(n, dims)), y


x_train, y_train = sample(n_train)
x_test, y_test = sample(n_test)
steps = np.arange(0, 3000, 25)


def train(smoothing):
    w, b, gaps = np.zeros((dims, classes)), np.zeros(classes), []
    for step in range(steps[-1] + 1):
        z = x_train @ w + b
        if step in steps:
            target_logit = np.take_along_axis(z, y_train[:, None], axis=1)[:, 0]
            gaps.append(np.mean(target_logit - (z.sum(axis=1) - target_logit) / (classes - 1)))
        g = cross_entropy_grad(z, y_train, label_smoothing=smoothing)
        w -= 0.5 * x_train.T @ g
        b -= 0.5 * g.sum(axis=0)
    return softmax(x_test @ w + b, axis=1), np.array(gaps)


probs, gaps = {}, {}
for key, smoothing in (("hard", 0.0), ("smooth", eps)):
    probs[key], gaps[key] = train(smoothing)
ece = {k: expected_calibration_error(p, y_test) for k, p in probs.items()}
accuracy = {k: np.mean(p.argmax(axis=1) == y_test) for k, p in probs.items()}
optimum = np.log((1 - eps + eps / classes) / (eps / classes))
print(f"ECE {ece}; accuracy {accuracy}; optimal gap {optimum:.3f}")

# %%
# Reliability curves
# ------------------
# Accuracy against mean confidence in the 15 bins of ``expected_calibration_error``
# that hold at least 20 test samples.
edges = np.linspace(0.0, 1.0, 16)


def curve(p):
    conf, right = p.max(axis=1), p.argmax(axis=1) == y_test
    index = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, 14)
    count = np.bincount(index, minlength=15)
    full = count >= 20
    acc = np.bincount(index, weights=right, minlength=15)[full] / count[full]
    return np.bincount(index, weights=conf, minlength=15)[full] / count[full], acc


reliability = {k: curve(p) for k, p in probs.items()}

# %%
# The figure
# ----------
fig, axs = plt.subplots(1, 2, figsize=(8, 4.0))
colors = {"hard": COLORS["vermillion"], "smooth": COLORS["blue"]}
for key in ("hard", "smooth"):
    axs[0].plot(steps, gaps[key], color=colors[key], label=t(f"{key}_short"))
    conf, acc = reliability[key]
    axs[1].plot(conf, acc, "o-", color=colors[key], ms=4, label=t(key, ece=ece[key]))
axs[0].axhline(optimum, color="black", ls="--", lw=1, label=t("optimum"))
axs[0].set(title=t("left_title"), xlabel=t("left_x"), ylabel=t("left_y"))
axs[0].legend(fontsize=8, loc="center right")
annotate(axs[0], t("grows"), (steps[-30], gaps["hard"][-30]), (-40, -45))
axs[1].plot([0, 1], [0, 1], color="black", ls="--", lw=1, label=t("ideal"))
axs[1].set(title=t("right_title"), xlabel=t("right_x"), ylabel=t("right_y"))
axs[1].set(xlim=(0.25, 1), ylim=(0.25, 1))
axs[1].legend(fontsize=8, loc="upper left")

plt.show()
