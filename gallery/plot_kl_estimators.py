"""
=================================================
The k1, k2 and k3 estimators of the KL divergence
=================================================

Schulman's three estimators of ``KL(policy || reference)`` from samples of the
policy. Left: each as a function of the ratio ``rho = ref / policy`` at one
sample; only k1 goes negative. Middle and right: by Monte Carlo between two
unit Gaussians at distance ``mu``, the mean of each estimator over the true KL
(k2 is biased) and its standard deviation over the true KL (k1 is noisy when
the models are close).
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

from lossdocs import kl_estimate
from lossdocs.plotting import annotate, texts, use_style

t = texts(
    {
        "en": {
            "ratio": "ratio $\\rho = \\pi_{{ref}} / \\pi_\\theta$",
            "value": "value at one sample",
            "per_sample": "Per sample",
            "distance": "distance of the means $\\mu$",
            "mean": "mean / true KL",
            "bias": "Bias",
            "std": "std / true KL",
            "spread": "Spread",
            "k2_bias": "k2: $1 + \\mu^2/4$",
            "negative": "k1 < 0",
        },
        "zh_CN": {
            "ratio": "概率比 $\\rho = \\pi_{{ref}} / \\pi_\\theta$",
            "value": "单个样本上的值",
            "per_sample": "单个样本",
            "distance": "两均值之差 $\\mu$",
            "mean": "均值 / 真实 KL",
            "bias": "偏差",
            "std": "标准差 / 真实 KL",
            "spread": "离散程度",
            "k2_bias": "k2：$1 + \\mu^2/4$",
            "negative": "k1 < 0",
        },
    }
)
KINDS = ("k1", "k2", "k3")

# %%
# One sample
# ----------
# The estimators are functions of the log-ratio at a sample; the policy gives
# it probability 0.2, the reference ``0.2 * rho``.
use_style()

rho = np.linspace(0.05, 4.0, 400)
logp = np.full_like(rho, np.log(0.2))
per_sample = {k: kl_estimate(logp, logp + np.log(rho), kind=k, reduction="none") for k in KINDS}

# %%
# Monte Carlo between two Gaussians
# ---------------------------------
# The policy is N(0, 1), the reference N(mu, 1); the true KL is ``mu ** 2 / 2``.
# The same 100 000 samples of the policy serve every ``mu``.
x = np.random.default_rng(0).normal(size=100_000)
mus = np.linspace(0.1, 2.0, 20)
log_policy = -0.5 * x**2 - 0.5 * np.log(2 * np.pi)
mean_ratio = {k: np.empty_like(mus) for k in KINDS}
std_ratio = {k: np.empty_like(mus) for k in KINDS}
for i, mu in enumerate(mus):
    log_ref = -0.5 * (x - mu) ** 2 - 0.5 * np.log(2 * np.pi)
    for k in KINDS:
        est = kl_estimate(log_policy, log_ref, kind=k, reduction="none")
        mean_ratio[k][i] = est.mean() / (mu**2 / 2)
        std_ratio[k][i] = est.std() / (mu**2 / 2)
print("std / KL at mu = 0.1:", {k: round(float(std_ratio[k][0]), 2) for k in KINDS})

# %%
# The figure
# ----------
fig, (ax, ax_m, ax_s) = plt.subplots(1, 3, figsize=(8, 3.6))
for k in KINDS:
    ax.plot(rho, per_sample[k], label=k)
    ax_m.plot(mus, mean_ratio[k], label=k)
    ax_s.plot(mus, std_ratio[k], label=k)
ax.axhline(0.0, color="0.5", lw=0.8)
ax.set(xlabel=t("ratio"), ylabel=t("value"), title=t("per_sample"), ylim=(-1.5, 3))
ax.legend(loc="lower left")
annotate(ax, t("negative"), (3.0, -np.log(3.0)), (-20, 40))
ax_m.set(xlabel=t("distance"), ylabel=t("mean"), title=t("bias"), ylim=(0.7, 2.2))
ax_m.legend(loc="lower right")
annotate(ax_m, t("k2_bias"), (1.4, 1 + 1.4**2 / 4), (-30, 40))
ax_s.set(xlabel=t("distance"), ylabel=t("std"), title=t("spread"), yscale="log")
ax_s.legend(loc="upper center")

plt.show()
