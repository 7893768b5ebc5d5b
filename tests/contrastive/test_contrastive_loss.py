"""Tests for contrastive_loss: Hadsell et al.'s pairwise loss, with the common label convention."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import contrastive_loss

RNG = np.random.default_rng(1)
A, B = RNG.normal(size=(6, 3)), RNG.normal(size=(6, 3))
Y = np.array([1, 0, 1, 0, 0, 1])


def hadsell(a, b, y_hadsell, m):
    """The paper's equation (4), label Y = 0 similar, Y = 1 dissimilar, looped."""
    out = []
    for x1, x2, y in zip(a, b, y_hadsell, strict=True):
        d = np.sqrt(sum((u - v) ** 2 for u, v in zip(x1, x2, strict=True)))
        out.append((1 - y) * 0.5 * d**2 + y * 0.5 * max(0.0, m - d) ** 2)
    return np.array(out)


@pytest.mark.parametrize("margin", [0.0, 0.5, 1.0, 3.0])
def test_equals_the_paper_with_the_label_flipped(margin):
    got = contrastive_loss(A, B, Y, margin=margin, reduction="none")
    np.testing.assert_allclose(got, hadsell(A, B, 1 - Y, margin), rtol=1e-13)
    # Feeding the paper's labels to the common convention gives another loss.
    if margin > 0:
        assert not np.allclose(contrastive_loss(A, B, 1 - Y, margin=margin, reduction="none"), got)


def test_reductions():
    per = contrastive_loss(A, B, Y, reduction="none")
    assert contrastive_loss(A, B, Y) == pytest.approx(per.mean())
    assert contrastive_loss(A, B, Y, reduction="sum") == pytest.approx(per.sum())


# Zero, or at least 1e-100: below that, (m - d)^2 / 2 underflows to 0 though d < m.
SIZES = st.one_of(st.just(0.0), st.floats(1e-100, 10))


@settings(max_examples=40)
@given(d=SIZES, m=SIZES)
def test_dissimilar_pair_costs_nothing_past_the_margin(d, m):
    loss = contrastive_loss([[0.0, 0.0]], [[d, 0.0]], [0], margin=m)
    assert (loss == 0) == (d >= m)
    assert contrastive_loss([[0.0, 0.0]], [[d, 0.0]], [1], margin=m) == pytest.approx(d * d / 2)


def test_gradient_stated_on_the_page():
    # triplet page: d loss / d emb1 = [y - (1 - y) max(0, m - d) / d] (emb1 - emb2).
    for y in (0.0, 1.0):
        a, b = np.array([[0.3, -0.2]]), np.array([[0.1, 0.4]])
        d = np.linalg.norm(a - b)
        expected = (y - (1 - y) * max(0.0, 1.5 - d) / d) * (a - b)
        numeric = numeric_grad(lambda x, y=y, b=b: contrastive_loss(x, b, [y], margin=1.5), a)
        np.testing.assert_allclose(numeric, expected, rtol=1e-7)


def test_float32_and_extreme_scales():
    for c in (1e-20, 1e15):
        a, b = (A * c).astype(np.float32), (B * c).astype(np.float32)
        got = contrastive_loss(a, b, Y, margin=float(3 * c), reduction="none")
        assert got.dtype == np.float32 and np.all(np.isfinite(got))
        np.testing.assert_allclose(got / c**2, hadsell(A, B, 1 - Y, 3.0), rtol=1e-5)


def test_soft_labels_mix_the_terms_and_nan_propagates():
    mixed = contrastive_loss(A[:1], B[:1], [0.25])
    parts = [contrastive_loss(A[:1], B[:1], [t]) for t in (1, 0)]
    assert mixed == pytest.approx(0.25 * parts[0] + 0.75 * parts[1])
    a = A.copy()
    a[2, 1] = np.nan
    per = contrastive_loss(a, B, Y, reduction="none")
    assert np.isnan(per[2]) and np.isfinite(np.delete(per, 2)).all()
