"""
===============================================
Pinball losses and a heteroscedastic regression
===============================================

The pinball loss tilts the absolute error so that under- and over-prediction
cost q and 1 - q: its minimiser is the q-quantile. A model that predicts a
mean and a variance, trained with the Gaussian negative log-likelihood,
learns noise that grows with the input; two pinball fits draw the same band
without assuming a Gaussian.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The pinball loss for three quantiles
# ------------------------------------
# With the residual ``u = target - pred``, the loss is ``q u`` for
# under-prediction (u > 0) and ``(q - 1) u`` for over-prediction. At q = 0.9
# predicting too low costs nine times as much as predicting too high, so the
# best prediction sits high, at the 90th percentile.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import gaussian_nll, gaussian_nll_grad, quantile_loss, quantile_loss_grad
from lossdocs.plotting import COLORS, annotate, texts, use_style

use_style()
t = texts(
    {
        "en": {
            "pinball_title": "Pinball loss: under-prediction costs q, over-prediction 1 − q",
            "u": "residual u = target − prediction",
            "loss": "loss",
            "q": "q = {q}",
            "slope": "slope q = 0.9",
            "kink": "kink at u = 0",
            "fit_title": "One model, two ways to a 90% band",
            "x": "input x",
            "y": "target y",
            "data": "data (noise grows with x)",
            "mean": "Gaussian NLL: mean",
            "band": "Gaussian NLL: mean ± 1.645 σ",
            "pinball_fit": "pinball fits, q = 0.05 and 0.95",
            "true_band": "true 5% and 95% quantiles",
            "wide": "the learned σ grows where the noise does",
        },
        "zh_CN": {
            "pinball_title": "弹球损失：低估的代价为 q，高估的代价为 1 − q",
            "u": "残差 u = 目标 − 预测",
            "loss": "损失",
            "q": "q = {q}",
            "slope": "斜率 q = 0.9",
            "kink": "u = 0 处不可导",
            "fit_title": "同一个模型，两种方法得到 90% 区间",
            "x": "输入 x",
            "y": "目标 y",
            "data": "数据（噪声随 x 增大）",
            "mean": "高斯负对数似然：均值",
            "band": "高斯负对数似然：均值 ± 1.645 σ",
            "pinball_fit": "弹球损失拟合，q = 0.05 与 0.95",
            "true_band": "真实的 5% 与 95% 分位数",
            "wide": "学到的 σ 随噪声一起增大",
        },
    }
)
LEVELS = (0.1, 0.5, 0.9)
u = np.linspace(-2.0, 2.0, 401)
pinball = {q: quantile_loss(np.zeros_like(u), u, quantile=q, reduction="none") for q in LEVELS}

fig, ax = plt.subplots(figsize=(8, 4.2))
for q, color in zip(LEVELS, ("blue", "vermillion", "green"), strict=True):
    ax.plot(u, pinball[q], color=COLORS[color], label=t("q", q=q))
ax.set(xlabel=t("u"), ylabel=t("loss"), title=t("pinball_title"), ylim=(0, 1.9))
ax.legend(loc="upper center")
annotate(ax, t("slope"), (1.5, 1.35), (-150, 10))
annotate(ax, t("kink"), (0.0, 0.0), (60, 50))

# %%
# Data whose noise grows with the input
# -------------------------------------
# A sine curve plus Gaussian noise whose standard deviation grows from 0.05
# to 0.5. Nine Gaussian bumps of x are the features of two linear models: one
# for the mean, one for the log-variance (a log keeps the variance positive).
rng = np.random.default_rng(0)
n = 240
x = np.sort(rng.uniform(0.0, 1.0, n))
sigma_true = 0.05 + 0.45 * x**2
y = np.sin(2 * np.pi * x) + sigma_true * rng.normal(0.0, 1.0, n)
centers = np.linspace(0.0, 1.0, 9)


def features(points):
    return np.exp(-((points[:, None] - centers) ** 2) / (2 * 0.12**2))


phi = features(x)


def adam(grad, size, steps, lr):
    """Minimise with Adam from 0, ``grad(params)`` the gradient of the loss."""
    params, m, s = np.zeros(size), np.zeros(size), np.zeros(size)
    for step in range(1, steps + 1):
        g = grad(params)
        m = 0.9 * m + 0.1 * g
        s = 0.999 * s + 0.001 * g * g
        rate = lr / np.sqrt(1 + step / 100)  # a decaying step settles the kinked pinball fits
        params = params - rate * (m / (1 - 0.9**step)) / (np.sqrt(s / (1 - 0.999**step)) + 1e-8)
    return params


# %%
# Fit the mean and the variance with the Gaussian NLL
# ---------------------------------------------------
# ``gaussian_nll_grad`` is the gradient with respect to the mean,
# ``(mean - y) / var`` (over n for the mean reduction). With the log-variance
# ``s``, the chain rule gives ``d loss / d s = (1 - (mean - y)^2 / var) / 2n``,
# which is ``1 / 2n - (mean - y) * grad / 2``: the same array, reused.
def nll_grad(params):
    w, v = params[:9], params[9:]
    mean, var = phi @ w, np.exp(phi @ v)
    g_mean = gaussian_nll_grad(mean, y, var)
    g_log_var = 0.5 / n - 0.5 * (mean - y) * g_mean
    return np.concatenate([phi.T @ g_mean, phi.T @ g_log_var])


fitted = adam(nll_grad, 18, steps=800, lr=0.05)
mean_fit, var_fit = phi @ fitted[:9], np.exp(phi @ fitted[9:])
sigma_fit = np.sqrt(var_fit)
nll = gaussian_nll(mean_fit, y, var_fit, full=True)
print(f"Gaussian NLL per point {nll:.3f}")

# %%
# Fit two quantiles with the pinball loss
# ---------------------------------------
# The same features, one linear model per quantile, no variance and no
# Gaussian assumption; about 5% of the points should fall below the first
# curve and 95% below the second.
quantile_fits = {}
for q in (0.05, 0.95):
    params = adam(lambda p, q=q: phi.T @ quantile_loss_grad(phi @ p, y, quantile=q), 9,
                  steps=1000, lr=0.08)  # fmt: skip
    quantile_fits[q] = phi @ params
    print(f"q = {q}: {np.mean(y < quantile_fits[q]):.3f} of the points lie below the fit")

# %%
# The two bands
# -------------
# The Gaussian band is mean ± 1.645 σ, the 5% and 95% quantiles of the fitted
# normal; the pinball curves estimate the same quantiles directly.
fig, ax = plt.subplots(figsize=(8, 4.8))
ax.scatter(x, y, s=10, color=COLORS["black"], alpha=0.45, label=t("data"))
ax.plot(x, mean_fit, color=COLORS["blue"], label=t("mean"))
ax.fill_between(x, mean_fit - 1.645 * sigma_fit, mean_fit + 1.645 * sigma_fit,
                color=COLORS["skyblue"], alpha=0.35, label=t("band"))  # fmt: skip
for q in (0.05, 0.95):
    label = t("pinball_fit") if q == 0.05 else None
    ax.plot(x, quantile_fits[q], color=COLORS["vermillion"], ls="--", label=label)
truth = np.sin(2 * np.pi * x)
ax.plot(x, truth - 1.645 * sigma_true, color=COLORS["black"], lw=1, ls=":", label=t("true_band"))
ax.plot(x, truth + 1.645 * sigma_true, color=COLORS["black"], lw=1, ls=":")
ax.set(xlabel=t("x"), ylabel=t("y"), title=t("fit_title"))
ax.legend(loc="lower left", fontsize=9)
annotate(ax, t("wide"), (0.9, mean_fit[-25] + 1.645 * sigma_fit[-25]), (-170, 25))

plt.show()
