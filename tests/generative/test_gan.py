"""Tests for the GAN losses: gan_discriminator_loss, gan_generator_loss and its gradient.

The minimax and non-saturating generator losses are checked to share the game's
fixed point (p_g = p_data with the optimal discriminator) and to differ in
gradient where the discriminator is confident, by finite differences.
"""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy_with_logits,
    gan_discriminator_loss,
    gan_generator_loss,
    gan_generator_loss_grad,
    log_sigmoid,
    softmax,
)

KINDS = ["minimax", "non_saturating", "wasserstein", "hinge", "least_squares"]
LOG2 = math.log(2)
logits = arrays(np.float64, st.integers(1, 8), elements=st.floats(-50, 50))


# --- values: the definitions, and BCE with logits for the two log-loss kinds -----------


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


def test_no_negative_zero():
    assert str(gan_generator_loss([0.0], kind="wasserstein")) == "0.0"
    assert str(gan_generator_loss([-1e4], kind="minimax")) == "0.0"


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


# --- gradients ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_generator_grad_matches_finite_differences(kind, reduction):
    f = np.array([[-6.0, -1.5, 0.0], [0.7, 2.0, 5.0]])
    num = numeric_grad(lambda z: gan_generator_loss(z, kind=kind, reduction=reduction), f)
    got = gan_generator_loss_grad(f, kind=kind, reduction=reduction)
    np.testing.assert_allclose(got, num, rtol=1e-6, atol=1e-9)


def test_minimax_and_non_saturating_differ_in_gradient_at_a_confident_discriminator():
    # D(G(z)) = sigmoid(f) ~ 4.5e-5: the discriminator is sure the sample is fake.
    f = np.array([-10.0])
    mm = numeric_grad(lambda z: gan_generator_loss(z, kind="minimax", reduction="sum"), f)[0]
    ns = numeric_grad(lambda z: gan_generator_loss(z, reduction="sum"), f)[0]
    assert mm == pytest.approx(-1 / (1 + math.exp(10)), rel=1e-6)  # -sigmoid(f)
    assert ns == pytest.approx(-1 / (1 + math.exp(-10)), rel=1e-6)  # sigmoid(f) - 1
    assert ns / mm > 2e4  # the same sign (both push f up), four orders of magnitude apart
    # Where D is fooled (f >> 0) it is the other way round: the NS signal fades instead.
    g = gan_generator_loss_grad([10.0], kind="minimax", reduction="sum")[0]
    assert abs(g) > 0.9999 > 1e4 * abs(gan_generator_loss_grad([10.0], reduction="sum")[0])


def _game(theta, p_data, kind, f):
    """Generator objective on K outcomes: E_{x ~ softmax(theta)} loss(f(x)), f held fixed."""
    return float(np.sum(softmax(theta) * gan_generator_loss(f, kind=kind, reduction="none")))


@pytest.mark.parametrize("kind", ["minimax", "non_saturating"])
def test_minimax_and_non_saturating_share_the_fixed_point(kind):
    p_data = np.array([0.1, 0.2, 0.3, 0.4])

    # The optimal discriminator logit is f* = log p_data - log p_g: the gradient of
    # E_data softplus(-f) + E_g softplus(f) vanishes there (checked numerically).
    def disc(f, p_g):
        return float(np.sum(-p_data * log_sigmoid(f) - p_g * log_sigmoid(-f)))

    for theta in (np.log(p_data), np.array([0.0, 0.5, -0.3, 1.0])):
        p_g = softmax(theta)
        f_star = np.log(p_data) - np.log(p_g)
        d_grad = numeric_grad(lambda f, p=p_g: disc(f, p), f_star)
        np.testing.assert_allclose(d_grad, 0, atol=1e-9)
        g = numeric_grad(lambda t, f=f_star: _game(t, p_data, kind, f), theta)
        if np.allclose(p_g, p_data):
            np.testing.assert_allclose(g, 0, atol=1e-9)  # p_g = p_data, D = 1/2: stationary
        else:
            assert np.abs(g).max() > 1e-3  # away from it the generator is pushed


def test_both_generator_losses_push_towards_the_data_from_the_same_start():
    # One gradient step of each moves p_g closer to p_data (in KL), from the same start.
    p_data = np.array([0.1, 0.2, 0.3, 0.4])
    theta = np.array([1.0, 0.5, -0.3, -1.0])
    p_g = softmax(theta)
    f_star = np.log(p_data) - np.log(p_g)
    kl = lambda p: float(np.sum(p_data * np.log(p_data / p)))  # noqa: E731
    for kind in ("minimax", "non_saturating"):
        g = numeric_grad(lambda t, k=kind: _game(t, p_data, k, f_star), theta)
        assert kl(softmax(theta - 0.5 * g)) < kl(p_g)


# --- bad input -----------------------------------------------------------------------------


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
