"""
=========================================================
Diffusion: the SNR over time and the min-SNR loss weights
=========================================================

Left: the signal-to-noise ratio of the noisy sample over the timesteps for
DDPM's linear schedule and the cosine schedule of Nichol and Dhariwal (2021).
Right: the weight each parameterisation's loss carries relative to the x0 error
without and with min-SNR weighting (gamma = 5): epsilon prediction weights x0
errors by SNR, v prediction by SNR + 1, and min-SNR caps both at gamma.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# Two schedules
# -------------
# ``alphas_cumprod`` is the running product of ``1 - beta_t``. The linear
# schedule is DDPM's (1000 steps, beta from 1e-4 to 0.02); the cosine one sets
# ``abar(t) = cos^2((t / T + s) / (1 + s) * pi / 2)`` normalised at t = 0, s = 0.008,
# with each beta capped at 0.999 as in the paper.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import diffusion_loss, diffusion_snr
from lossdocs.plotting import annotate, texts, use_style

TEXT = {
    "en": {
        "t": "timestep $t$",
        "snr": "SNR (log scale)",
        "linear": "linear (DDPM)",
        "cosine": "cosine (improved DDPM)",
        "title": "Signal-to-noise ratio over time",
        "logsnr": r"$\log$ SNR",
        "weight": r"weight on $\|x_0 - \hat x_0\|^2$ (log scale)",
        "title_w": r"Effective weights, min-SNR $\gamma$ = 5",
        "eps": r"$\epsilon$ loss: SNR",
        "v": r"$v$ loss: SNR + 1",
        "x0": r"$x_0$ loss: 1",
        "minsnr": r"any, with min-SNR: $\min$(SNR, $\gamma$)",
        "cap": r"capped at $\gamma$ = 5",
    },
    "zh_CN": {
        "t": "时间步 $t$",
        "snr": "信噪比（对数坐标）",
        "linear": "线性调度（DDPM）",
        "cosine": "余弦调度（改进的 DDPM）",
        "title": "信噪比随时间的变化",
        "logsnr": r"$\log$ SNR",
        "weight": r"$\|x_0 - \hat x_0\|^2$ 上的权重（对数坐标）",
        "title_w": r"等效权重，min-SNR $\gamma$ = 5",
        "eps": r"$\epsilon$ 损失：SNR",
        "v": r"$v$ 损失：SNR + 1",
        "x0": r"$x_0$ 损失：1",
        "minsnr": r"任一种，用 min-SNR：$\min$(SNR, $\gamma$)",
        "cap": r"截断于 $\gamma$ = 5",
    },
}
t = texts(TEXT)
use_style()

T = 1000
steps = np.arange(T)
abar_linear = np.cumprod(1 - np.linspace(1e-4, 0.02, T))
s = 0.008
g = np.cos((np.arange(T + 1) / T + s) / (1 + s) * np.pi / 2) ** 2
betas_cosine = np.minimum(1 - g[1:] / g[:-1], 0.999)
abar_cosine = np.cumprod(1 - betas_cosine)
snr = {"linear": diffusion_snr(abar_linear), "cosine": diffusion_snr(abar_cosine)}

# %%
# The weights, measured through the loss
# --------------------------------------
# A prediction whose implied x0 is off by exactly 1 in every coordinate: the
# epsilon, x0 and v losses of that one network output are then the weights the
# three parameterisations put on the x0 error.
abar = abar_cosine
zeros = np.zeros((T, 1))
x0_hat = zeros - 1  # x0 = 0, noise = 0, so x_t = 0 and x0_hat = -1 is an error of 1
eps_hat = (0 - np.sqrt(abar)[:, None] * x0_hat) / np.sqrt(1 - abar)[:, None]
v_hat = np.sqrt(abar)[:, None] * eps_hat - np.sqrt(1 - abar)[:, None] * x0_hat
w_eps = diffusion_loss(eps_hat, zeros, zeros, abar, reduction="none")
w_x0 = diffusion_loss(x0_hat, zeros, zeros, abar, prediction="x0", reduction="none")
w_v = diffusion_loss(v_hat, zeros, zeros, abar, prediction="v", reduction="none")
w_min = diffusion_loss(v_hat, zeros, zeros, abar, prediction="v", snr_gamma=5.0,
                       reduction="none")  # fmt: skip
print(f"SNR at t = 0, 500, 999 (cosine): {snr['cosine'][[0, 500, 999]]}")

# %%
# The figure
# ----------
fig, (ax, ax_w) = plt.subplots(1, 2, figsize=(8, 4.2))
ax.plot(steps, snr["linear"], label=t("linear"))
ax.plot(steps, snr["cosine"], label=t("cosine"))
ax.set(yscale="log", xlabel=t("t"), ylabel=t("snr"), title=t("title"))
ax.legend(fontsize=9.5)

log_snr = np.log(snr["cosine"])
ax_w.plot(log_snr, w_eps, label=t("eps"))
ax_w.plot(log_snr, w_v, label=t("v"))
ax_w.plot(log_snr, w_x0, label=t("x0"))
ax_w.plot(log_snr, w_min, label=t("minsnr"), lw=2.5, ls="--")
ax_w.set(yscale="log", xlabel=t("logsnr"), ylabel=t("weight"), title=t("title_w"))
ax_w.legend(fontsize=8.5, loc="upper left")
annotate(ax_w, t("cap"), (6.0, 5.0), (-10, -60))

plt.show()
