"""Tests for the multiclass losses: zero_one, cross_entropy, nll_loss, cross_entropy_grad."""

import itertools
import math
import re

import mpmath
import numpy as np
import pytest
from classification._helpers import RNG, Y, Z
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import cross_entropy, cross_entropy_grad, log_softmax, nll_loss, zero_one

W = np.array([0.5, 2.0, 1.0, 3.0])
ONE_HOT = np.eye(4)[Y]


def ce_by_hand(z, y):
    """-log softmax(z)[y] with the math module: log(sum_j e^{z_j}) - z_y."""
    return math.log(sum(math.exp(v) for v in z)) - z[y]


def test_cross_entropy_hand_values():
    per = cross_entropy(Z, Y, reduction="none")
    expected = [ce_by_hand(list(z), y) for z, y in zip(Z, Y, strict=True)]
    np.testing.assert_allclose(per, expected, rtol=1e-13)
    # Equal logits: softmax is uniform, so the loss is log C for any target.
    assert cross_entropy(np.zeros((3, 7)), [0, 3, 6]) == pytest.approx(math.log(7))
    # Two classes: CE([z, 0], 0) = log(1 + e^{-z}) (the logistic loss); z = 2 gives 0.126928...
    assert cross_entropy([[2.0, 0.0]], [0]) == pytest.approx(math.log1p(math.exp(-2.0)))


def test_label_smoothing_hand_value():
    # Uniform logits over C=4: every log p = -log 4, and q sums to 1, so the loss stays log 4.
    assert cross_entropy(np.zeros((2, 4)), [1, 2], label_smoothing=0.4) == pytest.approx(
        math.log(4)
    )
    # z = (2, 1, 0.1), y = 0, eps = 0.3: 0.7 * (-log p0) + 0.1 * sum_c(-log p_c).
    z = [2.0, 1.0, 0.1]
    expected = 0.7 * ce_by_hand(z, 0) + 0.1 * sum(ce_by_hand(z, c) for c in range(3))
    assert cross_entropy([z], [0], label_smoothing=0.3) == pytest.approx(expected, rel=1e-13)


def test_against_mpmath():
    mpmath.mp.dps = 40
    z = [3.5, -20.0, 0.25, 7.0]
    for y in range(4):
        exact = mpmath.log(sum(mpmath.exp(mpmath.mpf(v)) for v in z)) - z[y]
        assert cross_entropy([z], [y]) == pytest.approx(float(exact), rel=1e-14)


@pytest.mark.parametrize("eps", [0.0, 0.25])
@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
def test_index_equals_one_hot_without_weights(eps, reduction):
    a = cross_entropy(Z, Y, label_smoothing=eps, reduction=reduction)
    b = cross_entropy(Z, ONE_HOT, label_smoothing=eps, reduction=reduction)
    np.testing.assert_allclose(a, b, rtol=1e-13)
    grad_reduction = "sum" if reduction == "none" else reduction
    ga = cross_entropy_grad(Z, Y, label_smoothing=eps, reduction=grad_reduction)
    gb = cross_entropy_grad(Z, ONE_HOT, label_smoothing=eps, reduction=grad_reduction)
    np.testing.assert_allclose(ga, gb, rtol=1e-13, atol=1e-16)


@pytest.mark.parametrize("eps", [0.0, 0.25])
def test_index_vs_one_hot_with_weights(eps):
    # Per sample and summed they agree; 'mean' divides by sum_i w_{y_i} (indices) vs N (probs).
    for reduction in ["none", "sum"]:
        a = cross_entropy(Z, Y, weight=W, label_smoothing=eps, reduction=reduction)
        b = cross_entropy(Z, ONE_HOT, weight=W, label_smoothing=eps, reduction=reduction)
        np.testing.assert_allclose(a, b, rtol=1e-13)
    total = cross_entropy(Z, Y, weight=W, label_smoothing=eps, reduction="sum")
    assert cross_entropy(Z, Y, weight=W, label_smoothing=eps) == pytest.approx(total / W[Y].sum())
    assert cross_entropy(Z, ONE_HOT, weight=W, label_smoothing=eps) == pytest.approx(total / 5)


