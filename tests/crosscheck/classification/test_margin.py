"""Margin losses against torch: logistic (soft_margin_loss), hinge, exponential, 0-1.

Only ``logistic`` has a torch function, ``torch.nn.functional.soft_margin_loss``.
Hinge, exponential and 0-1 losses are written here in torch (``relu``,
``exp``, ``!=``) so that their gradients come from autograd.
"""

import numpy as np
import torch
import torch.nn.functional as F
from _xcheck import assert_close, autograd, ld, tt
from classification._xhelpers import _exponential, _scores_targets


def test_margin_losses_float32():
    scores, target = _scores_targets(7, dtype=np.float32)
    st, tg = tt(scores), tt(target)
    assert_close(ld("hinge")(scores, target), F.relu(1 - tg * st).mean(), dtype=np.float32)
    assert_close(ld("exponential")(scores, target), torch.exp(-tg * st).mean(), dtype=np.float32)
    assert_close(
        ld("exponential_grad")(scores, target),
        autograd(_exponential, scores, tg, "mean"),
        dtype=np.float32,
    )
