"""Tests for generalized_dice_loss and generalized_dice_loss_grad."""

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import dice_loss, generalized_dice_loss, generalized_dice_loss_grad


def _one_hot(labels, num_classes):
    """(N, ...) integer maps to one-hot (N, C, ...) floats."""
    return np.moveaxis(np.eye(num_classes)[labels], -1, 1)


def _softmax_probs(rng, shape):
    z = rng.normal(size=shape)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _gdl_by_loops(p, t):
    """Sudre et al.'s formula sample by sample and class by class, MONAI's weight repair."""
    out = []
    for pn, tn in zip(p, t, strict=True):
        sizes = np.array([tc.sum() for tc in tn])
        finite = [1 / s**2 for s in sizes if s > 0]
        fill = max(finite) if finite else 0.0
        w = [1 / s**2 if s > 0 else fill for s in sizes]
        num = sum(2 * wc * (pc * tc).sum() for wc, pc, tc in zip(w, pn, tn, strict=True))
        den = sum(wc * (pc.sum() + tc.sum()) for wc, pc, tc in zip(w, pn, tn, strict=True))
        out.append(1 - num / max(den, 1e-7))
    return np.array(out)


def test_against_loops_with_an_absent_class():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, (4, 5, 6))
    labels[1][labels[1] == 2] = 0  # class 2 absent from sample 1
    target = _one_hot(labels, 4)  # class 3 absent everywhere
    probs = _softmax_probs(rng, target.shape)
    got = generalized_dice_loss(probs, target, reduction="none")
    np.testing.assert_allclose(got, _gdl_by_loops(probs, target), rtol=1e-12)


def test_absent_class_takes_the_largest_finite_weight():
    # Sample: class 0 has 3 pixels (w 1/9), class 1 has 1 (w 1), class 2 none (w -> 1).
    target = np.array([[[1, 1, 1, 0], [0, 0, 0, 1], [0, 0, 0, 0]]], dtype=float)
    probs = np.array([[[0.6, 0.6, 0.6, 0.2], [0.2, 0.2, 0.2, 0.6], [0.2, 0.2, 0.2, 0.2]]])
    w = np.array([1 / 9, 1.0, 1.0])
    inter = np.array([1.8, 0.6, 0.0])
    card = np.array([2.0 + 3, 1.2 + 1, 0.8])
    expected = 1 - 2 * (w @ inter) / (w @ card)
    assert generalized_dice_loss(probs, target) == pytest.approx(expected, rel=1e-12)
    # Not the smallest weight (1/9), and not dropping the class (weight 0).
    for w_bad in ([1 / 9, 1.0, 1 / 9], [1 / 9, 1.0, 0.0]):
        w_bad = np.array(w_bad)
        assert (
            abs(generalized_dice_loss(probs, target) - (1 - 2 * (w_bad @ inter) / (w_bad @ card)))
            > 1e-3
        )


def test_predicting_an_absent_class_is_penalised():
    # With weight 0 for the absent class 2, probability put on it would cost nothing
    # (classes 0 and 1 unchanged); the repaired weight makes it count.
    target = _one_hot(np.array([[0, 0, 1, 1]]), 3)
    a = target * 0.8
    b = a.copy()
    a[:, 2], b[:, 2] = 0.0, 0.2
    assert generalized_dice_loss(target, target) == 0.0
    assert generalized_dice_loss(b, target) > generalized_dice_loss(a, target) + 0.05


def test_one_class_equals_dice():
    rng = np.random.default_rng(1)
    probs = rng.uniform(0, 1, (3, 1, 4, 5))
    target = (rng.uniform(0, 1, (3, 1, 4, 5)) < 0.5).astype(float)
    target[:, 0, 0, 0] = 1.0  # the class present in every sample
    np.testing.assert_allclose(
        generalized_dice_loss(probs, target, reduction="none"),
        dice_loss(probs, target, reduction="none"),
        rtol=1e-12,
    )


def test_size_weighting_makes_classes_count_equally():
    # One pixel labelled wrongly either way: the 1-pixel class missed (0.98), or one of the
    # 100 background pixels painted as that class (0.33, the small class's Dice drops to 2/3).
    # Both are two wrong (pixel, class) entries, which the pooled plain Dice cannot tell apart.
    labels = np.zeros((1, 101), dtype=int)
    labels[0, 100] = 1
    target = _one_hot(labels, 2)
    miss_small = target.copy()
    miss_small[0, :, 100] = [1.0, 0.0]
    miss_one_big = target.copy()
    miss_one_big[0, :, 0] = [0.0, 1.0]
    gdl_small, gdl_big = (
        generalized_dice_loss(miss_small, target),
        generalized_dice_loss(miss_one_big, target),
    )
    assert gdl_small > 2.5 * gdl_big
    assert dice_loss(miss_small.ravel(), target.ravel()) == dice_loss(
        miss_one_big.ravel(), target.ravel()
    )


