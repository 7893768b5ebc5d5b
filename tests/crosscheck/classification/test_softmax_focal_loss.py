"""``softmax_focal_loss`` against its formula in torch ops."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt


def torch_softmax_focal(logits, target, alpha=None, gamma=2.0, reduction="mean"):
    """-alpha_t (1 - p_t)^gamma log p_t over the class axis 1, plain mean over samples."""
    log_pt = F.log_softmax(logits, dim=1).gather(1, target.unsqueeze(1)).squeeze(1)
    loss = -((-torch.expm1(log_pt)) ** gamma) * log_pt
    if alpha is not None:
        loss = alpha[target] * loss
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


@pytest.mark.parametrize("shape", [(8, 5), (3, 4, 2, 3)], ids=["NC", "NCdd"])
@pytest.mark.parametrize("use_alpha", [False, True])
@pytest.mark.parametrize("gamma", [0.0, 0.5, 2.0])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_softmax_focal_loss(shape, use_alpha, gamma, reduction):
    rng = np.random.default_rng(5)
    logits = rng.normal(0, 3, shape)
    target = rng.integers(0, shape[1], (shape[0], *shape[2:]))
    alpha = rng.uniform(0.1, 1.0, shape[1]) if use_alpha else None
    expected = torch_softmax_focal(
        tt(logits), tt(target), None if alpha is None else tt(alpha), gamma, reduction
    )
    got = ld("softmax_focal_loss")(logits, target, alpha=alpha, gamma=gamma, reduction=reduction)
    assert_close(got, expected)


def test_softmax_focal_loss_extreme_logits():
    logits = np.array([[1e4, 0.0, -1e4], [-1e4, 1e4, 0.0], [745.0, -745.0, 0.0], [0.0, 0.0, 0.0]])
    target = np.array([0, 0, 1, 2])
    got = ld("softmax_focal_loss")(logits, target, reduction="none")
    assert np.all(np.isfinite(got))
    assert_close(got, torch_softmax_focal(tt(logits), tt(target), reduction="none"))
