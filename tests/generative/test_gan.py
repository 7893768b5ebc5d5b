"""Tests for the GAN losses: gan_discriminator_loss, gan_generator_loss and its gradient.

The minimax and non-saturating generator losses are checked to share the game's
fixed point (p_g = p_data with the optimal discriminator) and to differ in
gradient where the discriminator is confident, by finite differences.
"""

import math

import numpy as np
import pytest
from generative._helpers import KINDS
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy_with_logits,
    gan_discriminator_loss,
    gan_generator_loss,
    gan_generator_loss_grad,
)

LOG2 = math.log(2)
logits = arrays(np.float64, st.integers(1, 8), elements=st.floats(-50, 50))


@settings(max_examples=40)
@given(logits, st.randoms(use_true_random=False))
def test_log_loss_kinds_are_bce_with_logits(f, rnd):
    r = np.array([rnd.uniform(-50, 50) for _ in f])
    bce = binary_cross_entropy_with_logits
    ones, zeros = np.ones_like(f), np.zeros_like(f)
    d = gan_discriminator_loss(r, f, reduction="none")
    np.testing.assert_allclose(d, bce(r, ones, reduction="none") + bce(f, zeros, reduction="none"))
    ns = gan_generator_loss(f, reduction="none")
    np.testing.assert_allclose(ns, bce(f, ones, reduction="none"), rtol=1e-15)
    mm = gan_generator_loss(f, kind="minimax", reduction="none")
    np.testing.assert_allclose(mm, -bce(f, zeros, reduction="none"), rtol=1e-15)


def test_hand_values_of_every_kind():
    r, f = np.array([2.0, 0.0, -0.5]), np.array([-2.0, 0.0, 3.0])
    d = {k: gan_discriminator_loss(r, f, kind=k, reduction="none") for k in KINDS}
    np.testing.assert_allclose(d["minimax"][1], 2 * LOG2, rtol=1e-15)  # undecided: log 2 each
    np.testing.assert_array_equal(d["wasserstein"], f - r)
    np.testing.assert_array_equal(d["hinge"], [0.0, 2.0, 1.5 + 4.0])  # relu(1 - r) + relu(1 + f)
    np.testing.assert_array_equal(d["least_squares"], [(1 + 4) / 2, 0.5, (2.25 + 9) / 2])
    np.testing.assert_array_equal(d["non_saturating"], d["minimax"])
    g = {k: gan_generator_loss(f, kind=k, reduction="none") for k in KINDS}
    np.testing.assert_array_equal(g["wasserstein"], -f)
    np.testing.assert_array_equal(g["hinge"], -f)
    np.testing.assert_array_equal(g["least_squares"], (f - 1) ** 2 / 2)
    assert g["non_saturating"][1] == pytest.approx(LOG2, rel=1e-15)
    assert g["minimax"][1] == pytest.approx(-LOG2, rel=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_logits_are_finite_and_exact(dtype):
    f = np.array([-1e4, -100.0, -40.0, 40.0, 100.0, 1e4], dtype=dtype)
    mm = gan_generator_loss(f, kind="minimax", reduction="none")
    ns = gan_generator_loss(f, reduction="none")
    assert mm.dtype == ns.dtype == dtype
    assert np.all(np.isfinite(mm)) and np.all(np.isfinite(ns))
    # softplus(x) = x + log1p(e^-x) -> x for large x, e^x for very negative x.
    np.testing.assert_allclose(mm[3:], -f[3:], rtol=1e-7)
    np.testing.assert_allclose(ns[:3], -f[:3], rtol=1e-7)
    assert ns[3] == pytest.approx(math.exp(-40), rel=1e-6)
    # The textbook log(1 - sigmoid(f)) is log(0) = -inf at f = 40 in float64; ours is -40.
    with np.errstate(divide="ignore"):
        assert np.log(1 - 1 / (1 + np.exp(-40.0))) == -np.inf
    d = gan_discriminator_loss(-f, f, reduction="none")
    np.testing.assert_allclose(d[3:], 2 * f[3:], rtol=1e-7)


@pytest.mark.parametrize("kind", KINDS)
def test_reductions(kind):
    rng = np.random.default_rng(0)
    r, f = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    per = gan_discriminator_loss(r, f, kind=kind, reduction="none")
    assert per.shape == (3, 4)
    assert gan_discriminator_loss(r, f, kind=kind) == pytest.approx(per.mean(), rel=1e-14)
    g = gan_generator_loss(f, kind=kind, reduction="none")
    assert gan_generator_loss(f, kind=kind, reduction="sum") == pytest.approx(g.sum(), rel=1e-14)


def test_nan_propagates():
    for kind in KINDS:
        assert np.isnan(gan_discriminator_loss([np.nan], [0.0], kind=kind))
        assert np.isnan(gan_generator_loss([np.nan], kind=kind))


@pytest.mark.parametrize(
    "fn, args, kwargs, exc, match",
    [
        (gan_discriminator_loss, ([0.0], [0.0]), {"kind": "wgan"}, ValueError, "kind must be"),
        (gan_generator_loss, ([0.0],), {"kind": "saturating"}, ValueError, "kind must be"),
        (gan_generator_loss_grad, ([0.0],), {"kind": None}, ValueError, "kind must be"),
        (
            gan_discriminator_loss,
            ([0.0, 1.0], [0.0]),
            {},
            ValueError,
            "fake_logits must have the shape of real_logits",
        ),
        (gan_discriminator_loss, ([0.0], [0.0]), {"reduction": "avg"}, ValueError, "reduction"),
        (gan_generator_loss_grad, ([0.0],), {"reduction": "none"}, ValueError, "Jacobian"),
        (gan_generator_loss, ([],), {}, ValueError, "fake_logits is empty"),
        (gan_discriminator_loss, ([], []), {}, ValueError, "real_logits is empty"),
        (gan_generator_loss, (["x"],), {}, TypeError, "fake_logits must hold real numbers"),
        (gan_discriminator_loss, ([0.0], ["x"]), {}, TypeError, "fake_logits must hold real"),
    ],
)
def test_bad_input(fn, args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        fn(*args, **kwargs)


def test_empty_input_under_sum_and_none():
    assert gan_generator_loss([], reduction="sum") == 0.0
    assert gan_discriminator_loss([], [], reduction="none").shape == (0,)
