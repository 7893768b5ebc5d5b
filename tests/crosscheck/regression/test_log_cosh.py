"""log_cosh against Keras' LogCosh formula written in torch (PyTorch has none)."""

import math

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def keras_log_cosh(pred, target, reduction="mean"):
    # keras.losses.log_cosh: x + softplus(-2x) - log 2, averaged over the last axis and
    # then over the batch ("sum_over_batch_size"). torch's F.softplus switches to x above
    # 20 (an error of e^-20), so softplus is written as logaddexp(0, .) here.
    x = pred - target
    loss = x + torch.logaddexp(torch.zeros_like(x), -2 * x) - math.log(2)
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.mean(dim=-1).mean()  # Keras' order; equal to the plain mean for equal rows


def _data(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    pred, target = rng.normal(0, 3, (5, 6)), rng.normal(0, 3, (5, 6))
    pred[0, :4] = [1000.0, -1000.0, 50.0, 1.0]  # where cosh overflows, and the branch edge
    target[0, :4] = 0.0
    return pred.astype(dtype), target.astype(dtype)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(reduction):
    pred, target = _data()
    assert_close(
        ld("log_cosh")(pred, target, reduction=reduction),
        keras_log_cosh(tt(pred), tt(target), reduction=reduction),
        rtol=1e-12,
        atol=1e-15,
    )


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient_matches_autograd(reduction):
    pred, target = _data(1)
    expected = autograd(keras_log_cosh, pred, tt(target), reduction=reduction)
    assert_close(ld("log_cosh_grad")(pred, target, reduction=reduction), expected, rtol=1e-12)


def test_float32():
    pred, target = _data(2, np.float32)
    for reduction in REDUCTIONS:
        assert_close(
            ld("log_cosh")(pred, target, reduction=reduction),
            keras_log_cosh(tt(pred), tt(target), reduction=reduction),
            dtype=np.float32,
        )


def test_the_naive_formula_overflows_where_both_stay_finite():
    x = tt([800.0])
    assert torch.isinf(torch.log(torch.cosh(x))).all()
    assert np.isfinite(ld("log_cosh")([800.0], [0.0]))
    assert torch.isfinite(keras_log_cosh(x, tt([0.0])))
