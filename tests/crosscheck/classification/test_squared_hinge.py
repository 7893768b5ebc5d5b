"""squared_hinge against the formula written in torch (PyTorch has no binary squared hinge)."""

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def _torch_squared_hinge(s, y, margin=1.0, reduction="mean"):
    loss = torch.relu(margin - y * s) ** 2
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


def _data(dtype=np.float64):
    rng = np.random.default_rng(0)
    return rng.normal(0, 2, (6, 5)).astype(dtype), rng.choice([-1.0, 1.0], (6, 5)).astype(dtype)


@pytest.mark.parametrize("margin", [0.0, 1.0, 2.5])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(margin, reduction):
    s, y = _data()
    assert_close(
        ld("squared_hinge")(s, y, margin=margin, reduction=reduction),
        _torch_squared_hinge(tt(s), tt(y), margin, reduction),
    )


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient(reduction):
    s, y = _data()
    expected = autograd(_torch_squared_hinge, s, tt(y), 1.5, reduction)
    assert_close(ld("squared_hinge_grad")(s, y, margin=1.5, reduction=reduction), expected)


def test_float32():
    s, y = _data(np.float32)
    assert_close(ld("squared_hinge")(s, y), _torch_squared_hinge(tt(s), tt(y)), dtype=np.float32)
