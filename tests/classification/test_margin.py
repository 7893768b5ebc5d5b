"""Tests for the margin losses hinge, exponential and logistic (see _margin.py)."""

import math

import mpmath
import numpy as np
import pytest
from classification._helpers import labels
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    exponential,
    exponential_grad,
    hinge,
    hinge_grad,
    logistic,
    logistic_grad,
    zero_one,
)

LOSSES = [hinge, exponential, logistic]
GRADS = [hinge_grad, exponential_grad, logistic_grad]


def test_hand_values():
    # hinge: max(0, 1 - y s): 1 - 0.3 = 0.7; y s = 2 >= 1 gives 0; y s = -2 gives 3.
    np.testing.assert_allclose(hinge([0.3, 2.0, 2.0], [1, 1, -1], reduction="none"), [0.7, 0, 3])
    # margin 2.5 at y s = 1: 1.5; margin 0 (perceptron) at y s = -0.5: 0.5.
    assert hinge(1.0, 1, margin=2.5) == 1.5
    assert hinge(0.5, -1, margin=0.0) == 0.5
    # exp(-y s): e^0 = 1, e^{log 2} = 2, e^{-1} = 0.3679.
    out = exponential([0.0, math.log(2), 1.0], [1, -1, 1], reduction="none")
    np.testing.assert_allclose(out, [1, 2, math.exp(-1)], rtol=1e-15)
    # log(1 + e^-ys): log 2 at 0, log(1 + e^-1) = 0.3133 at y s = 1, log(1 + e) at -1.
    out = logistic([0.0, 1.0, 1.0], [1, 1, -1], reduction="none")
    np.testing.assert_allclose(out, [math.log(2), math.log1p(math.e**-1), math.log1p(math.e)])


@settings(max_examples=60)
@given(arrays(np.float64, 8, elements=st.floats(-50, 50)), labels)
def test_surrogates_upper_bound_the_zero_one_loss(s, y):
    # The 0-1 loss in margin form is 1[y s <= 0]: predicting sign(s) (0 at s = 0 counts as
    # wrong). Hinge (margin 1) and exponential bound it as they are; the logistic loss after
    # dividing by log 2 (log base 2), as in ESL Fig. 10.4.
    wrong = zero_one(np.sign(s), y, reduction="none")
    np.testing.assert_array_equal(wrong, y * s <= 0)
    assert np.all(hinge(s, y, reduction="none") >= wrong)
    assert np.all(exponential(s, y, reduction="none") >= wrong)
    assert np.all(logistic(s, y, reduction="none") / math.log(2) >= wrong * (1 - 1e-15))


def test_each_surrogate_is_one_at_margin_zero_and_decreasing():
    m = np.linspace(-5, 5, 101)
    y = np.ones_like(m)
    for f, scale in [(hinge, 1.0), (exponential, 1.0), (logistic, math.log(2))]:
        assert f(0.0, 1) / scale == pytest.approx(1.0, rel=1e-15)
        assert np.all(np.diff(f(m, y, reduction="none")) <= 0)


def test_extreme_scores_are_exact_or_overflow_only_where_the_value_does():
    # log(1 + e^1e4) = 1e4 in double, log(1 + e^-1e4) = e^-1e4 underflows to 0.
    np.testing.assert_array_equal(logistic([-1e4, 1e4], [1, 1], reduction="none"), [1e4, 0.0])
    f32 = logistic(
        np.array([-1e4, 1e4], np.float32), np.array([1, 1], np.float32), reduction="none"
    )
    assert f32.dtype == np.float32 and np.array_equal(f32, [1e4, 0])
    # e^709 is finite (1 ulp of the mpmath value), e^710 and e^1e4 exceed the float64 range.
    big = exponential([709.0, 710.0, 1e4, -1e4], [-1, -1, -1, -1], reduction="none")
    assert big[0] == pytest.approx(float(mpmath.exp(709)), rel=2e-16)
    assert np.isinf(big[1]) and np.isinf(big[2]) and big[3] == 0.0
    # float32: e^88 = 1.65e38 is below the float32 maximum 3.4e38, e^89 = 4.5e38 is not.
    e32 = exponential(
        np.array([88, 89], np.float32), np.array([-1, -1], np.float32), reduction="none"
    )
    assert np.isfinite(e32[0]) and np.isinf(e32[1])
    assert e32[0] == pytest.approx(math.exp(88), rel=1e-6)
    np.testing.assert_array_equal(hinge([1e4, -1e4], [1, 1], reduction="none"), [0, 1e4 + 1])


@pytest.mark.parametrize(("loss", "grad"), list(zip(LOSSES, GRADS, strict=True)))
def test_gradients_match_finite_differences(loss, grad):
    rng = np.random.default_rng(0)
    s, y = rng.uniform(-4, 4, 40), rng.choice([-1.0, 1.0], 40)
    away = np.abs(y * s - 1) > 1e-3  # away from the hinge's kink at y s = margin = 1
    s, y = s[away], y[away]
    h = 1e-6
    fd = (loss(s + h, y, reduction="none") - loss(s - h, y, reduction="none")) / (2 * h)
    np.testing.assert_allclose(grad(s, y, reduction="sum"), fd, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(grad(s, y), fd / s.size, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("fn", LOSSES + GRADS)
def test_float32_nan_and_reductions(fn):
    s32 = np.array([0.5, -2.0, 3.0], np.float32)
    y32 = np.array([1, -1, -1], np.int64)
    assert fn(s32, y32, reduction="sum").dtype == np.float32
    out = fn(np.array([np.nan, 1.0]), np.array([1.0, -1.0]), reduction="sum")
    assert np.isnan(out).any()
    assert np.isnan(fn(np.array([1.0]), np.array([np.nan]), reduction="sum")).all()
    s, y = np.array([[0.5, -2.0, 3.0]]), np.array([[1.0, 1.0, -1.0]])
    assert fn(s, y) == pytest.approx(fn(s, y, reduction="sum") / 3)


@pytest.mark.parametrize("fn", LOSSES)
def test_none_keeps_the_shape(fn):
    assert fn(np.zeros((2, 3)), np.ones((2, 3)), reduction="none").shape == (2, 3)


@pytest.mark.parametrize("fn", LOSSES + GRADS)
@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        (([0.5, 1.0], [1, 0]), {}, "target"),
        (([0.5], [0.5]), {}, "target"),
        (([0.5], [2]), {}, "target"),
        (([0.5, 1.0], [1]), {}, "target"),
        (([0.5], [1]), {"reduction": "max"}, "reduction"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(fn, args, kwargs, name):
    with pytest.raises(ValueError, match=name):
        fn(*args, **kwargs)


@pytest.mark.parametrize("fn", LOSSES)
def test_empty_mean_raises_and_empty_sum_is_zero(fn):
    with pytest.raises(ValueError, match="scores"):
        fn([], [])
    assert fn([], [], reduction="sum") == 0.0


@pytest.mark.parametrize("fn", GRADS)
def test_grad_refuses_reduction_none(fn):
    with pytest.raises(ValueError, match="reduction"):
        fn([0.5], [1], reduction="none")
