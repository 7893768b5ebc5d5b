"""
================================================
Next-token loss along a sentence, and perplexity
================================================

A character bigram model, fitted to a few sentences, reads a new sentence: at
each position its logits score the next character, and ``causal_lm_loss``
gives one loss per prediction. Perplexity is the exponential of their mean; a
uniform model over ``V`` symbols has perplexity ``V``.
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

from lossdocs import causal_lm_loss, perplexity
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "left_title": "Loss of each prediction",
            "left_x": "the character predicted at t + 1",
            "left_y": "loss (nats)",
            "per_token": "per-token loss",
            "mean": "mean",
            "hard": "hard to predict",
            "right_title": "Perplexity = exp(loss)",
            "right_x": "mean loss (nats)",
            "right_y": "perplexity",
            "curve": "exp(loss)",
            "uniform": "uniform over V",
            "model": "the bigram model",
            "suptitle": "A language model's loss, token by token",
        },
        "zh_CN": {
            "left_title": "每个预测的损失",
            "left_x": "在 t + 1 处预测的字符",
            "left_y": "损失（奈特）",
            "per_token": "逐词元损失",
            "mean": "平均值",
            "hard": "难以预测",
            "right_title": "困惑度 = $\\exp$(损失)",
            "right_x": "平均损失（奈特）",
            "right_y": "困惑度",
            "curve": "$\\exp$(损失)",
            "uniform": "在 V 个符号上均匀",
            "model": "二元语法模型",
            "suptitle": "逐个词元看语言模型的损失",
        },
    }
)

# %%
# A bigram model
# --------------
# The "model" is a table of next-character log-probabilities estimated from
# a short text with add-one smoothing; its logits at a position are the row
# of the current character. Logits that are log-probabilities are what the
# z-loss asks for, so this table has ``log Z = 0`` everywhere.
train = (
    "the loss of a language model is the cross entropy of the next token. "
    "the model reads the text one token at a time and predicts the next one. "
    "a lower loss means the model is less surprised by the text it reads. "
)
sentence = "the model predicts the next token of the text."
vocab = sorted(set(train + sentence))
index = {ch: i for i, ch in enumerate(vocab)}
V = len(vocab)
ids = np.array([index[ch] for ch in train])
counts = np.ones((V, V))  # add-one smoothing
np.add.at(counts, (ids[:-1], ids[1:]), 1.0)
log_table = np.log(counts / counts.sum(axis=1, keepdims=True))

labels = np.array([[index[ch] for ch in sentence]])
logits = log_table[labels]  # (1, T, V): the row of each current character
per_token = causal_lm_loss(logits, labels, reduction="none")[0]
mean_loss = causal_lm_loss(logits, labels)
ppl = perplexity(logits, labels)
print(f"V = {V}, mean loss {mean_loss:.3f} nats, perplexity {ppl:.2f}")

# %%
# Uniform models as landmarks
# ---------------------------
# All-zero logits over ``V`` symbols give every token the loss ``log V`` and
# the perplexity ``V``.
uniform_sizes = (2, 8, V)
uniform_ppl = [perplexity(np.zeros((1, 2, n)), [[0, n - 1]]) for n in uniform_sizes]
loss_axis = np.linspace(0.0, np.log(V) + 0.3, 200)

# %%
# The figure
# ----------
fig, axs = plt.subplots(1, 2, figsize=(8, 3.9), gridspec_kw={"width_ratios": [1.7, 1]})
positions = np.arange(per_token.size)
axs[0].bar(positions, per_token, color=COLORS["blue"], width=0.8, label=t("per_token"))
axs[0].axhline(mean_loss, color=COLORS["vermillion"], ls="--", label=t("mean"))
axs[0].set_xticks(positions, list(sentence[1:]), fontsize=8)
axs[0].set(title=t("left_title"), xlabel=t("left_x"), ylabel=t("left_y"))
axs[0].set_ylim(0, 1.15 * per_token.max())
axs[0].legend(loc="lower left", fontsize=9)
worst = int(np.argmax(per_token))
annotate(axs[0], t("hard"), (worst, per_token[worst]), (-70, 8))

axs[1].plot(loss_axis, np.exp(loss_axis), color=COLORS["black"], label=t("curve"))
axs[1].plot(np.log(uniform_sizes), uniform_ppl, "o", color=COLORS["green"], label=t("uniform"))
for n, p in zip(uniform_sizes, uniform_ppl, strict=True):
    axs[1].annotate(f"V = {n}", (np.log(n), p), xytext=(8, -12), textcoords="offset points")
axs[1].plot([mean_loss], [ppl], "s", color=COLORS["vermillion"], label=t("model"))
axs[1].set(title=t("right_title"), xlabel=t("right_x"), ylabel=t("right_y"))
axs[1].legend(loc="upper left", fontsize=9)
fig.suptitle(t("suptitle"))

plt.show()
