"""Tests for class_balanced_weights: the effective number of samples (Cui et al. 2019)."""

import itertools
import math

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lossdocs import class_balanced_weights

COUNTS = np.array([5000, 1200, 300, 40, 7, 1])


def by_hand(counts, beta):
    """C (1/E_n) / sum(1/E_n) with E_n = sum_{j<n} beta^j, the series the paper starts from."""
    inverse = [1 / math.fsum(beta**j for j in range(int(n))) for n in counts]
    return [len(counts) * v / math.fsum(inverse) for v in inverse]


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9, 0.99, 0.999])
def test_equals_the_geometric_series(beta):
    # E_n = 1 + beta + ... + beta^(n-1): the expected volume of n samples, summed term by term.
    counts = [300, 40, 7, 1]
    np.testing.assert_allclose(class_balanced_weights(counts, beta=beta), by_hand(counts, beta),
                               rtol=1e-12)  # fmt: skip


def test_against_mpmath_near_one():
    # 1 - beta^n loses digits for beta near 1; the closed form at 50 digits does not.
    mpmath.mp.dps = 50
    beta = 0.999999
    b = mpmath.mpf(beta)
    inverse = [(1 - b) / (1 - b ** int(n)) for n in COUNTS]
    exact = [len(COUNTS) * v / sum(inverse) for v in inverse]
    np.testing.assert_allclose(class_balanced_weights(COUNTS, beta=beta),
                               [float(v) for v in exact], rtol=1e-12)  # fmt: skip


def test_tends_to_inverse_frequency_as_beta_tends_to_one():
    inverse_frequency = (1 / COUNTS) / (1 / COUNTS).sum() * COUNTS.size
    gaps = [
        np.abs(class_balanced_weights(COUNTS, beta=1 - 10.0**-k) - inverse_frequency).max()
        for k in (2, 4, 6, 8, 10)
    ]
    assert all(a > b for a, b in itertools.pairwise(gaps)), gaps
    assert gaps[-1] < 1e-6
    np.testing.assert_allclose(class_balanced_weights(COUNTS, beta=1.0), inverse_frequency,
                               rtol=1e-14)  # fmt: skip


def test_tends_to_uniform_as_beta_tends_to_zero():
    gaps = [np.abs(class_balanced_weights(COUNTS, beta=10.0**-k) - 1).max() for k in (1, 2, 4, 8)]
    assert all(a > b for a, b in itertools.pairwise(gaps)), gaps
    # Only the class with one sample differs from the others, by about beta.
    assert gaps[-1] < 1e-7
    np.testing.assert_array_equal(class_balanced_weights(COUNTS, beta=0.0), np.ones(6))


@given(
    st.lists(st.integers(1, 10**9), min_size=1, max_size=8),
    st.floats(0.0, 1.0),
)
def test_sum_to_c_positive_and_ordered(counts, beta):
    w = class_balanced_weights(counts, beta=beta)
    assert w.shape == (len(counts),)
    assert np.all(w > 0)
    assert w.sum() == pytest.approx(len(counts), rel=1e-12)
    # A rarer class never gets a smaller weight.
    order = np.argsort(counts, kind="stable")
    assert np.all(np.diff(w[order]) <= 1e-12 * len(counts))


def test_scaled_counts_change_the_weights_unless_beta_is_one():
    # The effective number saturates at 1 / (1 - beta): unlike inverse frequency, the
    # weights depend on the counts themselves, not only on their ratios.
    counts = np.array([100, 10])
    a, b = (
        class_balanced_weights(counts, beta=0.99),
        class_balanced_weights(counts * 100, beta=0.99),
    )
    assert not np.allclose(a, b)
    inverse = class_balanced_weights(counts, beta=1.0)
    np.testing.assert_allclose(inverse, class_balanced_weights(counts * 100, beta=1.0), rtol=1e-14)


def test_huge_counts_saturate():
    # E_n -> 1 / (1 - beta) for n -> inf: two huge classes get equal weights.
    w = class_balanced_weights([1e300, 1e200, 10], beta=0.9999)
    assert w[0] == w[1]
    np.testing.assert_allclose(class_balanced_weights([1.7e308, 1e308], beta=1.0).sum(), 2)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes(dtype):
    w = class_balanced_weights(COUNTS.astype(dtype), beta=0.9999)
    assert w.dtype == dtype
    np.testing.assert_allclose(w, class_balanced_weights(COUNTS, beta=0.9999), rtol=1e-6)
    assert class_balanced_weights([3, 1]).dtype == np.float64


@pytest.mark.parametrize(
    ("counts", "kwargs", "match"),
    [
        ([10, 0], {}, r"samples_per_class\[1\] is 0: a class without samples"),
        ([], {}, "samples_per_class must be 1-D with one value per class"),
        ([10, -1], {}, "samples_per_class must be >= 0"),
        ([10, np.nan], {}, "samples_per_class must be finite"),
        ([10, 0.25], {}, "samples_per_class must be >= 1"),
        ([10, 3], {"beta": -0.1}, r"beta must lie in \[0, 1\]"),
        ([10, 3], {"beta": np.nan}, "beta must not be NaN"),
    ],
)
def test_bad_input(counts, kwargs, match):
    with pytest.raises(ValueError, match=match):
        class_balanced_weights(counts, **kwargs)


def test_not_numbers():
    with pytest.raises(TypeError, match="samples_per_class"):
        class_balanced_weights(["a", "b"])
    with pytest.raises(TypeError, match="beta"):
        class_balanced_weights([3, 1], beta="0.9")
