"""Tests for softmax_focal_loss, the multiclass focal loss."""

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import cross_entropy, softmax_focal_loss

RNG = np.random.default_rng(1)
Z = RNG.normal(size=(6, 4)) * 3
Y = np.array([0, 3, 1, 1, 2, 0])
ALPHA = np.array([0.25, 1.0, 2.0, 0.5])


def test_hand_values():
    # Equal logits over C=4: p_y = 1/4, so the loss is (3/4)^gamma * log 4 (times alpha_y).
    z = np.zeros((2, 4))
    assert softmax_focal_loss(z, [0, 1]) == pytest.approx(0.75**2 * math.log(4))
    per = softmax_focal_loss(z, [0, 2], alpha=ALPHA, gamma=1.0, reduction="none")
    np.testing.assert_allclose(per, [0.25 * 0.75 * math.log(4), 2.0 * 0.75 * math.log(4)])


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
@pytest.mark.parametrize("shape", [(6, 4), (2, 4, 3), (4,)])
def test_gamma_zero_is_cross_entropy(reduction, shape):
    z = RNG.normal(size=shape)
    y = 2 if len(shape) == 1 else RNG.integers(0, 4, size=(shape[0], *shape[2:]))
    a = softmax_focal_loss(z, y, gamma=0.0, reduction=reduction)
    np.testing.assert_allclose(a, cross_entropy(z, y, reduction=reduction), rtol=1e-14)


def test_alpha_mean_is_plain_mean_unlike_weighted_cross_entropy():
    per = softmax_focal_loss(Z, Y, alpha=ALPHA, gamma=0.0, reduction="none")
    np.testing.assert_allclose(per, cross_entropy(Z, Y, weight=ALPHA, reduction="none"))
    assert softmax_focal_loss(Z, Y, alpha=ALPHA, gamma=0.0) == pytest.approx(per.sum() / 6)
    weighted_ce = cross_entropy(Z, Y, weight=ALPHA)
    assert weighted_ce == pytest.approx(per.sum() / ALPHA[Y].sum())
    assert weighted_ce != pytest.approx(per.sum() / 6)


def test_k_dim_equals_flattened():
    z = RNG.normal(size=(2, 4, 3, 2))
    y = RNG.integers(0, 4, size=(2, 3, 2))
    out = softmax_focal_loss(z, y, alpha=ALPHA, gamma=1.5, reduction="none")
    rows = np.moveaxis(z, 1, -1).reshape(-1, 4)
    flat = softmax_focal_loss(rows, y.reshape(-1), alpha=ALPHA, gamma=1.5, reduction="none")
    assert out.shape == (2, 3, 2)
    np.testing.assert_allclose(out.reshape(-1), flat)


@settings(max_examples=30, deadline=None)
@given(
    z=arrays(np.float64, (3, 4), elements=st.floats(-30, 30)),
    gamma=st.floats(0.1, 5),
)
def test_between_zero_and_cross_entropy_and_decreasing_in_gamma(z, gamma):
    y = [0, 3, 1]
    ce = cross_entropy(z, y, reduction="none")
    fl = softmax_focal_loss(z, y, gamma=gamma, reduction="none")
    assert np.all(fl >= 0)
    assert np.all(fl <= ce * (1 + 1e-12))
    assert np.all(softmax_focal_loss(z, y, gamma=gamma + 1, reduction="none") <= fl * (1 + 1e-12))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_confident_sample_stays_accurate(dtype):
    # p_y = sigmoid(40): 1 - p_y = sigmoid(-40) ~ 4.25e-18, so 1 - p would round to 0;
    # with gamma = 2 the exact loss is sigmoid(-40)^2 * log(1 + e^-40) ~ 7.7e-53.
    mpmath.mp.dps = 50
    s = 1 / (1 + mpmath.exp(40))
    exact = float(s**2 * mpmath.log(1 + mpmath.exp(-40)))
    out = softmax_focal_loss(np.array([[40.0, 0.0]], dtype), [0])
    assert out.dtype == dtype
    assert out == pytest.approx(exact, rel=1e-5 if dtype == np.float32 else 1e-13)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_extreme_logits_finite(dtype):
    z = np.array([[1e4, 0.0, -1e4], [1e4, 0.0, -1e4]], dtype)
    per = softmax_focal_loss(z, [2, 0], reduction="none")
    # Target -1e4: p ~ e^-2e4, 1 - p = 1, loss = 2e4. Target 1e4: 1 - p = e^-1e4 -> 0.
    np.testing.assert_allclose(per, [2e4, 0.0])
    assert per.dtype == dtype


def test_nan_propagates():
    z = Z.copy()
    z[1, 0] = np.nan
    per = softmax_focal_loss(z, Y, reduction="none")
    assert np.isnan(per[1]) and np.all(np.isfinite(np.delete(per, 1)))


@pytest.mark.parametrize(
    ("kwargs", "match", "error"),
    [
        ({"gamma": -0.5}, "gamma", ValueError),
        ({"gamma": "2"}, "gamma", TypeError),
        ({"alpha": ALPHA[:3]}, "alpha", ValueError),
        ({"alpha": 0.25}, "alpha", ValueError),
        ({"reduction": "avg"}, "reduction", ValueError),
        ({"target": np.eye(4)[Y]}, "target", ValueError),
        ({"target": [0, 1, 2, 3, 4, 0]}, "target", ValueError),
        ({"target": [0, 1, 2, 3, -100, 0]}, "target", ValueError),
        ({"target": Y[:5]}, "target", ValueError),
        ({"logits": np.zeros((0, 4)), "target": np.zeros(0, int)}, "logits", ValueError),
    ],
)
def test_bad_inputs_raise(kwargs, match, error):
    args = {"logits": Z, "target": Y, **kwargs}
    with pytest.raises(error, match=match):
        softmax_focal_loss(args.pop("logits"), args.pop("target"), **args)


# Issue 11's reproducers.


def test_a_plus_inf_logit_gives_nan_never_a_negative_loss():
    assert np.isnan(softmax_focal_loss([[np.inf, 0.0]], [0]))


def test_gamma_must_be_finite():
    with pytest.raises(ValueError, match="gamma must be finite"):
        softmax_focal_loss([[1.0, 0.0]], [0], gamma=np.inf)
