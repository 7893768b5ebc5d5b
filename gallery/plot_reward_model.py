"""
===================================================
Reward model: the Bradley-Terry loss and its margin
===================================================

The loss of a reward model on a preference pair, ``-log sigmoid(r_c - r_r - m)``,
against the reward gap ``r_c - r_r``, for margins 0, 1 and 3 (Llama 2 uses a
margin that grows with how clearly the annotator preferred the response). A
margin shifts the curve to the right: the gradient stays large until the gap
exceeds it.
"""

# SPDX-License-Identifier: MIT

# %%
# The words on the figure
# -----------------------
# Every string the figure shows, in one place, so that a translation only
# touches this dictionary.
import matplotlib.pyplot as plt
import numpy as np

from lossdocs import bradley_terry_loss, sigmoid
from lossdocs.plotting import annotate, use_style

TEXT = {
    "margin": "margin m = {m:g}",
    "gap": r"reward gap $r_c - r_r$",
    "loss": "loss",
    "loss_title": "Bradley-Terry loss",
    "weight": r"gradient weight $\sigma(r_r + m - r_c)$",
    "weight_title": "How much each pair still counts",
    "tie": "a tie costs log 2",
    "wrong": "pairs ranked the\nwrong way: weight 1",
}

# %%
# The loss and its gradient weight
# --------------------------------
# The rejected reward is 0, so the chosen reward is the gap. The derivative of
# the loss with respect to the chosen reward is ``-sigmoid(r_r + m - r_c)``:
# its magnitude is the weight a pair gets in training.
use_style()

gap = np.linspace(-6.0, 9.0, 601)
margins = (0.0, 1.0, 3.0)
loss = {m: bradley_terry_loss(gap, np.zeros_like(gap), margin=m, reduction="none") for m in margins}
weight = {m: sigmoid(m - gap) for m in margins}
tie_loss = bradley_terry_loss([0.0], [0.0])
print(f"loss at a tie: {tie_loss:.4f} (log 2 = {np.log(2):.4f})")

# %%
# The figure
# ----------
fig, (ax, ax_w) = plt.subplots(1, 2, figsize=(8, 3.8))
for m in margins:
    ax.plot(gap, loss[m], label=TEXT["margin"].format(m=m))
    ax_w.plot(gap, weight[m], label=TEXT["margin"].format(m=m))
ax.set(xlabel=TEXT["gap"], ylabel=TEXT["loss"], title=TEXT["loss_title"], ylim=(0, 6))
ax.legend(loc="upper right")
annotate(ax, TEXT["tie"], (0.0, tie_loss), (45, 35))
ax_w.set(xlabel=TEXT["gap"], ylabel=TEXT["weight"], title=TEXT["weight_title"], ylim=(0, 1.05))
ax_w.legend(loc="upper right")
annotate(ax_w, TEXT["wrong"], (-4.0, float(weight[0.0][np.searchsorted(gap, -4.0)])), (35, -50))

plt.show()