def test_cross_entropy_is_nll_of_log_softmax():
    y = Y.copy()
    y[2] = -100
    for kw in [{}, {"weight": W}, {"ignore_index": 3, "weight": W}]:
        if "ignore_index" in kw:
            y = Y  # class 3 (sample 1) is the ignored one now
        for reduction in ["none", "sum", "mean"]:
            a = cross_entropy(Z, y, reduction=reduction, **kw)
            b = nll_loss(log_softmax(Z, axis=1), y, reduction=reduction, **kw)
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("weight", [None, W])
def test_label_smoothing_is_the_mixture_target(weight):
    eps = 0.2
    mixture = (1 - eps) * ONE_HOT + eps / 4
    smoothed = cross_entropy(Z, Y, weight=weight, label_smoothing=eps, reduction="none")
    explicit = cross_entropy(Z, mixture, weight=weight, reduction="none")
    np.testing.assert_allclose(smoothed, explicit, rtol=1e-13)
    # On a probability target, smoothing mixes the given target the same way.
    p = np.full((5, 4), 0.25)
    p[:, 0] += 0.5
    p[:, 1] -= 0.25
    p[:, 2] -= 0.25
    mixed = cross_entropy(Z, (1 - eps) * p + eps / 4, weight=weight, reduction="none")
    np.testing.assert_allclose(
        cross_entropy(Z, p, weight=weight, label_smoothing=eps, reduction="none"), mixed
    )


def test_full_smoothing_is_the_uniform_target():
    uniform = np.full((5, 4), 0.25)
    np.testing.assert_allclose(cross_entropy(Z, Y, label_smoothing=1.0), cross_entropy(Z, uniform))


@pytest.mark.parametrize("eps", [0.0, 0.3])
@pytest.mark.parametrize("weight", [None, W])
def test_ignore_index_equals_dropping_samples(eps, weight):
    y = np.array([0, -100, 1, -100, 2])
    keep = y != -100
    kw = {"weight": weight, "label_smoothing": eps}
    per = cross_entropy(Z, y, reduction="none", **kw)
    assert np.all(per[~keep] == 0)
    np.testing.assert_allclose(per[keep], cross_entropy(Z[keep], y[keep], reduction="none", **kw))
    assert cross_entropy(Z, y, **kw) == pytest.approx(cross_entropy(Z[keep], y[keep], **kw))
    g = cross_entropy_grad(Z, y, **kw)
    assert np.all(g[~keep] == 0)
    np.testing.assert_allclose(g[keep], cross_entropy_grad(Z[keep], y[keep], **kw))


def test_ignore_index_inside_the_class_range():
    # ignore_index=0 drops the samples of class 0 (Y[0] is the only one).
    a = cross_entropy(Z, Y, ignore_index=0)
    assert a == pytest.approx(cross_entropy(Z[1:], Y[1:]))


@pytest.mark.parametrize("kw", [{}, {"weight": W}, {"label_smoothing": 0.1}])
def test_all_ignored_mean_is_quiet_nan(kw):
    y = np.full(5, -100)
    assert np.isnan(cross_entropy(Z, y, **kw))  # filterwarnings=error: no RuntimeWarning
    assert cross_entropy(Z, y, reduction="sum", **kw) == 0
    assert np.isnan(nll_loss(Z, y, weight=kw.get("weight")))
    # The nan loss does not depend on the logits: the gradient is 0, as torch's autograd.
    np.testing.assert_array_equal(cross_entropy_grad(Z, y, **kw), np.zeros_like(Z))


def test_ignored_sample_with_nan_logits_gives_zero():
    z = Z.copy()
    z[1] = np.nan
    per = cross_entropy(z, [0, -100, 1, 1, 2], reduction="none")
    assert per[1] == 0 and np.all(np.isfinite(per))


def to_rows(z):
    """(N, C, d1, d2) -> (N*d1*d2, C)."""
    return np.moveaxis(z, 1, -1).reshape(-1, z.shape[1])


