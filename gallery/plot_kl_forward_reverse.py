"""
========================================================
Forward vs reverse KL: fitting one Gaussian to two modes
========================================================

Fit a single Gaussian Q to a two-mode mixture P by minimising ``KL(P || Q)``
and, separately, ``KL(Q || P)``, as in Goodfellow, Bengio and Courville (Deep
Learning, Fig. 3.6). The forward KL spreads Q over both modes
(mean-seeking); the reverse KL locks Q onto one mode (mode-seeking).
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Densities on a grid
# -------------------
# Every distribution lives on the same grid of 281 points, so the KL
# divergence is the discrete sum of ``kl_divergence``. A Gaussian on the grid
# is the ``softmax`` of its log-density, which normalises it to sum to 1
# (``grid_gaussian`` from the gallery's helpers does exactly that).
# P mixes a wide mode at -2 (weight 0.6) and a narrow one at 2.5 (weight 0.4).
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import gaussian_kl, kl_divergence
from lossdocs.plotting import COLORS, annotate, grid_gaussian, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "forward": r"$\mathrm{{KL}}(P\,\|\,Q)$: mean-seeking",
            "forward_note": "covers both modes,\nmass between them",
            "reverse": r"$\mathrm{{KL}}(Q\,\|\,P)$: mode-seeking",
            "reverse_note": "locks onto\none mode",
            "p": "P (two modes)",
            "density": "density",
            "suptitle": "One Gaussian fitted to a two-mode mixture",
        },
        "zh_CN": {
            "forward": r"$\mathrm{{KL}}(P\,\|\,Q)$：均值寻求",
            "forward_note": "覆盖两个模式，\n质量落在两者之间",
            "reverse": r"$\mathrm{{KL}}(Q\,\|\,P)$：模式寻求",
            "reverse_note": "锁定\n一个模式",
            "p": "P（双峰）",
            "density": "概率密度",
            "suptitle": "用一个高斯分布拟合双峰混合分布",
        },
    }
)

x = np.linspace(-7.0, 7.0, 281)


def gaussian(mu, sigma):
    """N(mu, sigma^2) on the grid ``x``; broadcasts over the leading axes of mu and sigma."""
    return grid_gaussian(x, mu, sigma)


p = 0.6 * gaussian(-2.0, 0.7) + 0.4 * gaussian(2.5, 0.5)

# %%
# The grid is fine enough: for two single Gaussians, the discrete KL agrees
# with the closed form ``gaussian_kl`` to 1e-4.
check = (kl_divergence(gaussian(0.0, 1.0), gaussian(1.0, 1.5)), gaussian_kl(0.0, 1.0, 1.0, 1.5))
print(f"grid KL {check[0]:.6f}   closed form {check[1]:.6f}")

# %%
# Fit Q = N(mu, sigma) by grid search
# -----------------------------------
# One candidate Q per (sigma, mu) pair, compared with P in both directions.
# ``KL(P || Q)`` is ``inf`` where a narrow Q vanishes under P's mass: such a Q
# can never be the answer.
mus = np.linspace(-4.0, 4.0, 101)
sigmas = np.linspace(0.2, 4.0, 96)
q = gaussian(mus[None, :], sigmas[:, None])
p_grid = np.broadcast_to(p, q.shape)
kl_forward = kl_divergence(p_grid, q)  # KL(P || Q), shape (sigmas, mus)
kl_reverse = kl_divergence(q, p_grid)  # KL(Q || P)


def argmin2(z):
    i, j = np.unravel_index(np.argmin(z), z.shape)
    return mus[j], sigmas[i]


fit_forward, fit_reverse = argmin2(kl_forward), argmin2(kl_reverse)
p_mean = np.sum(x * p)
p_std = np.sqrt(np.sum((x - p_mean) ** 2 * p))
print(
    f"forward fit mu={fit_forward[0]:.2f} sigma={fit_forward[1]:.2f}; "
    f"P's mean {p_mean:.2f}, std {p_std:.2f}"
)
print(f"reverse fit mu={fit_reverse[0]:.2f} sigma={fit_reverse[1]:.2f}")

# %%
# The two fits
# ------------
# The forward fit matches P's mean and standard deviation (minimising
# ``KL(P || Q)`` over Gaussians is moment matching) and puts mass where P has
# none; the reverse fit sits on the heavier mode and ignores the other.
fig, axs = plt.subplots(1, 2, figsize=(8, 3.9), sharey=True)
dx = x[1] - x[0]
panels = (
    (
        t("forward"),
        fit_forward,
        "blue",
        t("forward_note"),
    ),
    (t("reverse"), fit_reverse, "vermillion", t("reverse_note")),
)
for ax, (title, (mu, sigma), color, note) in zip(axs, panels, strict=True):
    ax.fill_between(x, p / dx, color="0.75", label=t("p"))
    q_fit = gaussian(mu, sigma) / dx
    ax.plot(x, q_fit, color=COLORS[color], label=f"Q = N({mu:.2f}, {sigma:.2f}" + r"$^2$)")
    ax.set(xlabel="x", title=title, xlim=(-6, 6))
    ax.legend(loc="upper right", fontsize=9)
    peak = np.argmax(q_fit)
    annotate(ax, note, (x[peak], q_fit[peak]), (75, -5) if color == "vermillion" else (0, 70))
axs[0].set(ylabel=t("density"), ylim=(0, 0.75))
fig.suptitle(t("suptitle"))

plt.show()
