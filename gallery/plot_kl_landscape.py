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
from lossdocs.plotting import annotate, grid_gaussian, landscape, mark_min, use_style

use_style()

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
    mark_min(ax, best_mu, best_sigma, label="global minimum")
    for mu, sigma, _ in minima[name][1:]:
        ax.plot(mu, sigma, "o", ms=10, mfc="white", mec="black", mew=1.5, label="local minimum")
    ax.set(xlabel=r"mean $\mu$ of Q", title=name.replace("||", r"$\|$"))
axs[0].set_ylabel(r"standard deviation $\sigma$ of Q")
axs[1].legend(loc="upper right", fontsize=9)
annotate(
    axs[0],
    "one wide basin:\nQ spreads over both modes",
    forward_minima[0][:2],
    (10, 75),
)
annotate(axs[0], "inf: Q too narrow\nto cover P", (-3.0, 0.3), (40, 40))
label_at = (0.2, 2.0)
for mu, sigma, _ in reverse_minima:
    annotate(axs[1], "a basin on\neach mode", (mu, sigma), label_at, textcoords="data")
fig.suptitle(r"KL between a two-mode P and a Gaussian Q = N($\mu$, $\sigma^2$)")

plt.show()
