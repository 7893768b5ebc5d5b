"""Tests for lossdocs.classification.binary: BCE on probabilities and on logits, and gradients."""

import math

import numpy as np
import pytest
from classification._helpers import BCEL, BCEL_GRAD, moderate, unit
from hypothesis import given, settings
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    sigmoid,
)

BCE, BCE_GRAD = binary_cross_entropy, binary_cross_entropy_grad


def test_bce_hand_values():
    # -log 0.8 = 0.22314...; p = 1/2 costs log 2 whatever the target; soft target 1/2 at
    # p = 1/4: -(log(1/4) + log(3/4)) / 2 = log(16/3) / 2.
    out = BCE([0.8, 0.5, 0.5, 0.25], [1.0, 1.0, 0.0, 0.5], reduction="none")
    np.testing.assert_allclose(
        out, [-math.log(0.8), math.log(2), math.log(2), math.log(16 / 3) / 2], rtol=1e-15
    )


def test_bce_clamps_each_log_at_minus_100():
    # PyTorch's clamp: a certain wrong answer costs 100, a certain right one 0 (0 log 0 = 0),
    # and p = 1e-50 (log p = -115.1) is clamped too. No RuntimeWarning (filterwarnings=error).
    p = np.array([0.0, 1.0, 0.0, 1.0, 1e-50])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(BCE(p, y, reduction="none"), [100, 100, 0, 0, 100])
    # a soft target at p = 0: only the clamped term counts, weighted by the target.
    assert BCE(0.0, 0.25) == pytest.approx(25.0, rel=1e-15)


def test_bce_small_p_uses_log1p():
    # -log(1 - 1e-20) = 1e-20 (to double precision); log(1 - p) would round to 0.
    assert BCE(1e-20, 0.0) == pytest.approx(1e-20, rel=1e-15)


@settings(max_examples=60)
@given(arrays(np.float64, 6, elements=moderate), arrays(np.float64, 6, elements=unit))
def test_bce_on_sigmoid_equals_bce_with_logits(z, t):
    # For moderate z, sigmoid(z) and 1 - sigmoid(z) are >= 3e-4, so rounding p costs < 1e-12.
    np.testing.assert_allclose(
        BCE(sigmoid(z), t, reduction="none"), BCEL(z, t, reduction="none"), rtol=1e-10
    )


def test_weight_broadcasts_to_the_prediction_and_mean_divides_by_n():
    rng = np.random.default_rng(0)
    p, y = rng.uniform(0.05, 0.95, (4, 3)), rng.uniform(0, 1, (4, 3))
    plain = BCE(p, y, reduction="none")
    w_row, w_col = rng.uniform(0, 2, (4, 1)), rng.uniform(0, 2, 3)
    np.testing.assert_allclose(BCE(p, y, weight=w_row, reduction="none"), plain * w_row)
    np.testing.assert_allclose(BCE(p, y, weight=w_col, reduction="none"), plain * w_col)
    # PyTorch's mean is over elements, not over the sum of weights.
    assert BCE(p, y, weight=w_row) == pytest.approx((plain * w_row).sum() / 12)
    np.testing.assert_allclose(
        BCEL(p, y, weight=2.0, reduction="none"), 2 * BCEL(p, y, reduction="none")
    )


def test_bce_grad_matches_finite_differences():
    rng = np.random.default_rng(1)
    p, y, w = rng.uniform(0.05, 0.95, (5, 3)), rng.uniform(0, 1, (5, 3)), rng.uniform(0, 2, 3)
    h = 1e-7
    f = lambda x: BCE(x, y, weight=w, reduction="none")  # noqa: E731
    fd = (f(p + h) - f(p - h)) / (2 * h)
    np.testing.assert_allclose(BCE_GRAD(p, y, weight=w, reduction="sum"), fd, rtol=1e-6)
    np.testing.assert_allclose(BCE_GRAD(p, y, weight=w), fd / 15, rtol=1e-6)


def test_bce_grad_clamps_the_denominator_like_pytorch():
    # (p - y) / max(p(1 - p), eps) with eps the float32 1e-12 of PyTorch's Loss.cpp
    # (`constexpr float EPSILON = 1e-12`, 9.99999996e-13 as a double): +-1/eps for a certain
    # wrong answer, 0 for a right one; at p = 1e-20, y = 0 it is 1e-20 / eps ~ 1e-8 (the true
    # derivative would be ~1).
    eps = float(np.float32(1e-12))
    assert eps == pytest.approx(9.99999996e-13, rel=1e-9)
    out = BCE_GRAD([0.0, 1.0, 0.0, 1.0, 1e-20], [1.0, 0.0, 0.0, 1.0, 0.0], reduction="sum")
    np.testing.assert_allclose(out, [-1 / eps, 1 / eps, 0, 0, 1e-20 / eps], rtol=1e-15)


@pytest.mark.parametrize("fn", [BCE, BCE_GRAD, BCEL, BCEL_GRAD])
def test_float32_in_float32_out_and_nan_propagates(fn):
    p = np.array([0.2, 0.7], np.float32)
    out = fn(p, np.array([1, 0], np.float32), weight=np.array([1.0, 2.0]), reduction="sum")
    assert out.dtype == np.float32
    nan = fn(np.array([np.nan, 0.5]), np.array([1.0, 0.0]), reduction="sum")
    assert np.isnan(nan).any()
    assert np.isnan(fn(np.array([0.5]), np.array([np.nan]), reduction="sum")).all()


@pytest.mark.parametrize("fn", [BCE, BCEL])
def test_reductions_are_consistent(fn):
    p, y = np.array([[0.1, 0.4, 0.9]]), np.array([[0.0, 1.0, 1.0]])
    none = fn(p, y, reduction="none")
    assert none.shape == (1, 3)
    assert fn(p, y, reduction="sum") == pytest.approx(none.sum())
    assert fn(p, y) == pytest.approx(none.sum() / 3)


@pytest.mark.parametrize(
    ("fn", "args", "kwargs", "name"),
    [
        (BCE, ([1.5], [1.0]), {}, "probs"),
        (BCE, ([-0.1], [1.0]), {}, "probs"),
        (BCE, ([0.5], [1.1]), {}, "target"),
        (BCEL, ([0.5], [2.0]), {}, "target"),
        (BCEL, ([0.5], [-1.0]), {}, "target"),
        (BCE, ([0.5, 0.5], [1.0]), {}, "target"),
        (BCE, (np.full((2, 3), 0.5), np.ones((2, 3))), {"weight": np.ones(2)}, "weight"),
        (BCEL, (np.zeros((2, 3)), np.ones((2, 3))), {"weight": np.ones((4, 2, 3))}, "weight"),
        (BCEL, (np.zeros((2, 3)), np.ones((2, 3))), {"pos_weight": np.ones(2)}, "pos_weight"),
        (BCE_GRAD, ([0.5], [1.0]), {"reduction": "none"}, "reduction"),
        (BCEL_GRAD, ([0.5], [1.0]), {"reduction": "none"}, "reduction"),
        (BCE, ([0.5], [1.0]), {"reduction": "avg"}, "reduction"),
        (BCEL, ([], []), {}, "logits"),
        (BCE, ([], []), {}, "probs"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(fn, args, kwargs, name):
    with pytest.raises(ValueError, match=name):
        fn(*args, **kwargs)


def test_non_numeric_input_raises_type_error():
    with pytest.raises(TypeError, match="probs"):
        BCE(["a"], [1.0])
    with pytest.raises(TypeError, match="pos_weight"):
        BCEL([0.0], [1.0], pos_weight=["x"])
