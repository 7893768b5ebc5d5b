"""
================================================
DPO: loss and gradient weight against the margin
================================================

The DPO loss and its gradient weight ``sigmoid(-beta h)`` against the implicit
reward margin ``h``, for three values of ``beta``, with conservative DPO
(label smoothing 0.1). A smaller ``beta`` needs a larger margin before a pair
stops counting; with label smoothing the weight crosses 0 at a finite margin,
so the loss has a minimum.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The words on the figure
# -----------------------
# Every string the figure shows, in English and in Chinese, in one table;
# ``LOSSDOCS_LANG`` chooses the language the figure is drawn in.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import dpo_loss, sigmoid
from lossdocs.plotting import COLORS, annotate, texts, use_style

t = texts(
    {
        "en": {
            "beta": "DPO, $\\beta$ = {b:g}",
            "cdpo": "conservative DPO, $\\beta$ = 0.1, $\\varepsilon$ = 0.1",
            "margin": "implicit reward margin $h$ (nats)",
            "loss": "loss",
            "loss_title": "DPO loss",
            "weight": "gradient weight",
            "weight_title": "Gradient weight per pair",
            "stop": "conservative DPO\nstops pushing here",
        },
        "zh_CN": {
            "beta": "DPO，$\\beta$ = {b:g}",
            "cdpo": "保守 DPO，$\\beta$ = 0.1，$\\varepsilon$ = 0.1",
            "margin": "隐式奖励间隔 $h$（奈特）",
            "loss": "损失",
            "loss_title": "DPO 损失",
            "weight": "梯度权重",
            "weight_title": "每对数据的梯度权重",
            "stop": "保守 DPO\n在这里停止推动",
        },
    }
)

# %%
# Log-probabilities with a given margin
# -------------------------------------
# ``dpo_loss`` depends on its four inputs only through
# ``h = (log pi(y_c) - log ref(y_c)) - (log pi(y_r) - log ref(y_r))``. Any
# log-probabilities with that ``h`` will do: here the reference gives 0 to both
# log-ratios and the policy moves one response by ``h``.
use_style()

h = np.linspace(-30.0, 80.0, 1101)
chosen, rejected, ref = np.minimum(h, 0.0), np.minimum(-h, 0.0), np.zeros_like(h)
betas = (0.05, 0.1, 0.5)
loss = {b: dpo_loss(chosen, rejected, ref, ref, beta=b, reduction="none") for b in betas}
weight = {b: sigmoid(-b * h) for b in betas}
eps = 0.1
cdpo_loss = dpo_loss(chosen, rejected, ref, ref, beta=0.1, label_smoothing=eps, reduction="none")
cdpo_weight = sigmoid(-0.1 * h) - eps
h_stop = np.log((1 - eps) / eps) / 0.1
h_min = h[np.argmin(cdpo_loss)]
print(f"conservative DPO: minimum at h = {h_min:.2f}, log(9) / 0.1 = {h_stop:.2f}")

# %%
# The figure
# ----------
fig, (ax, ax_w) = plt.subplots(1, 2, figsize=(8, 3.9))
for b in betas:
    ax.plot(h, loss[b], label=t("beta", b=b))
    ax_w.plot(h, weight[b], label=t("beta", b=b))
ax.plot(h, cdpo_loss, color=COLORS["black"], ls=":", label=t("cdpo"))
ax_w.plot(h, cdpo_weight, color=COLORS["black"], ls=":", label=t("cdpo"))
ax.set(xlabel=t("margin"), ylabel=t("loss"), title=t("loss_title"), ylim=(0, 4))
ax.legend(loc="upper right", fontsize=8.5)
ax_w.axhline(0.0, color="0.5", lw=0.8)
ax_w.set(xlabel=t("margin"), ylabel=t("weight"), title=t("weight_title"))
annotate(ax_w, t("stop"), (h_stop, 0.0), (40, 45))

plt.show()
