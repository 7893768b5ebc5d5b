"""Tests for logit_adjusted_cross_entropy and its gradient (Menon et al. 2021)."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given
from hypothesis import strategies as st

from lossdocs import (
    cross_entropy,
    cross_entropy_grad,
    logit_adjusted_cross_entropy,
    logit_adjusted_cross_entropy_grad,
    softmax,
)

RNG = np.random.default_rng(3)
Z = RNG.normal(0, 2, size=(6, 4))
Y = np.array([0, 3, 1, 1, 2, 3])
PRIORS = np.array([0.6, 0.25, 0.1, 0.05])
W = np.array([0.5, 1.0, 2.0, 4.0])


def by_hand(z, y, priors, tau):
    """-log of the adjusted softmax at y, with the math module."""
    adjusted = [v + tau * math.log(p) for v, p in zip(z, priors, strict=True)]
    return math.log(math.fsum(math.exp(a) for a in adjusted)) - adjusted[y]


@pytest.mark.parametrize("tau", [0.5, 1.0, 2.0])
def test_hand_values(tau):
    expected = [by_hand(list(z), y, PRIORS, tau) for z, y in zip(Z, Y, strict=True)]
    got = logit_adjusted_cross_entropy(Z, Y, PRIORS, tau=tau, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-12)


def test_equal_logits_give_minus_log_prior():
    # softmax(log pi) = pi when the priors sum to 1: the loss of class c is -log pi_c.
    got = logit_adjusted_cross_entropy(np.zeros((4, 4)), [0, 1, 2, 3], PRIORS, reduction="none")
    np.testing.assert_allclose(got, -np.log(PRIORS), rtol=1e-14)


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
def test_tau_zero_is_cross_entropy(reduction):
    got = logit_adjusted_cross_entropy(Z, Y, PRIORS, tau=0.0, weight=W, reduction=reduction)
    np.testing.assert_array_equal(got, cross_entropy(Z, Y, weight=W, reduction=reduction))


@pytest.mark.parametrize("tau", [0.0, 1.0, 3.0])
def test_uniform_priors_are_cross_entropy(tau):
    got = logit_adjusted_cross_entropy(Z, Y, np.full(4, 0.25), tau=tau, reduction="none")
    np.testing.assert_allclose(got, cross_entropy(Z, Y, reduction="none"), rtol=1e-14)


@given(st.floats(1e-6, 1e6), st.floats(0.0, 3.0))
def test_the_scale_of_the_priors_does_not_matter(scale, tau):
    a = logit_adjusted_cross_entropy(Z, Y, PRIORS, tau=tau, reduction="none")
    b = logit_adjusted_cross_entropy(Z, Y, PRIORS * scale, tau=tau, reduction="none")
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)


def test_equals_cross_entropy_of_shifted_logits_with_every_option():
    shift = 1.5 * np.log(PRIORS)
    y = Y.copy()
    y[2] = -100
    for target, kw in [(y, {"weight": W}), (Y, {"ignore_index": 1}), (y, {"reduction": "sum"})]:
        got = logit_adjusted_cross_entropy(Z, target, PRIORS, tau=1.5, **kw)
        np.testing.assert_allclose(got, cross_entropy(Z + shift, target, **kw), rtol=1e-14)
    # Probability targets and (N, C, d) logits follow cross_entropy too.
    probs = softmax(RNG.normal(size=(6, 4)), axis=1)
    np.testing.assert_allclose(logit_adjusted_cross_entropy(Z, probs, PRIORS),
                               cross_entropy(Z + np.log(PRIORS), probs), rtol=1e-14)  # fmt: skip
    z3 = RNG.normal(size=(2, 4, 5))
    y3 = RNG.integers(0, 4, (2, 5))
    np.testing.assert_allclose(
        logit_adjusted_cross_entropy(z3, y3, PRIORS, reduction="none"),
        cross_entropy(z3 + np.log(PRIORS)[:, None], y3, reduction="none"),
        rtol=1e-14,
    )
    unbatched = logit_adjusted_cross_entropy(Z[0], Y[0], PRIORS)
    assert unbatched == pytest.approx(by_hand(list(Z[0]), Y[0], PRIORS, 1.0), rel=1e-13)


def test_rare_classes_pay_more_and_frequent_ones_less():
    # The adjusted loss asks a rare class for a margin of log(pi_frequent / pi_rare).
    z = np.zeros((2, 4))
    plain = cross_entropy(z, [0, 3], reduction="none")
    adjusted = logit_adjusted_cross_entropy(z, [0, 3], PRIORS, reduction="none")
    assert adjusted[0] < plain[0] and adjusted[1] > plain[1]


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("use_weight", [False, True])
def test_gradient_by_finite_differences(reduction, use_weight):
    kw = {"tau": 1.3, "reduction": reduction, "weight": W if use_weight else None}
    grad = logit_adjusted_cross_entropy_grad(Z, Y, PRIORS, **kw)
    numeric = numeric_grad(lambda z: logit_adjusted_cross_entropy(z, Y, PRIORS, **kw), Z)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)


def test_gradient_is_adjusted_softmax_minus_one_hot():
    grad = logit_adjusted_cross_entropy_grad(Z, Y, PRIORS, reduction="sum")
    np.testing.assert_allclose(grad, softmax(Z + np.log(PRIORS), axis=1) - np.eye(4)[Y],
                               atol=1e-15)  # fmt: skip
    np.testing.assert_allclose(grad.sum(axis=1), 0, atol=1e-15)
    np.testing.assert_array_equal(
        logit_adjusted_cross_entropy_grad(Z, Y, PRIORS, tau=0.0), cross_entropy_grad(Z, Y)
    )


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_extreme_logits(dtype):
    z = np.array([[1e4, 0.0, -1e4, 0.0], [-1e4, 1e4, 0.0, 0.0]], dtype=dtype)
    loss = logit_adjusted_cross_entropy(z, [2, 1], PRIORS.astype(dtype), reduction="none")
    grad = logit_adjusted_cross_entropy_grad(z, [2, 1], PRIORS.tolist())
    assert loss.dtype == grad.dtype == dtype
    assert np.all(np.isfinite(loss)) and np.all(np.isfinite(grad))
    np.testing.assert_allclose(loss[0], 2e4 + math.log(0.6 / 0.1), rtol=1e-6)
    # float32 agrees with float64 to float32's precision on ordinary logits.
    a = logit_adjusted_cross_entropy(Z.astype(dtype), Y, PRIORS.astype(dtype), reduction="none")
    np.testing.assert_allclose(a, logit_adjusted_cross_entropy(Z, Y, PRIORS, reduction="none"),
                               rtol=1e-5 if dtype == np.float32 else 1e-15)  # fmt: skip


def test_tiny_priors_stay_finite():
    got = logit_adjusted_cross_entropy(Z, Y, [0.5, 0.5, 1e-300, 5e-324], reduction="none")
    assert np.all(np.isfinite(got))
    assert got[1] == pytest.approx(by_hand(list(Z[1]), 3, [0.5, 0.5, 1e-300, 5e-324], 1.0))


@pytest.mark.parametrize(
    ("args", "kwargs", "exc", "match"),
    [
        ((Z, Y, PRIORS[:3]), {}, ValueError, r"class_priors must have shape \(C,\) = \(4,\)"),
        ((Z, Y, [0.5, 0.5, 0.0, 0.0]), {}, ValueError, r"class_priors\[2\] is 0: a class"),
        ((Z, Y, [0.5, 0.5, np.inf, 0.1]), {}, ValueError, "class_priors must be finite"),
        ((Z, Y, PRIORS[None]), {}, ValueError, "class_priors must be 1-D"),
        ((Z, Y, PRIORS), {"tau": -0.5}, ValueError, "tau must be >= 0, .*post-hoc"),
        ((Z, Y, PRIORS), {"tau": None}, TypeError, "tau must be a real number"),
        ((Z, Y, ["a"] * 4), {}, TypeError, "class_priors"),
        ((5.0, 0, PRIORS), {}, ValueError, "logits must be"),
        ((Z, Y, PRIORS), {"weight": W[:2]}, ValueError, "weight must have shape"),
    ],
)
def test_bad_input(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        logit_adjusted_cross_entropy(*args, **kwargs)
    if kwargs.get("tau") is not None:
        with pytest.raises(exc, match=match):
            logit_adjusted_cross_entropy_grad(*args, **kwargs)


def test_tau_that_rounds_to_zero_in_float32():
    with pytest.raises(ValueError, match="tau=1e-50 rounds to 0 in float32"):
        logit_adjusted_cross_entropy(Z.astype(np.float32), Y, PRIORS.tolist(), tau=1e-50)
