"""
=============================================================
GAN generator losses and their gradients vs the discriminator
=============================================================

The generator's loss, and its derivative, as functions of the discriminator's
logit on a generated sample, for each GAN kind. Where the discriminator is sure
the sample is fake (a very negative logit), the original minimax loss is flat:
its gradient vanishes exactly when the generator most needs it. The
non-saturating loss has its steepest slope there.
"""

# SPDX-License-Identifier: MIT
# To run it without a clone, install the lossdocs wheel linked from the gallery's index:
# pip install "lossdocs-<version>-py3-none-any.whl[gallery]"
# (from a clone of the repository: pip install ".[gallery]").
# The figure's words are in English; LOSSDOCS_LANG=zh_CN draws them in Chinese.

# %%
# The losses
# ----------
# ``f`` is the discriminator's logit on ``G(z)``; ``sigmoid(f)`` is the
# probability it gives the sample of being real. Hinge and WGAN train the
# generator with the same ``-f``, so they share one curve.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import gan_generator_loss, gan_generator_loss_grad
from lossdocs.plotting import annotate, texts, use_style

TEXT = {
    "en": {
        "minimax": r"minimax: $\log(1 - \sigma(f))$",
        "non_saturating": r"non-saturating: $-\log \sigma(f)$",
        "wasserstein": r"WGAN and hinge: $-f$",
        "least_squares": r"least squares: $(f - 1)^2 / 2$",
        "logit": r"discriminator logit $f$ on a generated sample",
        "loss": "generator loss",
        "grad": r"gradient $\partial \ell / \partial f$",
        "title": "Generator losses",
        "title_grad": "Their gradients",
        "confident": "D is sure\nit is fake",
        "saturates": "minimax gradient\n" + r"$-\sigma(f) \approx$ {g:.1e}",
    },
    "zh_CN": {
        "minimax": r"minimax：$\log(1 - \sigma(f))$",
        "non_saturating": r"非饱和：$-\log \sigma(f)$",
        "wasserstein": r"WGAN 与合页损失：$-f$",
        "least_squares": r"最小二乘：$(f - 1)^2 / 2$",
        "logit": r"判别器对生成样本的 logit $f$",
        "loss": "生成器损失",
        "grad": r"梯度 $\partial \ell / \partial f$",
        "title": "生成器损失",
        "title_grad": "它们的梯度",
        "confident": "D 确信\n样本是假的",
        "saturates": "minimax 梯度\n" + r"$-\sigma(f) \approx$ {g:.1e}",
    },
}
t = texts(TEXT)
use_style()

f = np.linspace(-8.0, 8.0, 401)
kinds = ("minimax", "non_saturating", "wasserstein", "least_squares")
losses = {k: gan_generator_loss(f, kind=k, reduction="none") for k in kinds}
grads = {k: gan_generator_loss_grad(f, kind=k, reduction="sum") for k in kinds}

# %%
# The saturation, in numbers
# --------------------------
# At ``f = -6`` (``D(G(z)) = 0.0025``) the minimax gradient is about 400 times
# smaller than the non-saturating one; both point the same way.
g_mm = gan_generator_loss_grad([-6.0], kind="minimax", reduction="sum")[0]
g_ns = gan_generator_loss_grad([-6.0], reduction="sum")[0]
print(f"at f = -6: minimax {g_mm:.3e}, non-saturating {g_ns:.4f}, ratio {g_ns / g_mm:.0f}")

# %%
# The figure
# ----------
fig, (ax, ax_g) = plt.subplots(1, 2, figsize=(8, 4.2))
for k in kinds:
    ax.plot(f, losses[k], label=t(k))
    ax_g.plot(f, grads[k])
for a in (ax, ax_g):
    a.axvspan(-8, -3, color="0.92", zorder=0)
    a.axhline(0, color="0.6", lw=0.8)
ax.text(-5.5, -5.0, t("confident"), ha="center", va="center", color="0.3")
ax.set(xlim=(-8, 8), ylim=(-8, 8), xlabel=t("logit"), ylabel=t("loss"), title=t("title"))
ax.legend(loc="upper right", fontsize=8.5)
ax_g.set(xlim=(-8, 8), ylim=(-2.2, 1.5), xlabel=t("logit"), ylabel=t("grad"),
         title=t("title_grad"))  # fmt: skip
annotate(ax_g, t("saturates", g=g_mm), (-6.0, g_mm), (25, 45))

plt.show()
