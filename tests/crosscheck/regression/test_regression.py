"""Regression losses against torch: mse_loss, l1_loss, huber_loss, smooth_l1_loss."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt

# (lossdocs name, torch function, lossdocs keyword of the parameter, torch keyword, values)
LOSSES = [
    ("mse", F.mse_loss, None, None, [None]),
    ("mae", F.l1_loss, None, None, [None]),
    ("huber", F.huber_loss, "delta", "delta", [None, 0.5, 1.0, 2.5]),
    ("smooth_l1", F.smooth_l1_loss, "beta", "beta", [None, 0.0, 0.5, 1.0, 2.5]),
]


CASES = [
    pytest.param(name, ref, kw, tkw, v, id=f"{name}-{v}")
    for name, ref, kw, tkw, values in LOSSES
    for v in values
]


def _kwargs(kw, tkw, value):
    return ({}, {}) if value is None else ({kw: value}, {tkw: value})


def _data(seed=0, shape=(5, 7), dtype=np.float64):
    rng = np.random.default_rng(seed)
    pred = rng.normal(0, 2, shape)
    target = rng.normal(0, 2, shape)
    # Residuals exactly 0, +-0.5, +-1, +-2.5 (the kinks of every delta/beta tested) and large.
    pred[0] = target[0] = 0.0
    pred[0, 1:] = [0.5, -0.5, 1.0, -1.0, 2.5, -2.5][: shape[1] - 1]
    pred[1, 0], target[1, 0] = 1e6, -1e6
    return pred.astype(dtype), target.astype(dtype)


@pytest.mark.parametrize(("name", "ref", "kw", "tkw", "value"), CASES)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(name, ref, kw, tkw, value, reduction):
    pred, target = _data()
    ours, theirs = _kwargs(kw, tkw, value)
    assert_close(
        ld(name)(pred, target, reduction=reduction, **ours),
        ref(tt(pred), tt(target), reduction=reduction, **theirs),
    )


@pytest.mark.parametrize(("name", "ref", "kw", "tkw", "value"), CASES)
def test_default_reduction_is_mean(name, ref, kw, tkw, value):
    pred, target = _data(1)
    ours, theirs = _kwargs(kw, tkw, value)
    assert_close(ld(name)(pred, target, **ours), ref(tt(pred), tt(target), **theirs))


@pytest.mark.parametrize(("name", "ref", "kw", "tkw", "value"), CASES)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradients_match_autograd(name, ref, kw, tkw, value, reduction):
    # Includes the kinks (residual 0 and +-delta/beta): the same one-sided choice as torch.
    pred, target = _data(2)
    ours, theirs = _kwargs(kw, tkw, value)
    expected = autograd(ref, pred, tt(target), reduction=reduction, **theirs)
    assert_close(ld(name + "_grad")(pred, target, reduction=reduction, **ours), expected)


@pytest.mark.parametrize(("name", "ref", "kw", "tkw", "value"), CASES)
def test_float32(name, ref, kw, tkw, value):
    pred, target = _data(3, dtype=np.float32)
    ours, theirs = _kwargs(kw, tkw, value)
    for reduction in REDUCTIONS:
        assert_close(
            ld(name)(pred, target, reduction=reduction, **ours),
            ref(tt(pred), tt(target), reduction=reduction, **theirs),
            dtype=np.float32,
        )
    expected = autograd(ref, pred, tt(target), **theirs)
    assert_close(ld(name + "_grad")(pred, target, **ours), expected, dtype=np.float32)


@pytest.mark.parametrize(("name", "ref", "kw", "tkw", "value"), CASES)
def test_nan_propagates_like_torch(name, ref, kw, tkw, value):
    pred, target = np.array([np.nan, 1.0]), np.array([0.0, 0.0])
    ours, theirs = _kwargs(kw, tkw, value)
    assert_close(
        ld(name)(pred, target, reduction="none", **ours),
        ref(tt(pred), tt(target), reduction="none", **theirs),
    )
