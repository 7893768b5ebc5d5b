"""Tests for lossdocs.alignment.dpo: DPO (with label smoothing) and IPO."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import bradley_terry_loss, dpo_loss, log_sigmoid

logps = arrays(np.float64, 4, elements=st.floats(-200.0, 0.0))


def _h(pc, pr, rc, rr):
    return (pc - pr) - (rc - rr)


def _same_h(h):
    """Another quadruple of log-probabilities (all <= 0) with the same h."""
    k = np.abs(h) + 1.0
    return -k, -k - h, -k + np.zeros_like(h), -k + np.zeros_like(h)


@settings(max_examples=60, deadline=None)  # a shared 2-core machine: no timing limit
@given(logps, logps, logps, logps, st.sampled_from([0.01, 0.1, 0.5, 2.0]))
@pytest.mark.parametrize(
    "options", [{}, {"label_smoothing": 0.2}, {"label_smoothing": 0.5}, {"loss_type": "ipo"}]
)
def test_depends_only_on_h(options, pc, pr, rc, rr, beta):
    h = _h(pc, pr, rc, rr)
    got = dpo_loss(pc, pr, rc, rr, beta=beta, reduction="none", **options)
    again = dpo_loss(*_same_h(h), beta=beta, reduction="none", **options)
    # h is recomputed from other inputs: it agrees up to a few ulps of the inputs' size.
    slope = beta if options.get("loss_type") != "ipo" else 2 * (np.abs(h) + 1 / (2 * beta))
    tol = float(np.max(slope)) * 8 * np.finfo(np.float64).eps * 4 * 200
    np.testing.assert_allclose(got, again, rtol=1e-12, atol=tol)


@settings(max_examples=60, deadline=None)  # a shared 2-core machine: no timing limit
@given(logps, logps, logps, logps, st.sampled_from([0.05, 0.1, 1.0]))
def test_sigmoid_dpo_is_bradley_terry_on_the_implicit_rewards(pc, pr, rc, rr, beta):
    got = dpo_loss(pc, pr, rc, rr, beta=beta, reduction="none")
    bt = bradley_terry_loss(beta * (pc - rc), beta * (pr - rr), reduction="none")
    np.testing.assert_allclose(got, bt, rtol=1e-12, atol=beta * 1e-12)


def test_values_at_h_zero_and_the_label_smoothing_mixture():
    h = np.array([-30.0, -2.0, 0.0, 2.0, 30.0])
    args = _same_h(h)
    for eps in (0.0, 0.1, 0.5):
        got = dpo_loss(*args, beta=0.1, label_smoothing=eps, reduction="none")
        mix = -(1 - eps) * log_sigmoid(0.1 * h) - eps * log_sigmoid(-0.1 * h)
        np.testing.assert_allclose(got, mix, rtol=1e-15)
        assert got[2] == pytest.approx(math.log(2), rel=1e-15)  # log 2 whatever eps
    at_half = dpo_loss(*args, beta=0.1, label_smoothing=0.5, reduction="none")
    np.testing.assert_allclose(at_half, at_half[::-1], rtol=1e-15)  # symmetric in h


def test_ipo_is_zero_at_its_target_margin_and_quadratic_around_it():
    beta = 0.1
    h = np.array([0.0, 1 / (2 * beta), 1 / (2 * beta) + 3.0])
    got = dpo_loss(*_same_h(h), beta=beta, loss_type="ipo", reduction="none")
    np.testing.assert_allclose(got, [25.0, 0.0, 9.0], rtol=1e-13, atol=1e-13)


@pytest.mark.parametrize("eps", [0.0, 0.1])
def test_gradient_weight_is_beta_times_sigmoid_minus_eps(eps):
    # d loss / d log pi(y_c) = -beta (sigma(-beta h) - eps) = -d loss / d log pi(y_r).
    rng = np.random.default_rng(1)
    pc, pr = -rng.uniform(5, 30, 6), -rng.uniform(5, 30, 6)
    rc, rr = -rng.uniform(5, 30, 6), -rng.uniform(5, 30, 6)
    beta = 0.5
    h = _h(pc, pr, rc, rr)
    weight = beta * (1 / (1 + np.exp(beta * h)) - eps)
    loss_c = lambda x: dpo_loss(x, pr, rc, rr, beta=beta, label_smoothing=eps, reduction="sum")  # noqa: E731
    loss_r = lambda x: dpo_loss(pc, x, rc, rr, beta=beta, label_smoothing=eps, reduction="sum")  # noqa: E731
    np.testing.assert_allclose(numeric_grad(loss_c, pc), -weight, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(numeric_grad(loss_r, pr), weight, rtol=1e-6, atol=1e-9)


def test_conservative_dpo_stops_pushing_at_a_finite_margin():
    beta, eps = 0.1, 0.1
    h_star = math.log((1 - eps) / eps) / beta
    g = numeric_grad(
        lambda x: dpo_loss(x, [-50.0], [-50.0], [-50.0], beta=beta, label_smoothing=eps),
        np.array([-50.0 + h_star]),
    )
    assert abs(g[0]) < 1e-8


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_margins_are_finite_and_keep_the_dtype(dtype):
    h = np.array([-1e4, -100.0, 0.0, 100.0, 1e4])
    args = [a.astype(dtype) for a in _same_h(h)]
    got = dpo_loss(*args, beta=1.0, reduction="none")
    assert got.dtype == dtype
    expected = [1e4, 100.0, math.log(2), math.exp(-100), 0.0]
    # e^-100 is subnormal in float32, with fewer digits: an absolute floor there.
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=np.finfo(dtype).tiny)
    assert got[-1] >= 0


def test_nan_propagates():
    got = dpo_loss([np.nan, -1.0], [-1.0, -1.0], [-1.0, -1.0], [-1.0, -1.0], reduction="none")
    assert np.isnan(got[0]) and got[1] == pytest.approx(math.log(2))


GOOD = ([-1.0], [-2.0], [-1.5], [-1.5])


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        (([-1.0, -2.0], [-1.0], [-1.0], [-1.0]), {}, ValueError, "policy_rejected_logps must have"),
        (([-1.0], [-1.0], [-1.0], [-1.0, -2.0]), {}, ValueError, "reference_rejected_logps must"),
        (([0.5], [-1.0], [-1.0], [-1.0]), {}, ValueError, "policy_chosen_logps must hold log-prob"),
        (([-1.0], [-1.0], [2.0], [-1.0]), {}, ValueError, "reference_chosen_logps must hold log"),
        (GOOD, {"beta": 0.0}, ValueError, "beta must be > 0"),
        (GOOD, {"beta": "0.1"}, TypeError, "beta must be a real number"),
        (GOOD, {"label_smoothing": -0.1}, ValueError, "label_smoothing must lie in \\[0, 0.5\\]"),
        (GOOD, {"label_smoothing": 0.6}, ValueError, "label_smoothing must lie in .* mostly wrong"),
        (GOOD, {"loss_type": "ipo", "label_smoothing": 0.1}, ValueError, "must be 0 with"),
        (GOOD, {"loss_type": "hinge"}, ValueError, "loss_type must be one of"),
        (GOOD, {"reduction": None}, ValueError, "reduction must be a string"),
        (([], [], [], []), {}, ValueError, "policy_chosen_logps is empty"),
    ],
)
def test_bad_input_names_the_argument(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        dpo_loss(*args, **kwargs)
