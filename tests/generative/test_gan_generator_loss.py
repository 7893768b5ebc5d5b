"""Tests of gan_generator_loss: minimax and non-saturating share a fixed point, not a gradient."""

import math

import numpy as np
import pytest
from generative._helpers import KINDS
from gradcheck import numeric_grad

from lossdocs import (
    gan_generator_loss,
    gan_generator_loss_grad,
    log_sigmoid,
    softmax,
)


def test_no_negative_zero():
    assert str(gan_generator_loss([0.0], kind="wasserstein")) == "0.0"
    assert str(gan_generator_loss([-1e4], kind="minimax")) == "0.0"


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
