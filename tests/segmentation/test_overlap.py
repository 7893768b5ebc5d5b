"""Tests for the soft Jaccard and Dice losses (helpers in _overlap.py) and their gradients."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossdocs import (
    dice_coefficient,
    dice_loss,
    dice_loss_grad,
    jaccard_index,
    jaccard_loss,
    jaccard_loss_grad,
)

LOSSES = [jaccard_loss, dice_loss]
GRADS = {jaccard_loss: jaccard_loss_grad, dice_loss: dice_loss_grad}


# Every (loss, keyword set) the gradient checks run over.
VARIANTS = [
    (jaccard_loss, {}),
    (dice_loss, {}),
    (dice_loss, {"squared": True}),
]


unit_batches = hnp.arrays(
    np.float64,
    hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=4),
    elements=st.floats(0, 1),
)


def _pair(rng, shape, *, hard_target=False):
    probs = rng.uniform(0.05, 0.95, shape)
    target = rng.integers(0, 2, shape).astype(float) if hard_target else rng.uniform(0, 1, shape)
    return probs, target


def test_hand_checked_values():
    # Sample 1: P = {0, 1}, T = {0, 1, 2}: |P.T| = 2, |P| = 2, |T| = 3, union 3.
    # Sample 2: p = 0.5 everywhere, T = {0, 1}: |P.T| = 1, |P| = 2, |T| = 2, union 3.
    probs = [[1.0, 1.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]]
    target = [[1, 1, 1, 0], [1, 1, 0, 0]]
    np.testing.assert_allclose(jaccard_loss(probs, target, reduction="none"), [1 / 3, 2 / 3])
    # Dice: 2*2/(2+3) and 2*1/(2+2).
    np.testing.assert_allclose(dice_loss(probs, target, reduction="none"), [1 / 5, 1 / 2])
    # V-Net: sum p^2 = 2 and 1, sum t^2 = 3 and 2: 2*2/(2+3) and 2*1/(1+2).
    got = dice_loss(probs, target, squared=True, reduction="none")
    np.testing.assert_allclose(got, [1 / 5, 1 / 3])


def test_smooth_values():
    # p = [1, 0], t = [1, 1], smooth 1: J = (1+1)/(1+2-1+1) = 2/3, D = (2+1)/(1+2+1) = 3/4.
    assert jaccard_loss([1.0, 0.0], [1, 1], smooth=1) == pytest.approx(1 / 3)
    assert dice_loss([1.0, 0.0], [1, 1], smooth=1) == pytest.approx(1 / 4)


def test_empty_masks_convention():
    empty = np.zeros((2, 3))
    for loss in LOSSES:
        np.testing.assert_array_equal(loss(empty, empty, reduction="none"), [1.0, 1.0])
        np.testing.assert_array_equal(loss(empty, empty, smooth=1.0, reduction="none"), [0, 0])
    assert dice_loss(empty, empty, squared=True) == 1.0


def test_grad_closed_form_at_a_known_point():
    # t = [1, 1]: the union |P| + 2 - |P.T| = 2 is constant, so J = (p0 + p1) / 2;
    # Dice = 2 (p0 + p1) / (p0 + p1 + 2), derivative 4 / 9 at p0 + p1 = 1.
    np.testing.assert_allclose(jaccard_loss_grad([1.0, 0.0], [1, 1], reduction="sum"), [-0.5] * 2)
    np.testing.assert_allclose(dice_loss_grad([1.0, 0.0], [1, 1], reduction="sum"), [-4 / 9] * 2)


@settings(max_examples=50, deadline=None)
@given(unit_batches, unit_batches)
def test_dice_is_2j_over_1_plus_j(a, b):
    b = np.resize(b, a.shape)
    keep = np.sum(a + b, axis=tuple(range(1, a.ndim))) > 1e-3  # eps inactive
    j = 1 - jaccard_loss(a, b, reduction="none")[keep]
    d = 1 - dice_loss(a, b, reduction="none")[keep]
    np.testing.assert_allclose(d, 2 * j / (1 + j), rtol=1e-9, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(unit_batches, unit_batches, st.sampled_from([0.0, 1.0]), st.booleans())
def test_losses_lie_in_unit_interval_and_are_symmetric(a, b, smooth, squared):
    b = np.resize(b, a.shape)
    for loss, kw in ((jaccard_loss, {}), (dice_loss, {"squared": squared})):
        ab = loss(a, b, smooth=smooth, reduction="none", **kw)
        assert np.all((ab >= 0) & (ab <= 1))
        np.testing.assert_allclose(ab, loss(b, a, smooth=smooth, reduction="none", **kw))


def test_a_zero_mask_scores_at_most_one():
    # Found by hypothesis: err and card summed in different orders gave 1 + 1 ulp.
    a = np.zeros((1, 2, 2))
    b = np.resize(np.array([[0.8097107759127777, 0.5604759520061858]]), a.shape)
    for loss in (jaccard_loss, dice_loss):
        assert loss(a, b, reduction="none")[0] <= 1
        assert loss(b, a, reduction="none")[0] <= 1


def test_hard_masks_match_the_metrics():
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 2, (2, 5, 6)), rng.integers(0, 2, (2, 5, 6))
    per_sample = (1, 2)
    np.testing.assert_allclose(
        jaccard_loss(a, b, reduction="none"), 1 - jaccard_index(a, b, axis=per_sample)
    )
    np.testing.assert_allclose(
        dice_loss(a, b, reduction="none"), 1 - dice_coefficient(a, b, axis=per_sample)
    )


@pytest.mark.parametrize(("loss", "kw"), VARIANTS)
def test_zero_at_a_perfect_hard_prediction(loss, kw):
    mask = np.array([[1, 0, 1], [0, 0, 1]], dtype=float)
    np.testing.assert_array_equal(loss(mask, mask, reduction="none", **kw), [0.0, 0.0])


@pytest.mark.parametrize("loss", LOSSES)
def test_reductions(loss):
    probs, target = _pair(np.random.default_rng(2), (4, 3, 5))
    none = loss(probs, target, reduction="none")
    assert none.shape == (4,)
    assert loss(probs, target) == pytest.approx(none.mean())
    assert loss(probs, target, reduction="sum") == pytest.approx(none.sum())


@pytest.mark.parametrize("loss", LOSSES)
def test_default_axis_gives_one_loss_per_sample(loss):
    probs, target = _pair(np.random.default_rng(3), (3, 4, 2))
    each = [loss(probs[i].ravel(), target[i].ravel()) for i in range(3)]
    np.testing.assert_allclose(loss(probs, target, reduction="none"), each)
    np.testing.assert_allclose(loss(probs, target, axis=(1, -1), reduction="none"), each)


@pytest.mark.parametrize("loss", LOSSES)
def test_explicit_axis_per_sample_and_class(loss):
    probs, target = _pair(np.random.default_rng(4), (2, 3, 4, 5))
    got = loss(probs, target, axis=(2, 3), reduction="none")
    assert got.shape == (2, 3)
    flat = loss(probs.reshape(6, 20), target.reshape(6, 20), reduction="none")
    np.testing.assert_allclose(got.ravel(), flat)
    # A single int axis: summing over axis 0 of the transpose gives the same per-column losses.
    x, y = probs.reshape(6, 20), target.reshape(6, 20)
    np.testing.assert_allclose(loss(x.T, y.T, axis=0, reduction="none"), flat)


@pytest.mark.parametrize("loss", LOSSES)
def test_one_dimensional_input_is_one_sample(loss):
    p, t = [0.2, 0.9, 0.0], [0, 1, 1]
    none = loss(p, t, reduction="none")
    assert none.shape == ()
    assert loss(p, t) == loss(p, t, reduction="sum") == none
    assert loss(p, t) == pytest.approx(loss([p], [t]))


@pytest.mark.parametrize("loss", LOSSES)
def test_samples_without_pixels_and_empty_batches(loss):
    # Three samples of zero pixels: empty masks, loss 1 each.
    np.testing.assert_array_equal(loss(np.zeros((3, 0)), np.zeros((3, 0)), reduction="none"), 1)
    assert loss(np.zeros((0, 4)), np.zeros((0, 4)), reduction="sum") == 0.0
    with pytest.raises(ValueError, match="probs"):
        loss(np.zeros((0, 4)), np.zeros((0, 4)))


def _numeric_grad(f, x, h=1e-6):
    g = np.empty_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += h
        down[i] -= h
        g[i] = (f(up) - f(down)) / (2 * h)
    return g


@pytest.mark.parametrize(("loss", "kw"), VARIANTS)
@pytest.mark.parametrize("smooth", [0.0, 0.5])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("hard_target", [False, True])
def test_grad_matches_finite_differences(loss, kw, smooth, reduction, hard_target):
    probs, target = _pair(np.random.default_rng(5), (3, 2, 4), hard_target=hard_target)
    opts = dict(kw, smooth=smooth, reduction=reduction)
    num = _numeric_grad(lambda p: loss(p, target, **opts), probs)
    np.testing.assert_allclose(GRADS[loss](probs, target, **opts), num, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(("loss", "kw"), VARIANTS)
def test_grad_with_explicit_axis(loss, kw):
    probs, target = _pair(np.random.default_rng(6), (2, 3, 4))
    opts = dict(kw, axis=2)
    num = _numeric_grad(lambda p: loss(p, target, **opts), probs)
    np.testing.assert_allclose(GRADS[loss](probs, target, **opts), num, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(("loss", "scale"), [(jaccard_loss, 1), (dice_loss, 2)])
def test_grad_where_eps_is_active(loss, scale):
    # A large eps = 1 floors the denominators 0.59 (Jaccard) and 0.65 (Dice): it is then
    # the constant 1, so the loss is 1 - scale * sum(p t) and d/dp_k = -scale * t_k.
    probs, target = np.array([0.2, 0.1, 0.05]), np.array([0.3, 0.0, 0.0])
    assert loss(probs, target, eps=1.0) == pytest.approx(1 - scale * 0.06)
    expected = [-scale * 0.3, 0.0, 0.0]
    np.testing.assert_allclose(GRADS[loss](probs, target, eps=1.0), expected, rtol=1e-12)
    num = _numeric_grad(lambda p: loss(p, target, eps=1.0), probs)
    np.testing.assert_allclose(num, expected, rtol=1e-6, atol=1e-9)


def test_grad_of_empty_masks_is_zero_and_warning_free():
    for grad in GRADS.values():
        np.testing.assert_array_equal(grad(np.zeros((2, 3)), np.zeros((2, 3))), 0)


@pytest.mark.parametrize(("loss", "kw"), VARIANTS)
def test_float32_in_float32_out(loss, kw):
    probs, target = _pair(np.random.default_rng(7), (2, 6))
    p32, t32 = probs.astype(np.float32), target.astype(np.float32)
    out = loss(p32, t32, reduction="none", **kw)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, loss(probs, target, reduction="none", **kw), rtol=1e-5)
    assert GRADS[loss](p32, t32, **kw).dtype == np.float32
    assert loss(p32, target.round().astype(int), reduction="none", **kw).dtype == np.float32


@pytest.mark.parametrize("loss", LOSSES)
def test_nan_propagates_to_its_sample(loss):
    probs = np.array([[0.5, np.nan], [0.5, 0.5]])
    target = np.array([[1.0, 0.0], [1.0, 0.0]])
    out = loss(probs, target, reduction="none")
    assert np.isnan(out[0]) and np.isfinite(out[1])
    assert np.isnan(loss(probs, target))
    g = GRADS[loss](probs, target)
    assert np.all(np.isnan(g[0])) and np.all(np.isfinite(g[1]))


@pytest.mark.parametrize("loss", LOSSES + list(GRADS.values()))
@pytest.mark.parametrize(
    ("probs", "target", "kw", "error", "name"),
    [
        ([[0.5, 0.5]], [[1, 0, 1]], {}, ValueError, "target"),
        ([[1.5, 0.5]], [[1, 0]], {}, ValueError, "probs"),
        ([[-0.1, 0.5]], [[1, 0]], {}, ValueError, "probs"),
        ([[0.5, 0.5]], [[2, 0]], {}, ValueError, "target"),
        ([[0.5, np.inf]], [[1, 0]], {}, ValueError, "probs"),
        (0.5, 1.0, {}, ValueError, "probs"),
        ([["a", "b"]], [[1, 0]], {}, TypeError, "probs"),
        ([[0.5, 0.5]], [[1, 0]], {"smooth": -1.0}, ValueError, "smooth"),
        ([[0.5, 0.5]], [[1, 0]], {"smooth": np.inf}, ValueError, "smooth"),
        ([[0.5, 0.5]], [[1, 0]], {"smooth": "1"}, TypeError, "smooth"),
        ([[0.5, 0.5]], [[1, 0]], {"eps": -1e-7}, ValueError, "eps"),
        ([[0.5, 0.5]], [[1, 0]], {"eps": np.inf}, ValueError, "eps"),
        ([[0.5, 0.5]], [[1, 0]], {"axis": 2}, ValueError, "axis"),
        ([[0.5, 0.5]], [[1, 0]], {"axis": (1, -1)}, ValueError, "axis"),
        ([[0.5, 0.5]], [[1, 0]], {"axis": 1.0}, TypeError, "axis"),
        ([[0.5, 0.5]], [[1, 0]], {"reduction": "avg"}, ValueError, "reduction"),
    ],
)
def test_bad_input_names_the_argument(loss, probs, target, kw, error, name):
    with pytest.raises(error, match=name):
        loss(probs, target, **kw)


@pytest.mark.parametrize("grad", GRADS.values())
def test_grad_refuses_reduction_none(grad):
    with pytest.raises(ValueError, match="reduction"):
        grad([[0.5, 0.5]], [[1, 0]], reduction="none")


def test_eps_zero_is_the_exact_formula():
    import lossdocs as L

    probs, target = np.array([[0.0, 0.0], [0.5, 0.5]]), np.array([[0.0, 0.0], [1.0, 0.0]])
    # Two empty masks: 0 / 0, NaN as the formula gives (no warning); smooth > 0 gives 0.
    for loss in (L.dice_loss, L.jaccard_loss):
        out = loss(probs, target, eps=0.0, reduction="none")
        assert np.isnan(out[0])
        assert out[1] == loss(probs[1:], target[1:], reduction="none")[0]
        assert loss(probs[:1], target[:1], eps=0.0, smooth=1.0) == 0.0
    for grad in (L.dice_loss_grad, L.jaccard_loss_grad):
        g = grad(probs, target, eps=0.0, reduction="sum")
        assert np.all(np.isnan(g[0])) and np.all(np.isfinite(g[1]))
    # With the default eps: two empty masks give loss 1 (0 / eps).
    assert L.dice_loss(probs[:1], target[:1]) == 1.0


@pytest.mark.parametrize(
    "name", ["dice_loss", "jaccard_loss", "dice_loss_grad", "jaccard_loss_grad"]
)
def test_an_eps_that_rounds_to_zero_in_float32_is_refused_by_name(name):
    import lossdocs as L

    with pytest.raises(ValueError, match=r"eps=1e-50 rounds to 0 in float32"):
        getattr(L, name)(np.float32([[0, 0]]), np.float32([[0, 0]]), eps=1e-50)
