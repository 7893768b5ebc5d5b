"""Tests for lossdocs.classification.focal: the sigmoid focal loss and its gradient."""

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    focal_loss,
    focal_loss_grad,
    sigmoid,
)

BCEL = binary_cross_entropy_with_logits


def mp_focal(z, t, alpha, gamma):
    """alpha_t * (1 - p_t)^gamma * CE straight from the definition, in high precision.

    60 + |z| / ln 10 digits keep 60 in 1 - p, where p = sigma(z) = 1 - e^-z for z >> 0.
    """
    with mpmath.workdps(60 + int(abs(z) / math.log(10))):
        z, t = mpmath.mpf(z), mpmath.mpf(t)
        p = 1 / (1 + mpmath.exp(-z))
        ce = -t * mpmath.log(p) - (1 - t) * mpmath.log(1 - p)
        q = 1 - (t * p + (1 - t) * (1 - p))
        a_t = 1 if alpha is None else alpha * t + (1 - alpha) * (1 - t)
        return float(a_t * q**gamma * ce)


# ---------------------------------------------------------------- values


def test_hand_value_at_zero_logit():
    # z = 0: p_t = 1/2, CE = log 2; alpha_t = 0.25 for target 1, 0.75 for target 0.
    out = focal_loss([0.0, 0.0], [1.0, 0.0], reduction="none")
    np.testing.assert_allclose(out, [0.25 * 0.25 * math.log(2), 0.75 * 0.25 * math.log(2)])


@pytest.mark.parametrize(("z", "t"), [(math.log(9), 1.0), (-math.log(9), 0.0)])
def test_ce_over_focal_is_100_at_pt_09_with_gamma_2(z, t):
    # Lin et al. 2017: with gamma = 2, p_t = 0.9 costs 100x less than under CE: (1 - 0.9)^-2.
    assert BCEL(z, t) / focal_loss(z, t, alpha=None) == pytest.approx(100, rel=1e-12)
    # and p_t = 1 - 1000^{-1/2} ~ 0.968 costs 1000x less (the paper's second figure).
    z1000 = math.log((1 - 1000**-0.5) / 1000**-0.5)
    assert BCEL(z1000, 1.0) / focal_loss(z1000, 1.0, alpha=None) == pytest.approx(1000, rel=1e-12)


@settings(max_examples=50)
@given(st.floats(-30, 30), st.floats(0, 1))
def test_gamma_zero_and_no_alpha_is_bce_with_logits(z, t):
    for alpha in (-1.0, -0.5, None):
        assert focal_loss(z, t, alpha=alpha, gamma=0.0) == pytest.approx(BCEL(z, t), rel=1e-15)
    # with alpha, gamma = 0 is BCE weighted by alpha_t.
    a_t = 0.25 * t + 0.75 * (1 - t)
    assert focal_loss(z, t, gamma=0.0) == pytest.approx(a_t * BCEL(z, t), rel=1e-14, abs=1e-300)


def test_alpha_weights_the_positive_class():
    z = np.array([0.3, 0.3])
    y = np.array([1.0, 0.0])
    off = focal_loss(z, y, alpha=None, reduction="none")
    np.testing.assert_allclose(focal_loss(z, y, alpha=0.25, reduction="none"), off * [0.25, 0.75])
    np.testing.assert_array_equal(focal_loss(z, y, alpha=-1, reduction="none"), off)
    np.testing.assert_array_equal(focal_loss(z, y, alpha=1.0, reduction="none"), off * [1, 0])


@pytest.mark.parametrize("z", [-1e4, -800.0, -40.0, -3.0, 0.0, 1e-8, 2.5, 40.0, 800.0, 1e4])
@pytest.mark.parametrize("t", [0.0, 1.0, 0.2, 0.5])
@pytest.mark.parametrize(("alpha", "gamma"), [(0.25, 2.0), (None, 0.5), (0.6, 5.0)])
def test_accurate_against_mpmath(z, t, alpha, gamma):
    # Including p_t -> 1 (z = +-40 with the matching target), where torchvision's
    # 1 - p_t cancels to 0; here the tiny value is kept to full relative accuracy.
    assert focal_loss(z, t, alpha=alpha, gamma=gamma) == pytest.approx(
        mp_focal(z, t, alpha, gamma), rel=1e-13, abs=1e-300
    )


def test_extreme_logits_are_finite_and_exact():
    # z = 1e4, target 0: p_t = 0 exactly, CE = 1e4, alpha_t = 0.75: 7500. Mirror for target 1.
    out = focal_loss([1e4, -1e4, 1e4, -1e4], [0.0, 1.0, 1.0, 0.0], reduction="none")
    np.testing.assert_array_equal(out, [7500.0, 2500.0, 0.0, 0.0])
    f32 = focal_loss(
        np.array([1e4, -1e4], np.float32), np.array([0, 1], np.float32), reduction="none"
    )
    assert f32.dtype == np.float32 and np.array_equal(f32, [7500, 2500])
    # p_t -> 1: sigma(-40)^2 * softplus(-40) * 0.25 ~ 1.9e-53, not 0.
    assert focal_loss(40.0, 1.0) > 0


# ---------------------------------------------------------------- gradient


