"""Tests for multi_margin_loss: PyTorch's definition as a loop, weights, gradients, extremes."""

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import hinge, multi_margin_loss, multi_margin_loss_grad


def _loop(x, y, p=1, margin=1.0, weight=None):
    """The definition in PyTorch's documentation, one sample and one class at a time,
    with the weight outside the power (as PyTorch's code computes it)."""
    out = []
    for xi, yi in zip(x, y, strict=True):
        total = 0.0
        for j in range(len(xi)):
            if j != yi:
                w = 1.0 if weight is None else weight[yi]
                total += w * max(0.0, margin - xi[yi] + xi[j]) ** p
        out.append(total / len(xi))
    return np.array(out)


@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("margin", [0.0, 0.5, 1.0, 3.0])
def test_equals_its_definition_in_a_loop(p, margin):
    rng = np.random.default_rng(p)
    x, y = rng.normal(0, 1.5, (12, 5)), rng.integers(0, 5, 12)
    w = rng.uniform(0.1, 3, 5)
    for weight in (None, w):
        got = multi_margin_loss(x, y, p=p, margin=margin, weight=weight, reduction="none")
        np.testing.assert_allclose(got, _loop(x, y, p, margin, weight), rtol=1e-14, atol=1e-15)
    # 'mean' divides by N even with weights; 'sum' adds
    ref = _loop(x, y, p, margin, w)
    assert multi_margin_loss(x, y, p=p, margin=margin, weight=w) == pytest.approx(ref.mean())
    assert multi_margin_loss(x, y, p=p, margin=margin, weight=w, reduction="sum") == (
        pytest.approx(ref.sum())
    )


def test_p2_weight_multiplies_the_square_not_inside_it():
    x, y = np.array([[0.1, 0.2, 0.4, 0.8]]), [3]
    w = np.array([1.0, 1.0, 1.0, 4.0])
    hinges = np.array([0.3, 0.4, 0.6])
    got = multi_margin_loss(x, y, p=2, weight=w)
    assert got == pytest.approx(4 * (hinges**2).sum() / 4)
    assert got != pytest.approx(((4 * hinges) ** 2).sum() / 4)


def test_two_classes_is_half_the_binary_hinge():
    rng = np.random.default_rng(3)
    s, t = rng.normal(0, 2, 20), rng.choice([-1.0, 1.0], 20)
    cols = np.stack([-s / 2, s / 2], axis=1)
    got = multi_margin_loss(cols, ((t + 1) / 2).astype(int), reduction="none")
    np.testing.assert_allclose(2 * got, hinge(s, t, reduction="none"), rtol=1e-14)


def test_unbatched_input_gives_a_scalar():
    x = np.array([0.1, 0.2, 0.4, 0.8])
    out = multi_margin_loss(x, 3, reduction="none")
    assert np.ndim(out) == 0 and out == pytest.approx(1.3 / 4)
    assert multi_margin_loss_grad(x, 3).shape == (4,)


@pytest.mark.parametrize("p", [1, 2])
def test_gradient_matches_finite_differences(p):
    rng = np.random.default_rng(10 + p)
    x, y = rng.normal(0, 1, (6, 4)), rng.integers(0, 4, 6)
    w = rng.uniform(0.5, 2, 4)
    for reduction in ("mean", "sum"):

        def f(v, r=reduction):
            return multi_margin_loss(v, y, p=p, margin=0.7, weight=w, reduction=r)

        g = multi_margin_loss_grad(x, y, p=p, margin=0.7, weight=w, reduction=reduction)
        np.testing.assert_allclose(g, numeric_grad(f, x), atol=1e-8)
        np.testing.assert_allclose(g.sum(axis=1), 0, atol=1e-15)  # shift invariance


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_extreme_scores(dtype):
    x = np.array([[1e4, -1e4, 0.0], [-1e30, 0.0, 1e30]], dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = multi_margin_loss(x, [0, 0], reduction="none", p=2)
        g = multi_margin_loss_grad(x, [0, 0], reduction="sum")
    assert out.dtype == dtype and g.dtype == dtype
    assert out[0] == 0
    expected = ((1 + 1e30) ** 2 + (1 + 2e30) ** 2) / 3
    if dtype == np.float32:
        assert np.isinf(out[1])  # (2e30)^2 overflows float32
    else:
        assert out[1] == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(g[1], [-2 / 3, 1 / 3, 1 / 3], rtol=1e-7)
