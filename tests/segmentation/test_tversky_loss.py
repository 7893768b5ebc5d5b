"""Tests for tversky_loss and tversky_loss_grad."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossdocs import dice_loss, jaccard_loss, tversky_loss, tversky_loss_grad

unit_batches = hnp.arrays(
    np.float64,
    hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=4),
    elements=st.floats(0, 1),
)


def _pair(seed, shape=(3, 2, 4), *, hard_target=False):
    rng = np.random.default_rng(seed)
    probs = rng.uniform(0.05, 0.95, shape)
    target = rng.integers(0, 2, shape).astype(float) if hard_target else rng.uniform(0, 1, shape)
    return probs, target


def _by_counts(tp, fp, fn, alpha, beta, smooth=0.0):
    return 1 - (tp + smooth) / (tp + alpha * fp + beta * fn + smooth)


def test_hard_masks_from_their_counts():
    # Sample 0: P = {0, 1}, T = {0, 1, 2, 3}: TP 2, FP 0, FN 2. Sample 1: P = all, T = {0, 1}.
    probs = [[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]
    target = [[1, 1, 1, 1], [1, 1, 0, 0]]
    got = tversky_loss(probs, target, reduction="none")
    np.testing.assert_allclose(got, [_by_counts(2, 0, 2, 0.3, 0.7), _by_counts(2, 2, 0, 0.3, 0.7)])
    # beta > alpha: missing two pixels costs more than painting two extra.
    assert got[0] > got[1]


def test_soft_counts_and_smooth():
    p, t = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])
    tp, fp, fn = 0.9 + 0.6, 0.2, 0.1 + 0.4
    got = tversky_loss(p, t, alpha=0.4, beta=0.9, smooth=0.5)
    assert got == pytest.approx(_by_counts(tp, fp, fn, 0.4, 0.9, 0.5), rel=1e-12)


@settings(max_examples=50, deadline=None)
@given(unit_batches, unit_batches, st.sampled_from([0.0, 1.0]))
def test_half_half_is_dice_and_one_one_is_jaccard(a, b, smooth):
    b = np.resize(b, a.shape)
    keep = np.sum(a + b, axis=tuple(range(1, a.ndim))) > 1e-3  # eps inactive
    # Dice's smooth s sits as 2I + s over card + s; Tversky(0.5, 0.5) is (I + s')/(card/2 + s').
    d = dice_loss(a, b, smooth=2 * smooth, reduction="none")[keep]
    t = tversky_loss(a, b, alpha=0.5, beta=0.5, smooth=smooth, reduction="none")[keep]
    np.testing.assert_allclose(t, d, rtol=1e-9, atol=1e-12)
    j = jaccard_loss(a, b, smooth=smooth, reduction="none")[keep]
    t = tversky_loss(a, b, alpha=1.0, beta=1.0, smooth=smooth, reduction="none")[keep]
    np.testing.assert_allclose(t, j, rtol=1e-9, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(unit_batches, unit_batches, st.floats(0, 3), st.floats(0, 3))
def test_in_unit_interval_and_swapping_roles_swaps_weights(a, b, alpha, beta):
    b = np.resize(b, a.shape)
    ab = tversky_loss(a, b, alpha=alpha, beta=beta, reduction="none")
    assert np.all((ab >= 0) & (ab <= 1))
    # FP of (a, b) are the FN of (b, a): exchanging probs and target exchanges alpha and beta.
    ba = tversky_loss(b, a, alpha=beta, beta=alpha, reduction="none")
    np.testing.assert_allclose(ab, ba, rtol=1e-9, atol=1e-12)


def test_zero_weights_and_perfect_prediction():
    mask = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
    np.testing.assert_array_equal(tversky_loss(mask, mask, reduction="none"), [0.0, 0.0])
    # alpha = 0: false positives are free, so predicting everything scores 0.
    assert tversky_loss(np.ones((1, 3)), [[1, 0, 0]], alpha=0.0) == 0.0


def test_empty_masks_and_reductions():
    empty = np.zeros((2, 3))
    np.testing.assert_array_equal(tversky_loss(empty, empty, reduction="none"), [1.0, 1.0])
    np.testing.assert_array_equal(tversky_loss(empty, empty, smooth=1, reduction="none"), 0)
    probs, target = _pair(1, (4, 5))
    none = tversky_loss(probs, target, reduction="none")
    assert tversky_loss(probs, target) == pytest.approx(none.mean())
    assert tversky_loss(probs, target, reduction="sum") == pytest.approx(none.sum())


def test_axis_per_sample_and_class():
    probs, target = _pair(2, (2, 3, 4, 5))
    got = tversky_loss(probs, target, axis=(2, 3), reduction="none")
    flat = tversky_loss(probs.reshape(6, 20), target.reshape(6, 20), reduction="none")
    np.testing.assert_allclose(got.ravel(), flat)


def test_no_cancellation_near_a_perfect_prediction():
    # 1 - TI computed as 1 - ratio would be 0 or an ulp; the FP / FN form keeps 1e-12.
    t = np.zeros(1000)
    t[:500] = 1.0
    p = t.copy()
    p[0] = 1 - 1e-12
    assert tversky_loss(p, t) == pytest.approx(0.7e-12 / 500, rel=1e-3)


@pytest.mark.parametrize(("alpha", "beta"), [(0.3, 0.7), (0.5, 0.5), (1.0, 1.0), (0.0, 2.0)])
@pytest.mark.parametrize("smooth", [0.0, 0.5])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("hard_target", [False, True])
def test_grad_matches_finite_differences(alpha, beta, smooth, reduction, hard_target):
    probs, target = _pair(5, hard_target=hard_target)
    kw = dict(alpha=alpha, beta=beta, smooth=smooth, reduction=reduction)
    num = numeric_grad(lambda p: tversky_loss(p, target, **kw), probs)
    np.testing.assert_allclose(tversky_loss_grad(probs, target, **kw), num, rtol=1e-6, atol=1e-9)


def test_grad_with_axis_and_where_eps_is_active():
    probs, target = _pair(6)
    num = numeric_grad(lambda p: tversky_loss(p, target, axis=2), probs)
    np.testing.assert_allclose(tversky_loss_grad(probs, target, axis=2), num, rtol=1e-6, atol=1e-9)
    # eps = 1 above every denominator: the loss is 1 - TP, its gradient -t.
    p, t = np.array([0.2, 0.1, 0.05]), np.array([0.3, 0.0, 0.0])
    np.testing.assert_allclose(tversky_loss_grad(p, t, eps=1.0), -t, rtol=1e-12)


def test_grad_at_half_half_is_the_dice_gradient():
    from lossdocs import dice_loss_grad

    probs, target = _pair(7)
    np.testing.assert_allclose(
        tversky_loss_grad(probs, target, alpha=0.5, beta=0.5), dice_loss_grad(probs, target)
    )


def test_float32_and_nan():
    probs, target = _pair(8, (2, 6))
    p32, t32 = probs.astype(np.float32), target.astype(np.float32)
    out = tversky_loss(p32, t32, reduction="none")
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, tversky_loss(probs, target, reduction="none"), rtol=1e-5)
    assert tversky_loss_grad(p32, t32).dtype == np.float32
    probs[0, 0] = np.nan
    out = tversky_loss(probs, target, reduction="none")
    assert np.isnan(out[0]) and np.isfinite(out[1])


@pytest.mark.parametrize("fn", [tversky_loss, tversky_loss_grad])
@pytest.mark.parametrize(
    ("kw", "error", "name"),
    [
        ({"alpha": -0.1}, ValueError, "alpha"),
        ({"beta": -1}, ValueError, "beta"),
        ({"alpha": np.inf}, ValueError, "alpha"),
        ({"beta": np.nan}, ValueError, "beta"),
        ({"alpha": None}, TypeError, "alpha"),
        ({"beta": "0.7"}, TypeError, "beta"),
        ({"smooth": -1.0}, ValueError, "smooth"),
        ({"eps": -1e-7}, ValueError, "eps"),
        ({"axis": 2}, ValueError, "axis"),
        ({"reduction": "avg"}, ValueError, "reduction"),
    ],
)
def test_bad_input_names_the_argument(fn, kw, error, name):
    with pytest.raises(error, match=name):
        fn([[0.5, 0.5]], [[1, 0]], **kw)


def test_bad_arrays_and_grad_reduction():
    with pytest.raises(ValueError, match="probs"):
        tversky_loss([[1.5, 0.5]], [[1, 0]])
    with pytest.raises(ValueError, match="target"):
        tversky_loss([[0.5, 0.5]], [[1, 0, 1]])
    with pytest.raises(ValueError, match="reduction"):
        tversky_loss_grad([[0.5, 0.5]], [[1, 0]], reduction="none")
