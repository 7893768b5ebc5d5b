"""Tests for lossdocs.contrastive: InfoNCE with a queue or in-batch negatives, and its gradient."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import info_nce, info_nce_grad

RNG = np.random.default_rng(0)
Q, KPOS, KNEG = RNG.normal(size=(4, 3)), RNG.normal(size=(4, 3)), RNG.normal(size=(6, 3))
MODES = {"queue": KNEG, "in-batch": None}


def unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def explicit_logits(q, k, neg, tau, normalize):
    """The logits and targets written out as in the MoCo and SimCLR papers."""
    if normalize:
        q, k = unit(q), unit(k)
        neg = None if neg is None else unit(neg)
    if neg is None:
        return q @ k.T / tau, np.arange(len(q))
    logits = np.concatenate([np.sum(q * k, 1, keepdims=True), q @ neg.T], 1) / tau
    return logits, np.zeros(len(q), dtype=int)


def test_hand_checked_values():
    # q = k+ = (1, 0), k- = (0, 1), tau = 1/2: logits [2, 0], loss log(1 + e^-2).
    assert info_nce([[1, 0]], [[1, 0]], [[0, 1]], temperature=0.5) == pytest.approx(
        math.log1p(math.exp(-2)), rel=1e-15
    )
    # In-batch, tau = 1: q = e1, e2; keys (1, 0) and (1, 1) -> (1, 0), (1, 1)/sqrt 2.
    # Row 0 logits [1, r] (r = 1/sqrt 2), target 0: log(1 + e^(r - 1)).
    # Row 1 logits [0, r], target 1: log(1 + e^-r).
    r = 1 / math.sqrt(2)
    got = info_nce([[1, 0], [0, 1]], [[1, 0], [1, 1]], temperature=1.0, reduction="none")
    np.testing.assert_allclose(got, [math.log1p(math.exp(r - 1)), math.log1p(math.exp(-r))])


def test_hand_checked_gradient():
    # q = (2, 0), k+ = (1, 0), k- = (0, 1), tau = 1. u = (1, 0), logits [1, 0],
    # p = [s(1), s(-1)]; d/du = (p0 - 1) k+ + p1 k- = (-s(-1), s(-1)); project out u and
    # divide by |q| = 2: (0, s(-1) / 2). Without normalisation it is (-s(-2), s(-2)), logits [2, 0].
    s = 1 / (1 + math.exp(1))
    got = info_nce_grad([[2, 0]], [[1, 0]], [[0, 1]], temperature=1.0)
    np.testing.assert_allclose(got, [[0, s / 2]], atol=1e-16)
    s2 = 1 / (1 + math.exp(2))
    got = info_nce_grad([[2, 0]], [[1, 0]], [[0, 1]], temperature=1.0, normalize=False)
    np.testing.assert_allclose(got, [[-s2, s2]])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("normalize", [True, False])
@pytest.mark.parametrize("tau", [0.07, 1.0])
def test_equals_cross_entropy_over_explicit_logits(mode, normalize, tau):
    logits, target = explicit_logits(Q, KPOS, MODES[mode], tau, normalize)
    m = logits.max(1, keepdims=True)
    logp = logits - m - np.log(np.exp(logits - m).sum(1, keepdims=True))
    expected = -logp[np.arange(len(Q)), target]
    got = info_nce(Q, KPOS, MODES[mode], temperature=tau, normalize=normalize, reduction="none")
    # atol: the naive form loses relative accuracy on tiny losses (ours uses log1p).
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("normalize", [True, False])
def test_equals_lossdocs_cross_entropy(mode, normalize):
    from lossdocs import cross_entropy  # imported here: a sibling family's name

    logits, target = explicit_logits(Q, KPOS, MODES[mode], 0.07, normalize)
    kw = {"temperature": 0.07, "normalize": normalize}
    for reduction in ("none", "sum", "mean"):
        got = info_nce(Q, KPOS, MODES[mode], reduction=reduction, **kw)
        expected = cross_entropy(logits, target, reduction=reduction)
        np.testing.assert_allclose(got, expected, rtol=1e-12)


@pytest.mark.parametrize("mode", MODES)
def test_reductions_agree(mode):
    per = info_nce(Q, KPOS, MODES[mode], reduction="none")
    assert per.shape == (4,)
    assert info_nce(Q, KPOS, MODES[mode], reduction="sum") == pytest.approx(per.sum())
    assert info_nce(Q, KPOS, MODES[mode]) == pytest.approx(per.mean())
    g_sum = info_nce_grad(Q, KPOS, MODES[mode], reduction="sum")
    np.testing.assert_allclose(info_nce_grad(Q, KPOS, MODES[mode]), g_sum / 4)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("normalize", [True, False])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_gradient_matches_finite_differences(mode, normalize, reduction):
    kw = {"temperature": 0.3, "normalize": normalize, "reduction": reduction}
    numeric = numeric_grad(lambda q: info_nce(q, KPOS, MODES[mode], **kw), Q)
    np.testing.assert_allclose(info_nce_grad(Q, KPOS, MODES[mode], **kw), numeric, rtol=1e-6)


@settings(max_examples=30)
@given(c=st.floats(1e-3, 1e3), seed=st.integers(0, 2**16))
def test_normalised_loss_ignores_query_scale_and_gradient_is_orthogonal(c, seed):
    rng = np.random.default_rng(seed)
    q, k, neg = rng.normal(size=(3, 5)), rng.normal(size=(3, 5)), rng.normal(size=(4, 5))
    np.testing.assert_allclose(info_nce(c * q, k, neg), info_nce(q, k, neg), rtol=1e-12)
    g = info_nce_grad(q, k, neg, reduction="sum")
    np.testing.assert_allclose(np.sum(g * q, axis=1), 0, atol=1e-12)


@settings(max_examples=30)
@given(seed=st.integers(0, 2**16), tau=st.floats(0.01, 10))
def test_nonnegative_and_below_chance_bound_at_high_temperature(seed, tau):
    rng = np.random.default_rng(seed)
    q, k, neg = rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), rng.normal(size=(5, 4))
    assert np.all(info_nce(q, k, neg, temperature=tau, reduction="none") >= 0)
    # tau -> inf: every logit -> 0, the loss -> log(number of candidates).
    assert info_nce(q, k, neg, temperature=1e9) == pytest.approx(math.log(6))
    assert info_nce(q, k, temperature=1e9) == pytest.approx(math.log(3))


def test_lower_temperature_concentrates_gradient_on_hardest_negative():
    # Negatives along orthogonal axes e1..e3, so gradient component j is p_j / tau:
    # the share of the hardest negative (largest q.k-, here e1) is its softmax weight.
    q = np.array([[1.0, 0.8, 0.5, 0.1]])
    pos, negs = np.array([[1.0, 0, 0, 0]]), np.eye(4)[1:]
    shares = []
    for tau in [2.0, 1.0, 0.5, 0.1, 0.05]:
        g = info_nce_grad(q, pos, negs, temperature=tau, normalize=False, reduction="sum")[0, 1:]
        shares.append(g[0] / g.sum())
    assert np.all(np.diff(shares) > 0)
    assert shares[-1] > 0.99 and shares[0] < 0.5


def test_empty_queue_and_single_pair():
    # With no negatives the positive is the only candidate: loss 0, gradient 0.
    assert info_nce(Q, KPOS, np.zeros((0, 3))) == 0
    np.testing.assert_array_equal(info_nce_grad(Q, KPOS, np.zeros((0, 3))), 0)
    assert info_nce(Q[:1], KPOS[:1]) == 0  # in-batch with a batch of one


@pytest.mark.parametrize("mode", MODES)
def test_empty_batch_sums_to_zero(mode):
    empty = np.zeros((0, 3))
    assert info_nce(empty, empty, MODES[mode], reduction="none").shape == (0,)
    assert info_nce(empty, empty, MODES[mode], reduction="sum") == 0
    assert info_nce_grad(empty, empty, MODES[mode], reduction="sum").shape == (0, 3)


def test_extreme_logits_are_finite_and_accurate():
    # tau = 1e-4 with unit vectors: logits up to 1e4. The negative equals the query,
    # the positive is orthogonal: logits [0, 1e4], loss 1e4 + log1p(e^-1e4) = 1e4.
    for dtype in (np.float64, np.float32):
        q = np.array([[1, 0]], dtype=dtype)
        loss = info_nce(q, np.array([[0, 1]], dtype=dtype), q, temperature=1e-4)
        assert loss.dtype == dtype and loss == pytest.approx(1e4, rel=1e-6)
        assert info_nce(q, q, np.array([[0, 1]], dtype=dtype), temperature=1e-4) == 0


def test_gradient_accurate_when_the_positive_already_wins():
    # normalize=False, tau = 1, q = (1, 0), k+ = (50, 0), k- = (0, 1): logits [50, 0],
    # gradient ((p+ - 1) * 50, p-) = (-50 s, s) with s = sigmoid(-50) ~ 2e-22; a naive
    # p+ - 1 rounds to 0 there.
    s = 1 / (1 + math.exp(50))
    g = info_nce_grad([[1, 0]], [[50, 0]], [[0, 1]], temperature=1.0, normalize=False)
    np.testing.assert_allclose(g, [[-50 * s, s]], rtol=1e-14)


@pytest.mark.parametrize("mode", MODES)
def test_float32_in_float32_out(mode):
    f32 = [None if a is None else a.astype(np.float32) for a in (Q, KPOS, MODES[mode])]
    for func in (info_nce, info_nce_grad):
        got = func(*f32)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, func(Q, KPOS, MODES[mode]), rtol=1e-5, atol=1e-6)
    # Tiny and huge float32 vectors still normalise (their squares would under/overflow).
    for c in (1e-30, 1e30):
        scaled = [None if a is None else a * np.float32(c) for a in f32]
        np.testing.assert_allclose(info_nce(*scaled), info_nce(*f32), rtol=1e-5)
    ints = info_nce(np.eye(2, dtype=int), np.eye(2, dtype=int))
    assert np.asarray(ints).dtype == np.float64


def test_nan_propagates():
    q = Q.copy()
    q[1, 0] = np.nan
    per = info_nce(q, KPOS, KNEG, reduction="none")
    assert np.isnan(per[1]) and np.all(np.isfinite(np.delete(per, 1)))
    assert np.all(np.isnan(info_nce_grad(q, KPOS, KNEG, reduction="sum")[1]))
    neg = KNEG.copy()
    neg[0, 2] = np.nan  # a shared negative reaches every query
    assert np.all(np.isnan(info_nce(Q, KPOS, neg, reduction="none")))


def test_zero_vector_without_normalisation_is_fine():
    assert np.isfinite(info_nce(np.zeros((2, 3)), KPOS[:2], KNEG, normalize=False))


@pytest.mark.parametrize("name", ["query", "positive_key", "negative_keys"])
@pytest.mark.parametrize("func", [info_nce, info_nce_grad])
def test_zero_vector_under_normalize_raises_naming_the_argument(name, func):
    args = {"query": Q.copy(), "positive_key": KPOS.copy(), "negative_keys": KNEG.copy()}
    args[name][2] = 0
    with pytest.raises(ValueError, match=rf"{name}\[2\] is a zero vector"):
        func(**args)


@pytest.mark.parametrize("func", [info_nce, info_nce_grad])
@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"query": Q[0]}, "query"),
        ({"query": np.zeros((4, 0)), "positive_key": np.zeros((4, 0))}, "query"),
        ({"positive_key": KPOS[:3]}, "positive_key"),
        ({"positive_key": KPOS[:, :2]}, "positive_key"),
        ({"negative_keys": KNEG[:, :2]}, "negative_keys"),
        ({"negative_keys": KNEG[0]}, "negative_keys"),
        ({"temperature": 0.0}, "temperature"),
        ({"temperature": -0.1}, "temperature"),
        ({"temperature": float("nan")}, "temperature"),
        ({"reduction": "avg"}, "reduction"),
        ({"query": np.zeros((0, 3)), "positive_key": np.zeros((0, 3))}, "query"),
    ],
)
def test_bad_values_raise_naming_the_argument(func, change, name):
    args = {"query": Q, "positive_key": KPOS, "negative_keys": KNEG, **change}
    with pytest.raises(ValueError, match=name):
        func(**args)


@pytest.mark.parametrize("func", [info_nce, info_nce_grad])
@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"temperature": "0.1"}, "temperature"),
        ({"normalize": "yes"}, "normalize"),
        ({"query": [["a", "b", "c"]] * 4}, "query"),
        ({"negative_keys": KNEG.astype(complex)}, "negative_keys"),
    ],
)
def test_bad_types_raise_naming_the_argument(func, change, name):
    args = {"query": Q, "positive_key": KPOS, "negative_keys": KNEG, **change}
    with pytest.raises(TypeError, match=name):
        func(**args)


def test_gradient_refuses_reduction_none():
    with pytest.raises(ValueError, match="reduction"):
        info_nce_grad(Q, KPOS, KNEG, reduction="none")
    assert info_nce(Q, KPOS, KNEG, reduction="none").shape == (4,)


# Issue 11's reproducers.


def test_a_temperature_below_one_over_max_float_gives_the_finite_exact_loss():
    # logits [1 - 1e-12, 1], positive first: the loss is 1e-12 / t + log1p(e^-(1e-12 / t)).
    q, pos, neg = np.array([[1.0, 0.0]]), np.array([[1 - 1e-12, 0.0]]), np.array([[1.0, 0.0]])
    loss = info_nce(q, pos, neg, temperature=1e-300, normalize=False)
    assert loss == pytest.approx((1 - (1 - 1e-12)) / 1e-300, rel=1e-12)
    assert info_nce(np.eye(2), np.eye(2), temperature=5e-324) == 0.0


def test_a_temperature_that_rounds_to_zero_in_float32_is_refused_by_name():
    for fn in (info_nce, info_nce_grad):
        with pytest.raises(ValueError, match=r"temperature=1e-50 rounds to 0 in float32"):
            fn(np.float32([[1, 0], [0, 1]]), np.float32([[1, 0], [0, 1]]), temperature=1e-50)


@pytest.mark.parametrize("normalize", [True, False])
def test_an_infinite_embedding_gives_nan_without_a_warning(normalize):
    out = info_nce([[np.inf, 0.0], [0.0, 1.0]], np.eye(2), normalize=normalize, reduction="none")
    assert np.isnan(out[0])
