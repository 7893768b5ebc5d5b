"""
===============================================
PPO's clipped objective for A > 0 and for A < 0
===============================================

The clipped surrogate objective ``min(rho A, clip(rho, 1 - eps, 1 + eps) A)``
against the probability ratio ``rho``, for a positive and a negative advantage,
with ``eps = 0.2``. Where the clip is active the objective is flat: no gradient
moves the ratio further in the direction the advantage favours.
"""

# SPDX-License-Identifier: MIT

# %%
# The words on the figure
# -----------------------
# Every string the figure shows, in one place, so that a translation only
# touches this dictionary.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import ppo_clip_loss
from lossdocs.plotting import annotate, use_style

TEXT = {
    "clipped": "clipped objective",
    "unclipped": r"unclipped $\rho A$",
    "ratio": r"probability ratio $\rho = \pi_\theta / \pi_{old}$",
    "objective": "objective (minus the loss)",
    "positive": "A = +1: a better action",
    "negative": "A = -1: a worse action",
    "flat": "flat: gradient 0",
    "flat_region": "clip active",
    "unbounded": "no clip: a worse action\nthat grew is pushed back",
}

# %%
# The objective from the loss
# ---------------------------
# ``ppo_clip_loss`` takes log-probabilities: the old policy gives the action
# probability 0.3, the new one ``0.3 * rho``. The objective is minus the loss.
use_style()

eps = 0.2
rho = np.linspace(0.02, 2.5, 500)
old_logp = np.full_like(rho, np.log(0.3))
logp = old_logp + np.log(rho)
advantages = (1.0, -1.0)
objective = {
    a: -ppo_clip_loss(logp, old_logp, np.full_like(rho, a), clip_eps=eps, reduction="none")
    for a in advantages
}
# The ranges where the clip makes the objective flat.
flat = {1.0: rho > 1 + eps, -1.0: rho < 1 - eps}

# %%
# The figure
# ----------
fig, axes = plt.subplots(1, 2, figsize=(8, 3.8), sharex=True)
for ax, a, title in zip(axes, advantages, (TEXT["positive"], TEXT["negative"]), strict=True):
    span = (1 + eps, rho[-1]) if a > 0 else (0.0, 1 - eps)
    ax.axvspan(*span, color="0.92", zorder=0, label=TEXT["flat_region"])
    ax.plot(rho, rho * a, color="0.55", ls="--", lw=1.5, label=TEXT["unclipped"])
    ax.plot(rho, objective[a], label=TEXT["clipped"])
    ax.axvline(1.0, color="0.6", lw=0.8)
    ax.set(xlabel=TEXT["ratio"], title=title)
    ax.legend(loc="upper left" if a > 0 else "lower left", fontsize=9)
axes[0].set_ylabel(TEXT["objective"])
annotate(axes[0], TEXT["flat"], (1.9, 1 + eps), (0, -50))
annotate(axes[1], TEXT["flat"], (0.4, -(1 - eps)), (10, 45))
annotate(axes[1], TEXT["unbounded"], (2.0, -2.0), (-40, 55))

plt.show()
