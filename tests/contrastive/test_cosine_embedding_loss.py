"""Tests for cosine_embedding_loss: 1 - cos for similar pairs, max(0, cos - margin) otherwise."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import cosine_embedding_loss

RNG = np.random.default_rng(5)
A, B = RNG.normal(size=(2, 8, 5))
Y = RNG.choice([-1.0, 1.0], 8)


@pytest.mark.parametrize("margin", [-0.5, 0.0, 0.2, 1.0])
def test_values_loop(margin):
    expected = []
    for a, b, y in zip(A, B, Y, strict=True):
        cos = float(a @ b / np.sqrt((a @ a) * (b @ b)))
        expected.append(1 - cos if y == 1 else max(0.0, cos - margin))
    got = cosine_embedding_loss(A, B, Y, margin=margin, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-15)


@settings(max_examples=30)
@given(c1=st.floats(1e-150, 1e150), c2=st.floats(1e-150, 1e150))
def test_depends_only_on_directions(c1, c2):
    base = cosine_embedding_loss(A, B, Y, reduction="none")
    np.testing.assert_allclose(
        cosine_embedding_loss(c1 * A, c2 * B, Y, reduction="none"), base, rtol=1e-12, atol=1e-14
    )


def test_range_and_extremes_float32():
    a = np.float32([[1e-30, 0.0], [1e30, 1e30], [1.0, 0.0]])
    b = np.float32([[1e-30, 0.0], [-1e30, -1e30], [-1.0, 0.0]])
    got = cosine_embedding_loss(a, b, [1, 1, -1], reduction="none")
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, [0.0, 2.0, 0.0], atol=1e-6)
    assert np.all(cosine_embedding_loss(A, B, Y, reduction="none") >= 0)


def test_zero_row_raises_naming_it():
    with pytest.raises(ValueError, match=r"x2\[1\] is a zero vector"):
        cosine_embedding_loss(A[:2], np.array([[1.0] * 5, [0.0] * 5]), [1, 1])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("size", [1.0, 1e-30, 1e30])
def test_tiny_and_huge_rows_give_the_cosines_of_unit_rows(dtype, size):
    # Rows of ordinary size take three dot products, tiny or huge ones the rows scaled by
    # their largest entry: both must give the cosine of the same directions.
    a, b = (A * size).astype(dtype), (B * size).astype(dtype)
    expected = cosine_embedding_loss(A, B, np.ones(8), reduction="none")
    got = cosine_embedding_loss(a, b, np.ones(8, dtype), reduction="none")
    assert got.dtype == dtype
    tol = 1e-6 if dtype == np.float32 else 1e-14
    np.testing.assert_allclose(got, expected, rtol=0, atol=tol)