def test_perfect_all_absent_and_reductions():
    target = _one_hot(np.array([[0, 1, 1], [2, 2, 0]]), 3)
    np.testing.assert_array_equal(generalized_dice_loss(target, target, reduction="none"), 0)
    # No class present: every weight 0, the denominator 0 < eps: loss 1.
    assert generalized_dice_loss(np.full((1, 2, 3), 0.5), np.zeros((1, 2, 3))) == 1.0
    rng = np.random.default_rng(2)
    probs = _softmax_probs(rng, target.shape)
    none = generalized_dice_loss(probs, target, reduction="none")
    assert none.shape == (2,)
    assert generalized_dice_loss(probs, target) == pytest.approx(none.mean())
    assert generalized_dice_loss(probs, target, reduction="sum") == pytest.approx(none.sum())
    # (N, C) with no pixel axes: each entry is its own pixel.
    assert generalized_dice_loss(target[:, :, 0], target[:, :, 0]) == 0.0


def test_tiny_soft_target_mass_overflows_to_an_absent_class():
    # float32: 1 / (1e-25)^2 overflows; it is repaired like an absent class, without a warning.
    target = np.array([[[1.0, 1.0], [1e-25, 0.0]]], dtype=np.float32)
    probs = np.array([[[0.5, 0.5], [0.5, 0.5]]], dtype=np.float32)
    out = generalized_dice_loss(probs, target)
    assert out.dtype == np.float32 and np.isfinite(out)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("eps", [1e-7, 10.0])
def test_grad_matches_finite_differences(reduction, eps):
    rng = np.random.default_rng(3)
    labels = rng.integers(0, 3, (2, 3, 2))
    labels[0][labels[0] == 1] = 0  # an absent class
    target = _one_hot(labels, 3)
    probs = rng.uniform(0.05, 0.95, target.shape)
    f = lambda p: generalized_dice_loss(p, target, eps=eps, reduction=reduction)  # noqa: E731
    got = generalized_dice_loss_grad(probs, target, eps=eps, reduction=reduction)
    np.testing.assert_allclose(got, numeric_grad(f, probs), rtol=1e-6, atol=1e-9)


def test_grad_scales_with_the_class_weight():
    # The tiny class's pixels get a gradient w_small / w_big = (100/1)^2 times larger per unit.
    labels = np.zeros((1, 101), dtype=int)
    labels[0, 100] = 1
    target = _one_hot(labels, 2)
    probs = np.full(target.shape, 0.5)
    g = generalized_dice_loss_grad(probs, target)
    ratio = abs(g[0, 1, 100]) / abs(g[0, 0, 0])
    assert ratio > 1000


def test_float32_and_nan():
    rng = np.random.default_rng(4)
    target = _one_hot(rng.integers(0, 3, (2, 8)), 3)
    probs = _softmax_probs(rng, target.shape)
    out = generalized_dice_loss(
        probs.astype(np.float32), target.astype(np.float32), reduction="none"
    )
    assert out.dtype == np.float32
    np.testing.assert_allclose(
        out, generalized_dice_loss(probs, target, reduction="none"), rtol=1e-5
    )
    assert (
        generalized_dice_loss_grad(probs.astype(np.float32), target.astype(np.float32)).dtype
        == np.float32
    )
    probs[0, 0, 0] = np.nan
    out = generalized_dice_loss(probs, target, reduction="none")
    assert np.isnan(out[0]) and np.isfinite(out[1])


@pytest.mark.parametrize("fn", [generalized_dice_loss, generalized_dice_loss_grad])
@pytest.mark.parametrize(
    ("probs", "target", "kw", "error", "name"),
    [
        ([0.5, 0.5], [1.0, 0.0], {}, ValueError, "probs must have shape"),
        (np.zeros((2, 0, 3)), np.zeros((2, 0, 3)), {}, ValueError, "class"),
        ([[[0.5, 1.5]]], [[[1.0, 0.0]]], {}, ValueError, "probs"),
        ([[[0.5, 0.5]]], [[[2.0, 0.0]]], {}, ValueError, "target"),
        ([[[0.5, 0.5]]], [[[1.0, 0.0, 0.0]]], {}, ValueError, "target"),
        ([[[0.5, 0.5]]], [[[1.0, 0.0]]], {"eps": -1.0}, ValueError, "eps"),
        ([[[0.5, 0.5]]], [[[1.0, 0.0]]], {"eps": None}, TypeError, "eps"),
        ([[[0.5, 0.5]]], [[[1.0, 0.0]]], {"reduction": "avg"}, ValueError, "reduction"),
        (np.zeros((0, 2, 3)), np.zeros((0, 2, 3)), {}, ValueError, "probs"),
    ],
)
def test_bad_input_names_the_argument(fn, probs, target, kw, error, name):
    with pytest.raises(error, match=name):
        fn(probs, target, **kw)


def test_grad_refuses_reduction_none():
    with pytest.raises(ValueError, match="reduction"):
        generalized_dice_loss_grad([[[0.5, 0.5]]], [[[1.0, 0.0]]], reduction="none")