@pytest.mark.parametrize("gamma", [0.0, 0.5, 1.0, 2.0, 5.0])
@pytest.mark.parametrize("alpha", [0.25, None])
def test_grad_matches_finite_differences(gamma, alpha):
    rng = np.random.default_rng(int(gamma * 10))
    z = rng.uniform(-6, 6, 30)
    t = np.concatenate([rng.integers(0, 2, 15).astype(float), rng.uniform(0, 1, 15)])
    h = 1e-6
    f = lambda x: focal_loss(x, t, alpha=alpha, gamma=gamma, reduction="none")  # noqa: E731
    fd = (f(z + h) - f(z - h)) / (2 * h)
    g = focal_loss_grad(z, t, alpha=alpha, gamma=gamma, reduction="sum")
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(focal_loss_grad(z, t, alpha=alpha, gamma=gamma), g / 30, rtol=1e-14)


def test_grad_closed_form_for_hard_targets():
    # y = 1: -alpha sigma(-z)^gamma [sigma(-z) + gamma sigma(z) CE];
    # y = 0: (1 - alpha) sigma(z)^gamma [sigma(z) + gamma sigma(-z) CE].
    z = np.array([-2.0, 0.0, 1.5])
    ce1, ce0 = BCEL(z, np.ones(3), reduction="none"), BCEL(z, np.zeros(3), reduction="none")
    sp, sn = sigmoid(z), sigmoid(-z)
    want1 = -0.25 * sn**2 * (sn + 2 * sp * ce1)
    want0 = 0.75 * sp**2 * (sp + 2 * sn * ce0)
    np.testing.assert_allclose(focal_loss_grad(z, np.ones(3), reduction="sum"), want1, rtol=1e-14)
    np.testing.assert_allclose(focal_loss_grad(z, np.zeros(3), reduction="sum"), want0, rtol=1e-14)
    # gamma = 0 without alpha is the BCE-with-logits gradient.
    t = np.array([0.3, 1.0, 0.0])
    np.testing.assert_allclose(
        focal_loss_grad(z, t, alpha=None, gamma=0.0, reduction="sum"),
        binary_cross_entropy_with_logits_grad(z, t, reduction="sum"),
        rtol=1e-15,
    )


def test_grad_is_finite_at_extreme_logits_even_for_gamma_below_one():
    z = np.array([1e4, -1e4, 800.0, -800.0, 1e4, -1e4])
    t = np.array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0])
    for gamma in (0.0, 0.3, 2.0):
        g = focal_loss_grad(z, t, alpha=None, gamma=gamma, reduction="sum")
        # right and confident: 0 (below the smallest float); wrong and confident: +-1,
        # since q = 1, CE = |z|, and sigma(z) sigma(-z) |z| underflows to 0.
        np.testing.assert_array_equal(g, [0, 0, 0, 0, 1, -1])


# ---------------------------------------------------------------- dtype, NaN, reduction


@pytest.mark.parametrize("fn", [focal_loss, focal_loss_grad])
def test_float32_nan_and_reductions(fn):
    z32, t32 = np.array([0.5, -2.0], np.float32), np.array([1.0, 0.0], np.float32)
    assert fn(z32, t32, reduction="sum").dtype == np.float32
    assert np.isnan(fn(np.array([np.nan, 0.0]), np.array([1.0, 0.0]), reduction="sum")).any()
    assert np.isnan(fn(np.array([0.0]), np.array([np.nan]), reduction="sum")).all()
    z, t = np.array([[0.5, -2.0, 3.0]]), np.array([[1.0, 0.3, 0.0]])
    assert fn(z, t) == pytest.approx(fn(z, t, reduction="sum") / 3)


def test_default_reduction_is_mean_and_none_keeps_shape():
    z, t = np.array([[0.5, -2.0, 3.0]]), np.array([[1.0, 0.3, 0.0]])
    none = focal_loss(z, t, reduction="none")
    assert none.shape == (1, 3)
    assert focal_loss(z, t) == pytest.approx(none.mean())


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("fn", [focal_loss, focal_loss_grad])
@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        (([0.5], [1.5]), {}, "target"),
        (([0.5], [-0.5]), {}, "target"),
        (([0.5, 1.0], [1.0]), {}, "target"),
        (([0.5], [1.0]), {"gamma": -1.0}, "gamma"),
        (([0.5], [1.0]), {"alpha": 1.5}, "alpha"),
        (([0.5], [1.0]), {"alpha": math.nan}, "alpha"),
        (([0.5], [1.0]), {"reduction": "batchmean"}, "reduction"),
        (([], []), {}, "logits"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(fn, args, kwargs, name):
    with pytest.raises(ValueError, match=name):
        fn(*args, **kwargs)


def test_type_errors_and_grad_refuses_none():
    with pytest.raises(TypeError, match="gamma"):
        focal_loss([0.5], [1.0], gamma="2")
    with pytest.raises(TypeError, match="alpha"):
        focal_loss([0.5], [1.0], alpha=True)
    with pytest.raises(ValueError, match="reduction"):
        focal_loss_grad([0.5], [1.0], reduction="none")


# Issue 11's reproducers.


@pytest.mark.parametrize("fn", [focal_loss, focal_loss_grad])
def test_gamma_must_be_finite(fn):
    with pytest.raises(ValueError, match="gamma must be finite"):
        fn([1.0], [1.0], gamma=np.inf)


@pytest.mark.parametrize(("z", "t", "loss"), [(np.inf, 1.0, 0.0), (np.inf, 0.0, np.inf)])
def test_an_infinite_logit_gives_the_limit_without_a_warning(z, t, loss):
    assert focal_loss([z], [t], alpha=None) == loss
    g = focal_loss_grad([z], [t], alpha=None)[0]
    assert g == (0.0 if t == 1 else 1.0)  # sigma(z)^gamma softplus(z)' -> 1 for t = 0
