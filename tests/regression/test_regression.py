"""Tests for lossdocs.regression: MSE, MAE, Huber, smooth L1 and their gradients."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given
from hypothesis.extra.numpy import arrays
from regression._helpers import values

from lossdocs import (
    huber,
    huber_grad,
    mae,
    mae_grad,
    mse,
    mse_grad,
    smooth_l1,
    smooth_l1_grad,
)

PRED = np.array([1.0, 2.0, 4.0, -0.5])
TARGET = np.array([1.0, 3.0, 2.0, 0.0])  # residuals 0, -1, 2, -0.5
LOSSES = [mse, mae, huber, smooth_l1]
PAIRS = [(mse, mse_grad), (mae, mae_grad), (huber, huber_grad), (smooth_l1, smooth_l1_grad)]


def test_hand_checked_values():
    # Residuals 0, -1, 2, -0.5 (by hand):
    # squares 0, 1, 4, .25 -> mean 5.25/4; absolutes 0, 1, 2, .5 -> mean 3.5/4;
    # Huber(1): 0, 1*(1-.5)=.5, 1*(2-.5)=1.5, .125 -> sum 2.125.
    assert mse(PRED, TARGET) == pytest.approx(5.25 / 4)
    assert mae(PRED, TARGET) == pytest.approx(3.5 / 4)
    assert huber(PRED, TARGET, reduction="sum") == pytest.approx(2.125)
    # Smooth L1 with beta=2: all |r| < 2 except r=2 -> 0, 1/4, 2-1=1, .0625.
    assert smooth_l1(PRED, TARGET, beta=2.0, reduction="sum") == pytest.approx(1.3125)


@pytest.mark.parametrize("loss", LOSSES)
def test_reductions_agree(loss):
    per = loss(PRED, TARGET, reduction="none")
    assert per.shape == PRED.shape
    assert loss(PRED, TARGET, reduction="sum") == pytest.approx(per.sum())
    assert loss(PRED, TARGET) == pytest.approx(per.sum() / per.size)


@pytest.mark.parametrize("loss", LOSSES)
@given(x=arrays(np.float64, 6, elements=values))
def test_nonnegative_and_zero_at_perfect_prediction(loss, x):
    assert np.all(loss(x, x[::-1].copy(), reduction="none") >= 0)
    assert loss(x, x) == 0


@pytest.mark.parametrize("loss, grad", PAIRS)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_gradient_matches_finite_differences(loss, grad, reduction):
    rng = np.random.default_rng(0)
    pred, target = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    # Keep residuals off the kinks (0 for MAE, +-1 for Huber/smooth L1) so the FD is valid.
    r = pred - target
    pred = np.where(np.abs(np.abs(r) - 1) < 1e-3, pred + 0.01, pred)
    expected = numeric_grad(lambda p: loss(p, target, reduction=reduction), pred)
    np.testing.assert_allclose(grad(pred, target, reduction=reduction), expected, rtol=1e-6)


def test_closed_form_gradients_at_known_points():
    # d/dp of (p - t)^2 summed is 2 (p - t); Huber clips the residual; smooth L1 divides by beta.
    np.testing.assert_allclose(mse_grad(PRED, TARGET, reduction="sum"), [0, -2, 4, -1])
    np.testing.assert_allclose(mae_grad(PRED, TARGET, reduction="sum"), [0, -1, 1, -1])
    np.testing.assert_allclose(huber_grad(PRED, TARGET, reduction="sum"), [0, -1, 1, -0.5])
    np.testing.assert_allclose(
        smooth_l1_grad(PRED, TARGET, beta=4.0, reduction="sum"), [0, -0.25, 0.5, -0.125]
    )
    np.testing.assert_allclose(mse_grad(PRED, TARGET), np.array([0, -2, 4, -1]) / 4)


@pytest.mark.parametrize("loss", LOSSES)
def test_float32_in_float32_out(loss):
    p = PRED.astype(np.float32)
    assert loss(p, TARGET.astype(np.float32), reduction="none").dtype == np.float32
    # Integer targets take the prediction's precision.
    assert loss(p, np.array([1, 3, 2, 0])).dtype == np.float32


@pytest.mark.parametrize("loss, grad", PAIRS)
def test_nan_propagates(loss, grad):
    p = np.array([np.nan, 1.0])
    t = np.zeros(2)
    assert np.isnan(loss(p, t, reduction="none")[0]) and np.isnan(loss(p, t))
    assert np.isnan(grad(p, t)[0])


@pytest.mark.parametrize("loss, grad", PAIRS)
def test_bad_input_messages(loss, grad):
    with pytest.raises(ValueError, match="target must have the shape of pred"):
        loss(np.ones(3), np.ones((3, 1)))
    with pytest.raises(ValueError, match="reduction must be one of"):
        loss(np.ones(3), np.ones(3), reduction="avg")
    with pytest.raises(ValueError, match="pred is empty"):
        loss(np.ones(0), np.ones(0))
    assert loss(np.ones(0), np.ones(0), reduction="sum") == 0
    with pytest.raises(ValueError, match="reduction='none' is not accepted"):
        grad(np.ones(3), np.ones(3), reduction="none")
    with pytest.raises(TypeError, match="pred must hold real numbers"):
        loss(np.array(["a"]), np.ones(1))


def test_bad_hyperparameters():
    with pytest.raises(ValueError, match="delta must be > 0"):
        huber(np.ones(2), np.ones(2), delta=0.0)
    with pytest.raises(ValueError, match="beta must be >= 0"):
        smooth_l1(np.ones(2), np.ones(2), beta=-1.0)
    with pytest.raises(TypeError, match="delta must be a real number"):
        huber_grad(np.ones(2), np.ones(2), delta="1")
