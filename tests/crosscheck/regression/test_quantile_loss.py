"""quantile_loss against the pinball formula written in torch (PyTorch has none)."""

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt

LEVELS = [0.05, 0.1, 0.5, 0.9, 0.99]


def pinball(pred, target, quantile=0.5, reduction="mean"):
    # The form most code writes: u = target - pred, max(q u, (q - 1) u).
    u = target - pred
    loss = torch.maximum(quantile * u, (quantile - 1) * u)
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


def _data(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    pred, target = rng.normal(0, 3, (5, 6)), rng.normal(0, 3, (5, 6))
    pred[0, 0], target[0, 0] = 1e30, -1e30  # large, and finite in float32
    return pred.astype(dtype), target.astype(dtype)


@pytest.mark.parametrize("q", LEVELS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(q, reduction):
    pred, target = _data()
    assert_close(
        ld("quantile_loss")(pred, target, quantile=q, reduction=reduction),
        pinball(tt(pred), tt(target), quantile=q, reduction=reduction),
    )


@pytest.mark.parametrize("q", LEVELS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient_matches_autograd_off_the_kink(q, reduction):
    pred, target = _data(1)
    expected = autograd(pinball, pred, tt(target), quantile=q, reduction=reduction)
    assert_close(ld("quantile_loss_grad")(pred, target, quantile=q, reduction=reduction), expected)


def test_at_the_kink_torch_splits_the_tie_and_lossdocs_returns_zero():
    q = 0.2
    g = autograd(pinball, np.array([1.0]), tt([1.0]), quantile=q, reduction="sum")
    assert g[0] == pytest.approx(0.5 - q)  # torch.maximum's tie rule: half to each branch
    assert ld("quantile_loss_grad")([1.0], [1.0], quantile=q, reduction="sum")[0] == 0.0


def test_float32():
    pred, target = _data(2, np.float32)
    for reduction in REDUCTIONS:
        assert_close(
            ld("quantile_loss")(pred, target, quantile=0.9, reduction=reduction),
            pinball(tt(pred), tt(target), quantile=0.9, reduction=reduction),
            dtype=np.float32,
        )