@pytest.mark.parametrize("kind", ["index", "probs"])
@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
def test_k_dim_equals_flattened(kind, reduction):
    z = RNG.normal(size=(2, 3, 4, 5))
    y = RNG.integers(0, 3, size=(2, 4, 5))
    if kind == "index":
        y[0, 1, 2] = -100
        t, t_rows = y, y.reshape(-1)
    else:
        t = RNG.dirichlet(np.ones(3), size=(2, 4, 5)).transpose(0, 3, 1, 2)
        t_rows = to_rows(t)
    kw = {"weight": [1.0, 2.0, 0.5], "label_smoothing": 0.1, "reduction": reduction}
    out = cross_entropy(z, t, **kw)
    rows = cross_entropy(to_rows(z), t_rows, **kw)
    if reduction == "none":
        assert out.shape == (2, 4, 5)
        out = out.reshape(-1)
    np.testing.assert_allclose(out, rows, rtol=1e-13)
    if reduction != "none":
        g = cross_entropy_grad(z, t, **kw)
        np.testing.assert_allclose(to_rows(g), cross_entropy_grad(to_rows(z), t_rows, **kw))
    if kind == "index" and reduction == "none":
        out = nll_loss(z, y, reduction="none")
        np.testing.assert_array_equal(
            out.reshape(-1), nll_loss(to_rows(z), y.reshape(-1), reduction="none")
        )


def test_unbatched_equals_batch_of_one():
    z = Z[0]
    for t in [2, ONE_HOT[1]]:
        assert cross_entropy(z, t, reduction="none").shape == ()
        assert cross_entropy(z, t) == pytest.approx(cross_entropy(z[None], np.asarray(t)[None]))
        np.testing.assert_allclose(
            cross_entropy_grad(z, t, label_smoothing=0.1),
            cross_entropy_grad(z[None], np.asarray(t)[None], label_smoothing=0.1)[0],
        )
    assert nll_loss(z, 3) == pytest.approx(-z[3])


@pytest.mark.parametrize("target", [Y, ONE_HOT])
def test_reductions_agree(target):
    per = cross_entropy(Z, target, reduction="none")
    assert per.shape == (5,)
    assert cross_entropy(Z, target, reduction="sum") == pytest.approx(per.sum())
    assert cross_entropy(Z, target) == pytest.approx(per.mean())


def test_float_whole_number_indices_accepted():
    assert cross_entropy(Z, Y.astype(float)) == cross_entropy(Z, Y)


def test_integer_one_hot_accepted():
    assert cross_entropy(Z, ONE_HOT.astype(int)) == pytest.approx(cross_entropy(Z, Y))


def _target(kind, shape):
    """Class indices (some ignored) or a random probability target for logits `shape`."""
    c = shape[0] if len(shape) == 1 else shape[1]
    if kind == "probs":
        p = RNG.dirichlet(np.ones(c), size=shape[:0] if len(shape) == 1 else (shape[0], *shape[2:]))
        return p if len(shape) == 1 else np.moveaxis(p, -1, 1)
    if len(shape) == 1:
        return np.array(1)
    y = RNG.integers(0, c, size=(shape[0], *shape[2:]))
    y.flat[0] = -100
    return y


GRAD_CASES = list(
    itertools.product(
        [(4,), (3, 4), (2, 4, 3)],  # unbatched, (N, C), (N, C, d1)
        ["index", "probs"],
        [None, W],
        [0.0, 0.3],
        ["mean", "sum"],
    )
)


@pytest.mark.parametrize(("shape", "kind", "weight", "eps", "reduction"), GRAD_CASES)
def test_grad_matches_finite_differences(shape, kind, weight, eps, reduction):
    z = RNG.normal(size=shape) * 2
    t = _target(kind, shape)
    kw = {"weight": weight, "label_smoothing": eps, "reduction": reduction}
    numeric = numeric_grad(lambda x: cross_entropy(x, t, **kw), z, h=1e-5)
    np.testing.assert_allclose(cross_entropy_grad(z, t, **kw), numeric, rtol=1e-6, atol=1e-9)


def test_grad_with_ignore_index_in_range_matches_finite_differences():
    kw = {"weight": W, "ignore_index": 1, "label_smoothing": 0.2}
    numeric = numeric_grad(lambda x: cross_entropy(x, Y, **kw), Z, h=1e-5)
    np.testing.assert_allclose(cross_entropy_grad(Z, Y, **kw), numeric, rtol=1e-6, atol=1e-9)


def test_grad_closed_form_at_uniform_logits():
    # softmax = 1/C everywhere, so the gradient of the mean is (1/C - onehot) / N.
    g = cross_entropy_grad(np.zeros((2, 4)), [1, 3])
    expected = (0.25 - np.eye(4)[[1, 3]]) / 2
    np.testing.assert_allclose(g, expected)


