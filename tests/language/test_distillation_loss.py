"""Tests for lossdocs.distillation_loss: T^2 KL forward and reverse, its gradient, bad input."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import distillation_loss, kl_divergence, softmax


def _kl(p, q):
    return sum(a * math.log(a / b) for a, b in zip(p, q, strict=True) if a > 0)


def _soft(row, t):
    e = [math.exp(v / t) for v in row]
    return [v / sum(e) for v in e]


def test_hand_values_forward_and_reverse():
    s, v = [2.0, 2.0, 0.0], [4.0, 1.0, 0.0]
    for t in (1.0, 2.0, 5.0):
        p, q = _soft(v, t), _soft(s, t)
        assert distillation_loss([s], [v], temperature=t) == pytest.approx(t * t * _kl(p, q))
        got = distillation_loss([s], [v], temperature=t, reverse=True)
        assert got == pytest.approx(t * t * _kl(q, p), rel=1e-13)


def test_equals_kl_divergence_of_the_softened_rows_and_reductions():
    rng = np.random.default_rng(0)
    s, v = rng.normal(size=(4, 6)), rng.normal(size=(4, 6))
    per = distillation_loss(s, v, temperature=3.0, reduction="none")
    np.testing.assert_allclose(per, 9 * kl_divergence(softmax(v / 3), softmax(s / 3)), rtol=1e-12)
    assert distillation_loss(s, v, temperature=3.0) == pytest.approx(per.mean(), rel=1e-14)
    assert distillation_loss(s, v, temperature=3.0, reduction="sum") == pytest.approx(per.sum())


def test_gradient_is_t_times_q_minus_p():
    rng = np.random.default_rng(1)
    s, v = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    for t in (1.0, 4.0):
        expected = t * (softmax(s / t) - softmax(v / t)) / 2  # mean over 2 rows
        got = numeric_grad(lambda z, t=t: distillation_loss(z, v, temperature=t), s)
        np.testing.assert_allclose(got, expected, atol=1e-7)


def test_t_squared_keeps_the_gradient_scale_as_t_grows():
    # Hinton et al.: for large T, T (q - p) -> ((z - mean z) - (v - mean v)) / C, independent of T,
    # while the gradient without T^2, (q - p) / T, falls as 1 / T^2.
    s, v = np.array([[1.0, -0.5, 2.0, 0.0]]), np.array([[3.0, 0.0, -1.0, 0.5]])
    limit = ((s - s.mean()) - (v - v.mean())) / 4
    for t in (100.0, 1000.0):
        with_t2 = t * (softmax(s / t) - softmax(v / t))
        np.testing.assert_allclose(with_t2, limit, atol=2 / t)
    small, large = [np.abs((softmax(s / t) - softmax(v / t)) / t).sum() for t in (100.0, 1000.0)]
    assert small / large == pytest.approx(100.0, rel=0.01)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(0.1, 20.0), st.booleans())
def test_non_negative_and_zero_on_equal_rows(seed, t, reverse):
    rng = np.random.default_rng(seed)
    s, v = rng.normal(scale=5.0, size=(3, 7)), rng.normal(scale=5.0, size=(3, 7))
    assert np.all(distillation_loss(s, v, temperature=t, reverse=reverse, reduction="none") >= 0)
    assert distillation_loss(v, v, temperature=t, reverse=reverse) == 0.0
    shifted = distillation_loss(v, v + 2.5, temperature=t, reverse=reverse)
    assert shifted == pytest.approx(0.0, abs=1e-12)  # softmax ignores a shift, up to rounding


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_and_masked_logits(dtype):
    s = np.array([[1e4, 0.0, -1e4]], dtype=dtype)
    v = np.array([[0.0, 1e4, -np.inf]], dtype=dtype)  # the teacher masks class 2
    got = distillation_loss(s, v)
    assert got.dtype == dtype and np.isfinite(got)
    assert got == pytest.approx(1e4, rel=1e-6)  # p = e_1: -log q_1 = 1e4
    assert distillation_loss(s, v, reverse=True) == np.inf  # q_2 > 0 where p_2 = 0


@pytest.mark.parametrize(
    "s, v, kwargs, error, match",
    [
        (np.zeros(3), np.zeros(3), {}, ValueError, r"student_logits must have shape \(N, C\)"),
        (np.zeros((2, 3)), np.zeros((2, 4)), {}, ValueError, "teacher_logits must have the shape"),
        (np.zeros((2, 3)), np.zeros((2, 3, 1)), {}, ValueError, "teacher_logits must have shape"),
        (np.zeros((2, 3)), np.zeros((2, 3)), {"temperature": 0}, ValueError, "temperature"),
        (np.zeros((2, 3)), np.zeros((2, 3)), {"temperature": "2"}, TypeError, "temperature"),
        (np.zeros((2, 3)), np.zeros((2, 3)), {"reverse": 1}, TypeError, "reverse must be True"),
        (np.zeros((2, 3)), np.zeros((2, 3)), {"reduction": "batchmean"}, ValueError, "reduction"),
        (np.zeros((0, 3)), np.zeros((0, 3)), {}, ValueError, "no rows"),
    ],
)
def test_bad_input(s, v, kwargs, error, match):
    with pytest.raises(error, match=match):
        distillation_loss(s, v, **kwargs)


def test_float32_student_float64_teacher_is_float64_and_nan_propagates():
    s = np.zeros((1, 3), np.float32)
    assert distillation_loss(s, np.ones((1, 3))).dtype == np.float64
    assert np.isnan(distillation_loss([[np.nan, 0.0]], [[0.0, 0.0]]))
