"""Tests for focal_tversky_loss."""

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import focal_tversky_loss, tversky_loss, tversky_loss_grad


def _pair(seed, shape=(3, 8)):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 1, shape), (rng.uniform(0, 1, shape) < 0.4).astype(float)


@pytest.mark.parametrize(("alpha", "beta"), [(0.3, 0.7), (0.5, 0.5), (0.9, 0.1)])
def test_gamma_one_is_tversky(alpha, beta):
    probs, target = _pair(0)
    kw = dict(alpha=alpha, beta=beta, reduction="none")
    np.testing.assert_array_equal(
        focal_tversky_loss(probs, target, gamma=1.0, **kw), tversky_loss(probs, target, **kw)
    )


def test_power_of_each_sample_then_reduction():
    probs, target = _pair(1)
    t = tversky_loss(probs, target, reduction="none")
    for gamma in (0.75, 4 / 3, 2.0):
        none = focal_tversky_loss(probs, target, gamma=gamma, reduction="none")
        np.testing.assert_allclose(none, t**gamma, rtol=1e-14)
        # The power is taken per sample, before the mean (not the mean raised to gamma).
        assert focal_tversky_loss(probs, target, gamma=gamma) == pytest.approx(np.mean(t**gamma))
        assert focal_tversky_loss(probs, target, gamma=gamma, reduction="sum") == pytest.approx(
            np.sum(t**gamma)
        )


def test_default_is_abraham_and_khan_exponent():
    # The paper's 1/gamma with gamma = 4/3.
    probs, target = _pair(2)
    np.testing.assert_allclose(
        focal_tversky_loss(probs, target),
        tversky_loss(probs, target, reduction="none").__pow__(0.75).mean(),
    )


def test_exponent_below_one_lifts_small_losses_and_their_gradient():
    # A nearly right sample: Tversky loss l small; l^0.75 > l, and d/dl l^0.75 = 0.75 l^-0.25 > 1.
    t = np.zeros((1, 100))
    t[0, :50] = 1.0
    p = t * 0.98 + 0.01
    small = tversky_loss(p, t)
    assert focal_tversky_loss(p, t) > small
    num = numeric_grad(lambda q: focal_tversky_loss(q, t), p, h=1e-7)
    chain = 0.75 * small**-0.25 * tversky_loss_grad(p, t)
    np.testing.assert_allclose(num, chain, rtol=1e-5, atol=1e-9)
    assert np.abs(num).max() > np.abs(tversky_loss_grad(p, t)).max()


def test_perfect_empty_and_range():
    mask = np.array([[1.0, 0.0, 1.0]])
    assert focal_tversky_loss(mask, mask) == 0.0
    assert focal_tversky_loss(np.zeros((1, 3)), np.zeros((1, 3))) == 1.0
    probs, target = _pair(3, (20, 6))
    out = focal_tversky_loss(probs, target, gamma=0.5, reduction="none")
    assert np.all((out >= 0) & (out <= 1))


def test_float32():
    probs, target = _pair(4)
    out = focal_tversky_loss(probs.astype(np.float32), target.astype(np.float32), reduction="none")
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, focal_tversky_loss(probs, target, reduction="none"), rtol=1e-5)


@pytest.mark.parametrize(
    ("kw", "error", "name"),
    [
        ({"gamma": 0.0}, ValueError, "gamma"),
        ({"gamma": -1.0}, ValueError, "gamma"),
        ({"gamma": np.inf}, ValueError, "gamma"),
        ({"gamma": None}, TypeError, "gamma"),
        ({"alpha": -1.0}, ValueError, "alpha"),
        ({"beta": -1.0}, ValueError, "beta"),
        ({"reduction": "avg"}, ValueError, "reduction"),
    ],
)
def test_bad_input_names_the_argument(kw, error, name):
    with pytest.raises(error, match=name):
        focal_tversky_loss([[0.5, 0.5]], [[1, 0]], **kw)


def test_gamma_that_rounds_to_zero_in_float32():
    with pytest.raises(ValueError, match="gamma=1e-50 rounds to 0 in float32"):
        focal_tversky_loss(np.float32([[0.5]]), np.float32([[1.0]]), gamma=1e-50)
