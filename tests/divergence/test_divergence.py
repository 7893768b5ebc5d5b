"""Properties every divergence shares: zero conventions, float32, NaN, bad input."""

import numpy as np
import pytest
from divergence._helpers import LOG2

from lossdocs import (
    entropy,
    gaussian_kl,
    js_divergence,
    kl_divergence,
    kl_divergence_grad,
)


def test_zero_conventions():
    p = np.array([[1.0, 0.0], [0.5, 0.5], [1.0, 0.0]])
    q = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    # row 0: 0 log(0/0) = 0; rows 1 and 2: p > 0 where q = 0 -> inf.
    np.testing.assert_array_equal(kl_divergence(p, q), [0.0, np.inf, np.inf])
    np.testing.assert_array_equal(
        kl_divergence_grad(p, q), [[-1, 0], [-0.5, -np.inf], [-np.inf, 0]]
    )
    # JS stays finite (M > 0 wherever p or q is): log 2 for disjoint supports.
    np.testing.assert_allclose(js_divergence(p, q)[[0, 2]], [0.0, LOG2], rtol=1e-15)
    assert np.isfinite(js_divergence(p, q)).all()
    # q = 0 where p = 0 costs nothing; p = 0 where q > 0 is fine too.
    assert kl_divergence([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]) == 0.0
    assert kl_divergence([0.0, 1.0], [0.5, 0.5]) == pytest.approx(LOG2, rel=1e-15)


def test_float32_in_float32_out_and_close_to_float64():
    p = np.array([[0.2, 0.3, 0.5], [0.9, 0.1, 0.0]])
    q = np.array([[0.1, 0.6, 0.3], [0.5, 0.25, 0.25]])
    p32, q32 = p.astype(np.float32), q.astype(np.float32)
    for f in (kl_divergence, js_divergence, kl_divergence_grad):
        out = f(p32, q32)
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, f(p, q), rtol=1e-5)
    assert entropy(p32).dtype == np.float32
    assert (
        gaussian_kl(np.float32(0), np.float32(1), np.float32(1), np.float32(2)).dtype == np.float32
    )
    # int one-hot p with float32 q stays float32
    assert kl_divergence(np.array([1, 0]), q32[1, :2] / q32[1, :2].sum()).dtype == np.float32


def test_nan_propagates_row_by_row():
    p = np.array([[0.5, np.nan], [0.5, 0.5]])
    q = np.array([[0.5, 0.5], [0.25, 0.75]])
    for f in (kl_divergence, js_divergence):
        out = f(p, q)
        assert np.isnan(out[0]) and np.isfinite(out[1])
        assert np.isnan(f(q, p)[0])
    assert np.isnan(entropy(p)[0])
    assert np.isnan(kl_divergence_grad(p, q)[0, 1])
    assert np.isnan(gaussian_kl(np.nan, 1.0, 0.0, 1.0))
    assert np.isnan(gaussian_kl(0.0, np.nan, 0.0, 1.0))


@pytest.mark.parametrize("f", [kl_divergence, js_divergence, kl_divergence_grad])
@pytest.mark.parametrize(
    "p, q, match",
    [
        ([0.5, 0.5], [1.5, -0.5], r"^q must be non-negative"),
        ([-0.5, 1.5], [0.5, 0.5], r"^p must be non-negative"),
        ([0.5, 0.6], [0.5, 0.5], r"^p must sum to 1"),
        ([0.5, 0.5], [2.0, 3.0], r"^q must sum to 1"),
        ([0.5, 0.5], [0.2, 0.3, 0.5], r"^q must have the shape of p"),
        (0.5, 0.5, r"^p must have at least one dimension"),
        (np.zeros((2, 0)), np.zeros((2, 0)), r"^p is empty along axis"),
    ],
)
def test_bad_distributions_raise_naming_the_argument(f, p, q, match):
    with pytest.raises(ValueError, match=match):
        f(p, q)


def test_bad_types_and_axis_raise():
    with pytest.raises(ValueError, match="axis=2"):
        kl_divergence([[0.5, 0.5]], [[0.5, 0.5]], axis=2)
    with pytest.raises(TypeError, match="axis"):
        entropy([0.5, 0.5], axis=1.0)
    with pytest.raises(TypeError, match="q"):
        kl_divergence([0.5, 0.5], ["a", "b"])
    with pytest.raises(ValueError, match=r"^p must sum to 1"):
        entropy([[0.5, 0.5]], axis=0)  # the wrong axis: columns of one element