@settings(max_examples=30, deadline=None)
@given(z=arrays(np.float64, (3, 5), elements=st.floats(-50, 50)))
def test_properties(z):
    y = [0, 4, 2]
    per = cross_entropy(z, y, reduction="none")
    assert np.all(per >= 0)
    # Adding a constant to every logit of a row changes nothing.
    np.testing.assert_allclose(cross_entropy(z + 7.0, y, reduction="none"), per, atol=1e-12)
    # Unweighted gradient rows sum to 0 (the target sums to 1).
    g = cross_entropy_grad(z, y, label_smoothing=0.1, reduction="sum")
    np.testing.assert_allclose(g.sum(axis=1), 0, atol=1e-12)


def test_float32_in_float32_out():
    z32 = Z.astype(np.float32)
    for t in [Y, ONE_HOT.astype(np.float32)]:
        out = cross_entropy(z32, t, weight=W, label_smoothing=0.1)
        assert out.dtype == np.float32
        assert out == pytest.approx(cross_entropy(Z, t, weight=W, label_smoothing=0.1), rel=1e-5)
        assert cross_entropy(z32, t, reduction="none").dtype == np.float32
        assert cross_entropy_grad(z32, t, weight=W).dtype == np.float32
    assert nll_loss(z32, Y).dtype == np.float32


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_extreme_logits_finite_and_accurate(dtype):
    z = np.array([[1e4, 0.0, -1e4], [-1e4, 1e4, 0.0]], dtype=dtype)
    per = cross_entropy(z, [2, 1], reduction="none")
    # Row 0: -log p_2 = 1e4 - (-1e4) + log(1 + e^-1e4 + e^-2e4) = 2e4;
    # row 1: -log p_1 = log(1 + e^-1e4 + e^-2e4) = e^-1e4, which underflows to 0.
    np.testing.assert_allclose(per, [2e4, 0.0], rtol=1e-7)
    assert cross_entropy(z, [0, 2], reduction="none")[1] == 1e4
    smooth = cross_entropy(z, [2, 1], label_smoothing=0.3, reduction="none")
    # Row 1 by hand: 0.1 * (-log p_0 - log p_1 - log p_2) = 0.1 * (2e4 + 0 + 1e4).
    np.testing.assert_allclose(smooth[1], 3000.0, rtol=1e-7)
    g = cross_entropy_grad(z, [2, 1], label_smoothing=0.3)
    assert np.all(np.isfinite(g))
    np.testing.assert_allclose(g, [[0.5 - 0.05, -0.05, -0.4], [-0.05, 0.5 - 0.4, -0.05]], atol=1e-6)


def test_minus_inf_logit_masks_a_class():
    # A -inf logit gives p = 0: harmless without smoothing, infinite loss with it (as torch).
    z = np.array([[0.0, 0.0, -np.inf]])
    assert cross_entropy(z, [0]) == pytest.approx(math.log(2))
    assert cross_entropy(z, [0], label_smoothing=0.1) == np.inf


