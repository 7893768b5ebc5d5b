"""Tests for lossdocs.activations: values, identities and numerical stability."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import log_sigmoid, log_softmax, logsumexp, sigmoid, softmax

finite = st.floats(-1e4, 1e4, allow_nan=False)
rows = arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 6)), elements=finite)


def test_sigmoid_known_values():
    # sigma(0) = 1/2 and sigma(log 3) = 3/4 by hand.
    assert sigmoid(0.0) == 0.5
    assert sigmoid(math.log(3.0)) == pytest.approx(0.75, rel=1e-15)


@given(arrays(np.float64, 5, elements=finite))
def test_sigmoid_symmetry_and_range(x):
    s = sigmoid(x)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s + sigmoid(-x), 1.0, rtol=1e-15)


@given(arrays(np.float64, 5, elements=finite))
def test_log_sigmoid_is_log_of_sigmoid_where_that_is_safe(x):
    # For x <= 0, sigma(x) <= 1/2 and np.log is well conditioned; for x > 0 the naive
    # log(sigma(x)) loses digits (log of a number near 1), so it is no reference there.
    x = np.clip(x, -30, 0)
    np.testing.assert_allclose(log_sigmoid(x), np.log(sigmoid(x)), rtol=1e-13)


def test_log_sigmoid_far_tail_is_linear_not_minus_inf():
    # For x << 0, log sigma(x) = x - log1p(e^x), which is x to double precision.
    assert log_sigmoid(-1e4) == -1e4
    assert np.isfinite(log_sigmoid(np.float32(-1e4)))


@given(rows)
def test_softmax_rows_sum_to_one_and_match_exp_log_softmax(x):
    p = softmax(x)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.exp(log_softmax(x)), p, rtol=1e-12, atol=1e-300)


@given(rows, st.floats(-1e3, 1e3, allow_nan=False))
def test_shift_invariance(x, c):
    # softmax(x + c) = softmax(x); logsumexp(x + c) = logsumexp(x) + c.
    np.testing.assert_allclose(softmax(x + c), softmax(x), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(logsumexp(x + c), logsumexp(x) + c, rtol=1e-9, atol=1e-9)


def test_logsumexp_tiny_tail_keeps_relative_accuracy():
    # log(1 + e^-40) = e^-40 - e^-80/2 + ..., i.e. e^-40 to double precision.
    assert logsumexp(np.array([0.0, -40.0])) == pytest.approx(math.exp(-40), rel=1e-15)


def test_two_class_softmax_is_sigmoid():
    z = np.linspace(-50, 50, 101)
    pair = np.stack([z, np.zeros_like(z)], axis=-1)
    np.testing.assert_allclose(softmax(pair)[:, 0], sigmoid(z), rtol=1e-14)


def test_axis_argument_and_keepdims():
    x = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(logsumexp(x, axis=0), np.log(np.exp(x).sum(axis=0)))
    assert logsumexp(x, axis=0, keepdims=True).shape == (1, 3)
    np.testing.assert_allclose(softmax(x, axis=0).sum(axis=0), 1.0)


def test_infinite_and_nan_rows():
    x = np.array([[-np.inf, -np.inf], [np.inf, 0.0], [np.nan, 1.0]])
    out = logsumexp(x)
    assert out[0] == -np.inf and out[1] == np.inf and np.isnan(out[2])
    assert np.isnan(softmax(np.array([np.nan, 1.0]))).all()


@pytest.mark.parametrize("fn", [sigmoid, log_sigmoid, softmax, log_softmax, logsumexp])
def test_float32_stays_float32(fn):
    assert fn(np.array([1.0, -2.0], dtype=np.float32)).dtype == np.float32


@pytest.mark.parametrize("fn", [sigmoid, log_sigmoid, softmax, log_softmax, logsumexp])
def test_ints_become_float64(fn):
    assert np.asarray(fn(np.array([1, 2]))).dtype == np.float64


@pytest.mark.parametrize("fn", [softmax, log_softmax, logsumexp])
def test_bad_axis_and_shapes(fn):
    with pytest.raises(ValueError, match="axis"):
        fn(np.ones((2, 3)), axis=2)
    with pytest.raises(TypeError, match="axis"):
        fn(np.ones((2, 3)), axis=1.5)
    with pytest.raises(ValueError, match="x must have at least one dimension"):
        fn(1.0)


def test_non_numeric_input_names_x():
    with pytest.raises(TypeError, match="x must hold real numbers"):
        sigmoid(np.array(["a"]))
    with pytest.raises(TypeError, match="x must hold real numbers"):
        softmax(np.array([1 + 2j]))
