"""
=====================================================
The VAE's reconstruction-KL trade-off as beta changes
=====================================================

A linear Gaussian VAE fitted to one-dimensional data for beta from 0.1 to 10:
the larger beta, the less information the code carries (a smaller KL, the
rate) and the worse the reconstruction (the distortion). From beta equal to
the data's variance on, the KL is 0: the posterior has collapsed onto the prior.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The model and the data
# ----------------------
# Data ``x ~ N(0, 4)``; encoder ``q(z | x) = N(a x, v)``; decoder mean ``w z``
# with unit variance (``likelihood="gaussian"``). The samples are standardised
# and the noise made orthogonal to the data, so the sample averages of the
# quadratic loss equal its expectation: the grid search below finds the true
# optimum up to the grid's resolution. The latent sample is reparameterised,
# ``z = a x + sqrt(v) eps``, and ``w`` is set by least squares for each ``(a, v)``.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import vae_loss
from lossdocs.plotting import annotate, texts, use_style

TEXT = {
    "en": {
        "beta": r"$\beta$ (weight of the KL term)",
        "nats": "nats per sample",
        "kl": "KL to the prior (rate)",
        "rec": "reconstruction (distortion)",
        "collapse": "posterior collapse\n" + r"from $\beta = \mathrm{{Var}}(x)$ = {var:g}",
        "title": r"Reconstruction vs KL over $\beta$",
        "title_rd": "The rate-distortion curve",
        "beta_label": r"$\beta$ = {b:g}",
    },
    "zh_CN": {
        "beta": r"$\beta$（KL 项的权重）",
        "nats": "每个样本的奈特数",
        "kl": "到先验的 KL（码率）",
        "rec": "重建项（失真）",
        "collapse": "后验坍缩\n" + r"从 $\beta = \mathrm{{Var}}(x)$ = {var:g} 开始",
        "title": r"重建与 KL 随 $\beta$ 的变化",
        "title_rd": "率失真曲线",
        "beta_label": r"$\beta$ = {b:g}",
    },
}
t = texts(TEXT)
use_style()

rng = np.random.default_rng(0)
n, var = 400, 4.0
x, eps = rng.standard_normal((2, n))
x = (x - x.mean()) / x.std() * np.sqrt(var)
eps -= eps.mean()
eps -= (eps @ x) / (x @ x) * x  # orthogonal to x: no spurious correlation
eps /= eps.std()

a_grid = np.linspace(0.0, 0.5, 101)
logv_grid = np.linspace(-4.0, 0.5, 91)
A, LV = (g.reshape(-1, 1) for g in np.meshgrid(a_grid, logv_grid, indexing="ij"))
mu = A * x  # (grid, n)
z = mu + np.exp(LV / 2) * eps
w = (z * x).sum(axis=1, keepdims=True) / (z * z).sum(axis=1, keepdims=True)


# Both terms at every grid point, once: beta only decides which point is optimal.
args = ((w * z).reshape(-1, 1), np.broadcast_to(x, z.shape).reshape(-1, 1),
        mu.reshape(-1, 1), np.broadcast_to(LV, z.shape).reshape(-1, 1))  # fmt: skip
rec = vae_loss(*args, beta=0.0, likelihood="gaussian", reduction="none").reshape(z.shape)
full = vae_loss(*args, beta=1.0, likelihood="gaussian", reduction="none").reshape(z.shape)
rec_grid, rate_grid = rec.mean(axis=1), (full - rec).mean(axis=1)


def terms(beta):
    """Return (distortion, rate) at the loss-minimising (a, v) for this beta."""
    best = np.argmin(rec_grid + beta * rate_grid)
    return rec_grid[best], rate_grid[best]


betas = np.geomspace(0.1, 10.0, 25)
distortion, rate = np.array([terms(b) for b in betas]).T
print("beta  distortion  rate")
for b, d, r in zip(betas[::4], distortion[::4], rate[::4], strict=True):
    print(f"{b:5.2f}  {d:10.4f}  {r:.4f}")

# %%
# The figure
# ----------
# Left: the two terms of the optimal loss against beta. Right: the same points
# as a rate-distortion curve; beta is the slope's magnitude at each point.
fig, (ax, ax_rd) = plt.subplots(1, 2, figsize=(8, 4.2), width_ratios=(1.3, 1))
ax.plot(betas, rate, marker="o", ms=3.5, label=t("kl"))
ax.plot(betas, distortion, marker="s", ms=3.5, label=t("rec"))
ax.axvline(var, color="0.5", lw=1, ls="--")
ax.set(xscale="log", xlabel=t("beta"), ylabel=t("nats"), title=t("title"))
ax.legend(loc="upper left", fontsize=9.5)
annotate(ax, t("collapse", var=var), (var, 0.0), (-20, 80))

ax_rd.plot(distortion, rate, marker="o", ms=3.5, color="0.2")
for b, offset in ((0.1, (8, -6)), (1.0, (8, 6)), (4.0, (-10, 10))):
    i = int(np.argmin(np.abs(betas - b)))
    ax_rd.annotate(t("beta_label", b=b), (distortion[i], rate[i]), offset,
                   textcoords="offset points", fontsize=9.5)  # fmt: skip
ax_rd.set(xlabel=t("rec"), ylabel=t("kl"), title=t("title_rd"))

plt.show()
