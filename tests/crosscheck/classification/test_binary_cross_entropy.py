"""Binary cross-entropy against torch: binary_cross_entropy(_with_logits) and their grads.

Probabilities exactly 0 and 1 (where torch clamps each log at -100 and its
backward clamps p(1 - p) at 1e-12), logits up to +-1e4, fractional targets,
weights of several broadcast shapes and a per-class pos_weight.
"""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from classification._xhelpers import WEIGHTS, C, N, _logits_targets, _t


def _probs_targets(seed=0, dtype=np.float64):
    """Probabilities with exact 0s and 1s and values whose log is below -100; mixed targets."""
    rng = np.random.default_rng(seed)
    probs = rng.uniform(0, 1, (N, C))
    probs[0] = [0.0, 1.0, 0.0, 1.0, 0.5]
    probs[1] = [1e-50, 1 - 1e-16, 1e-300, 1e-10, 1 - 1e-10]
    target = rng.uniform(0, 1, (N, C))
    target[0] = [0.0, 0.0, 1.0, 1.0, 0.5]
    target[1] = [1.0, 0.0, 0.0, 1.0, 0.0]
    target[2] = rng.integers(0, 2, C)
    return probs.astype(dtype), target.astype(dtype)


def _weights(kind, seed=0):
    rng = np.random.default_rng(seed + 10)
    shapes = {"none": None, "full": (N, C), "per_class": (C,), "per_sample": (N, 1)}
    shape = shapes[kind]
    return None if shape is None else rng.uniform(0.1, 3.0, shape)


@pytest.mark.parametrize("weight_kind", WEIGHTS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_bce_values(weight_kind, reduction):
    probs, target = _probs_targets()
    weight = _weights(weight_kind)
    expected = F.binary_cross_entropy(tt(probs), tt(target), weight=_t(weight), reduction=reduction)
    got = ld("binary_cross_entropy")(probs, target, weight=weight, reduction=reduction)
    assert_close(got, expected)


def test_bce_clamps_each_log_at_minus_100_as_torch():
    # p = 0 with target 1 costs exactly 100 (the clamp), in torch and here.
    got = ld("binary_cross_entropy")(np.array([0.0, 1.0]), np.array([1.0, 0.0]), reduction="none")
    assert_close(got, np.array([100.0, 100.0]))


@pytest.mark.parametrize("weight_kind", WEIGHTS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_bce_grad_matches_autograd(weight_kind, reduction):
    # Includes p = 0 and 1 and p(1 - p) < 1e-12, where torch's backward divides by 1e-12.
    probs, target = _probs_targets(1)
    weight = _weights(weight_kind, 1)
    expected = autograd(
        F.binary_cross_entropy, probs, tt(target), weight=_t(weight), reduction=reduction
    )
    got = ld("binary_cross_entropy_grad")(probs, target, weight=weight, reduction=reduction)
    assert_close(got, expected)


def test_bce_float32():
    probs, target = _probs_targets(2, dtype=np.float32)
    probs[1] = [1e-30, 1 - 1e-7, 0.0, 1e-10, 1 - 1e-7]
    weight = _weights("per_class").astype(np.float32)
    assert_close(
        ld("binary_cross_entropy")(probs, target, weight=weight),
        F.binary_cross_entropy(tt(probs), tt(target), weight=tt(weight)),
        dtype=np.float32,
    )
    assert_close(
        ld("binary_cross_entropy_grad")(probs, target, weight=weight),
        autograd(F.binary_cross_entropy, probs, tt(target), weight=tt(weight)),
        dtype=np.float32,
        rtol=1e-4,  # (p - t) / (p (1 - p)) amplifies float32 rounding of p near 0 and 1
    )


def test_bce_logits_equals_bce_of_sigmoid_where_torch_does():
    # Away from saturation the two torch losses agree, and so must lossdocs' pair.
    logits, target = _logits_targets(3)
    logits = np.clip(logits, -5, 5)  # beyond, 1 - sigmoid(z) loses digits in float64 itself
    probs = ld("sigmoid")(logits)
    assert_close(
        ld("binary_cross_entropy")(probs, target, reduction="none"),
        F.binary_cross_entropy_with_logits(tt(logits), tt(target), reduction="none"),
    )


def test_nan_probability_propagates_where_torch_raises():
    # torch's kernel checks 0 <= p <= 1, which NaN fails: RuntimeError. lossdocs lets
    # NaN through (its Notes); the logits form propagates NaN in both.
    probs, target = np.array([np.nan, 0.5]), np.array([1.0, 0.0])
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        F.binary_cross_entropy(tt(probs), tt(target))
    got = ld("binary_cross_entropy")(probs, target, reduction="none")
    assert np.isnan(got[0]) and got[1] == pytest.approx(np.log(2), rel=1e-15)
    assert_close(
        ld("binary_cross_entropy_with_logits")(probs, target, reduction="none"),
        F.binary_cross_entropy_with_logits(tt(probs), tt(target), reduction="none"),
    )