def test_nan_propagates():
    z = Z.copy()
    z[0, 3] = np.nan
    per = cross_entropy(z, Y, reduction="none")
    assert np.isnan(per[0]) and np.all(np.isfinite(per[1:]))
    assert np.isnan(cross_entropy(z, Y))
    assert np.all(np.isnan(cross_entropy_grad(z, Y, reduction="sum")[0]))
    t = ONE_HOT.copy()
    t[2, 1] = np.nan
    per = cross_entropy(Z, t, reduction="none")
    assert np.isnan(per[2]) and np.isfinite(per[3])
    assert np.isnan(nll_loss(z, [3, 3, 1, 1, 2], reduction="none")[0])


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: cross_entropy(Z, Y[:4]), "target"),
        (lambda: cross_entropy(Z, ONE_HOT[:, :3]), "target"),
        (lambda: cross_entropy(Z, [0, 1, 2, 3, 4]), "target"),
        (lambda: cross_entropy(Z, [0, 1, 2, 3, -1]), "target"),
        (lambda: cross_entropy(Z, ONE_HOT * 2), "target"),
        (lambda: cross_entropy(Z, Y, weight=W[:3]), "weight"),
        (lambda: cross_entropy(Z, Y, weight=W[None]), "weight"),
        (lambda: cross_entropy(Z, Y, label_smoothing=-0.1), "label_smoothing"),
        (lambda: cross_entropy(Z, Y, label_smoothing=1.5), "label_smoothing"),
        (lambda: cross_entropy(Z, ONE_HOT, ignore_index=0), "ignore_index"),
        (lambda: cross_entropy(Z, Y, reduction="avg"), "reduction"),
        (lambda: cross_entropy(np.zeros((0, 3)), np.zeros(0, int)), "logits"),
        (lambda: cross_entropy(1.0, 0), "logits"),
        (lambda: cross_entropy(np.zeros((2, 0)), [0, 0]), "logits"),
        (lambda: cross_entropy_grad(Z, Y, reduction="none"), "reduction"),
        (lambda: cross_entropy_grad(Z, Y, label_smoothing=2.0), "label_smoothing"),
        (lambda: nll_loss(Z, ONE_HOT), "target"),
        (lambda: nll_loss(Z, [0, 1, 2, 3, 9]), "target"),
        (lambda: nll_loss(Z, Y, weight=[1.0]), "weight"),
        (lambda: zero_one([1, 2], [1, 2, 3]), "target"),
        (lambda: zero_one([1, 2], [1, 2], reduction="max"), "reduction"),
        (lambda: zero_one([], [], reduction="mean"), "pred_labels"),
    ],
)
def test_bad_inputs_raise_value_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: cross_entropy(Z, [0, 1, 2.5, 3, 0]), "target"),
        (lambda: cross_entropy(Z, Y, ignore_index=1.0), "ignore_index"),
        (lambda: cross_entropy(Z, Y, label_smoothing="0.1"), "label_smoothing"),
        (lambda: cross_entropy([["a", "b"]], [0]), "logits"),
        (lambda: cross_entropy([[1.0, 2.0]], [[0], [1, 2]]), "target"),
    ],
)
def test_bad_inputs_raise_type_error(call, match):
    with pytest.raises(TypeError, match=match):
        call()


def test_empty_batch_sum_is_zero():
    assert cross_entropy(np.zeros((0, 3)), np.zeros(0, int), reduction="sum") == 0
    assert cross_entropy(np.zeros((0, 3)), np.zeros(0, int), reduction="none").shape == (0,)


@pytest.mark.parametrize("target", [0, 1])
def test_a_plus_inf_logit_gives_nan_never_a_negative_loss(target):
    # As PyTorch: the row has no distribution (inf - inf), and no warning.
    assert np.isnan(cross_entropy([[np.inf, 0.0]], [target]))
    assert np.all(np.isnan(cross_entropy_grad([[np.inf, 0.0]], [target])))


def test_label_smoothing_stays_finite_for_logits_near_minus_1e308():
    # log p = [0, -1e308, -1e308]: eps/3 * 2e308 = 6.67e306, the sum alone overflows.
    logits = np.array([[0.0, -1e308, -1e308]])
    exact = 0.1 / 3 * 1e308 * 2  # (1 - eps) * 0 + eps * mean(-log p)
    assert cross_entropy(logits, [0], label_smoothing=0.1) == pytest.approx(exact, rel=1e-15)


def test_a_one_hot_probability_target_keeps_the_target_entry_at_saturation():
    # p_0 = 1 - 4.25e-18 rounds to 1: the gradient at the target is -(1 - p_0), not 0.
    by_index = cross_entropy_grad([[40.0, 0.0]], [0], reduction="sum")
    by_probs = cross_entropy_grad([[40.0, 0.0]], [[1.0, 0.0]], reduction="sum")
    np.testing.assert_array_equal(by_probs, by_index)
    assert by_probs[0, 0] == pytest.approx(-math.exp(-40) / (1 + math.exp(-40)), rel=1e-15)
    smoothed = cross_entropy_grad([[40.0, 0.0]], [0], label_smoothing=1e-30, reduction="sum")
    assert smoothed[0, 0] == pytest.approx(by_index[0, 0], rel=1e-10)


@pytest.mark.parametrize("label", [2.0**63, -(2.0**64), 1e300])
def test_a_float_label_beyond_int64_is_reported_as_given(label):
    with pytest.raises(
        ValueError, match=re.escape(f"target holds {label!r}, beyond the int64 range")
    ):
        cross_entropy([[0.0, 1.0]], np.array([label]))
