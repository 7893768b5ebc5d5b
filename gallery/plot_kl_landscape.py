"""
=========================================================
Forward and reverse KL landscapes over Q's mean and width
=========================================================

Both directions of the KL divergence between a two-mode mixture P and a
Gaussian Q, as surfaces over Q's mean and standard deviation. The forward
KL has one basin, wide and centred between the modes; the reverse KL has
one basin per mode, so where gradient descent ends depends on where it
starts.
"""

# SPDX-License-Identifier: MIT
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# P and the family of candidate Q
# -------------------------------
# The same set-up as the forward-vs-reverse example: densities on a grid of
# 281 points, each Gaussian the ``softmax`` of its log-density
# (``grid_gaussian``), and P a
# mixture of a wide mode at -2 (weight 0.6) and a narrow one at 2.5.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import kl_divergence
from lossdocs.plotting import annotate, grid_gaussian, landscape, mark_min, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "forward KL(P || Q)": r"forward KL(P $\|$ Q)",
            "reverse KL(Q || P)": r"reverse KL(Q $\|$ P)",
            "global": "global minimum",
            "local": "local minimum",
            "mu": r"mean $\mu$ of Q",
            "sigma": r"standard deviation $\sigma$ of Q",
            "one_basin": "one wide basin:\nQ spreads over both modes",
            "inf": "inf: Q too narrow\nto cover P",
            "basins": "a basin on\neach mode",
            "suptitle": r"KL between a two-mode P and a Gaussian Q = N($\mu$, $\sigma^2$)",
        },
        "zh_CN": {
            "forward KL(P || Q)": r"前向 KL(P $\|$ Q)",
            "reverse KL(Q || P)": r"反向 KL(Q $\|$ P)",
            "global": "全局最小值",
            "local": "局部最小值",
            "mu": r"Q 的均值 $\mu$",
            "sigma": r"Q 的标准差 $\sigma$",
            "one_basin": "只有一个宽阔的盆地：\nQ 铺开覆盖两个模式",
            "inf": "inf：Q 太窄，\n盖不住 P",
            "basins": "每个模式\n各有一个盆地",
            "suptitle": r"双峰分布 P 与高斯分布 Q = N($\mu$, $\sigma^2$) 之间的 KL 散度",
        },
    }
)

x = np.linspace(-7.0, 7.0, 281)


def gaussian(mu, sigma):
    """N(mu, sigma^2) on the grid ``x``; broadcasts over the leading axes of mu and sigma."""
    return grid_gaussian(x, mu, sigma)


p = 0.6 * gaussian(-2.0, 0.7) + 0.4 * gaussian(2.5, 0.5)

# %%
# Both surfaces
# -------------
# One candidate Q per (sigma, mu) pair. ``KL(P || Q)`` is ``inf`` where a narrow
# Q leaves part of P's mass with (numerically) zero density: that region is
# left blank.
mus = np.linspace(-4.0, 4.0, 101)
sigmas = np.linspace(0.2, 4.0, 96)
q = gaussian(mus[None, :], sigmas[:, None])
p_grid = np.broadcast_to(p, q.shape)
surfaces = {
    "forward KL(P || Q)": kl_divergence(p_grid, q),
    "reverse KL(Q || P)": kl_divergence(q, p_grid),
}


def local_minima(z):
    """(mu, sigma) of the grid points lower than all eight neighbours."""
    inner = z[1:-1, 1:-1]
    lower = np.ones(inner.shape, dtype=bool)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                lower &= inner < z[1 + di : z.shape[0] - 1 + di, 1 + dj : z.shape[1] - 1 + dj]
    i, j = np.nonzero(lower)
    order = np.argsort(inner[i, j])
    i, j = i[order], j[order]
    return [
        (float(mus[b + 1]), float(sigmas[a + 1]), float(inner[a, b]))
        for a, b in zip(i, j, strict=True)
    ]


minima = {name: local_minima(z) for name, z in surfaces.items()}
forward_minima, reverse_minima = minima.values()
for name, found in minima.items():
    for mu, sigma, value in found:
        print(f"{name}: local minimum {value:.3f} at mu = {mu:.2f}, sigma = {sigma:.2f}")

# %%
# The landscapes
# --------------
# Stars mark the global minimum of each surface; a circle marks the reverse
# KL's second, local minimum on the other mode. Contour levels are quantiles
# of each surface (dark is low).
fig, axs = plt.subplots(1, 2, figsize=(8, 4.2), sharey=True)
for ax, (name, z) in zip(axs, surfaces.items(), strict=True):
    landscape(ax, mus, sigmas, z, colorbar=False)
    best_mu, best_sigma, _ = minima[name][0]
    mark_min(ax, best_mu, best_sigma, label=t("global"))
    for mu, sigma, _ in minima[name][1:]:
        ax.plot(mu, sigma, "o", ms=10, mfc="white", mec="black", mew=1.5, label=t("local"))
    ax.set(xlabel=t("mu"), title=t(name))
axs[0].set_ylabel(t("sigma"))
axs[1].legend(loc="upper right", fontsize=9)
annotate(
    axs[0],
    t("one_basin"),
    forward_minima[0][:2],
    (10, 75),
)
annotate(axs[0], t("inf"), (-3.0, 0.3), (40, 40))
label_at = (0.2, 2.0)
for mu, sigma, _ in reverse_minima:
    annotate(axs[1], t("basins"), (mu, sigma), label_at, textcoords="data")
fig.suptitle(t("suptitle"))

plt.show()
