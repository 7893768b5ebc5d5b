"""Tests for lossdocs.z_loss: (log Z)^2, its gradient, shifts, extremes, bad input."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import softmax, z_loss


def test_hand_values():
    # log Z of (0, 0, 0) is log 3; of (1, 2) it is log(e + e^2).
    assert z_loss([0.0, 0.0, 0.0]) == pytest.approx(math.log(3) ** 2, rel=1e-15)
    assert z_loss([1.0, 2.0]) == pytest.approx(math.log(math.e + math.e**2) ** 2, rel=1e-15)
    got = z_loss([[0.0, 0.0, 0.0], [1.0, 2.0, -1.0]], reduction="none")
    log_z = math.log(math.e + math.e**2 + math.exp(-1))
    np.testing.assert_allclose(got, [math.log(3) ** 2, log_z**2], rtol=1e-15)


def test_zero_exactly_when_logits_are_log_probabilities():
    p = np.array([0.1, 0.2, 0.7])
    assert z_loss(np.log(p)) == pytest.approx(0.0, abs=1e-30)
    assert z_loss(np.log(p) + 1e-3) > 0


def test_reductions_and_axis():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(3, 4, 5))
    per = z_loss(z, reduction="none")
    assert per.shape == (3, 4)
    assert z_loss(z) == pytest.approx(per.mean()) and z_loss(z, reduction="sum") == pytest.approx(
        per.sum()
    )
    np.testing.assert_allclose(z_loss(np.moveaxis(z, -1, 0), axis=0, reduction="none"), per)


def test_gradient_is_two_log_z_times_softmax():
    rng = np.random.default_rng(1)
    z = rng.normal(size=(2, 4))
    log_z = np.log(np.exp(z).sum(axis=1, keepdims=True))
    expected = 2 * log_z * softmax(z) / 2  # the mean over 2 positions
    np.testing.assert_allclose(numeric_grad(z_loss, z), expected, atol=1e-8)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_logits(dtype):
    z = np.array([[1e4, 0.0], [-1e4, -1e4]], dtype=dtype)
    got = z_loss(z, reduction="none")
    assert got.dtype == dtype
    np.testing.assert_allclose(got, [1e8, (-1e4 + math.log(2)) ** 2], rtol=1e-6)


@pytest.mark.parametrize(
    "logits, kwargs, error, match",
    [
        (1.0, {}, ValueError, "at least 1-D"),
        (np.zeros((2, 0)), {}, ValueError, "empty along axis 1"),
        (np.zeros((0, 3)), {}, ValueError, "logits is empty"),
        (np.zeros((2, 3)), {"axis": 2}, ValueError, "axis=2 is out of range"),
        (np.zeros((2, 3)), {"axis": 1.0}, TypeError, "axis must be an integer"),
        (np.zeros((2, 3)), {"reduction": None}, ValueError, "reduction"),
        (["x"], {}, TypeError, "logits must hold real numbers"),
    ],
)
def test_bad_input(logits, kwargs, error, match):
    with pytest.raises(error, match=match):
        z_loss(logits, **kwargs)
