"""Issue 11's reproducer for hinge: margin=None is refused, as delta=None is."""

import math

import numpy as np
import pytest

from lossdocs import (
    hinge,
    hinge_grad,
)


@pytest.mark.parametrize("fn", [hinge, hinge_grad])
def test_margin_none_raises_instead_of_meaning_the_perceptron_loss(fn):
    with pytest.raises(TypeError, match="margin must be a real number, got None"):
        fn([1.0], [1.0], margin=None)


def test_hinge_subgradient_takes_zero_at_the_kink():
    # Active (y s < m): -y. On the margin and beyond: 0, and +0 rather than -0.
    g = hinge_grad([0.3, 1.0, -1.0, 2.0, 2.5], [1, 1, -1, 1, -1], reduction="sum")
    np.testing.assert_array_equal(g, [-1, 0, 0, 0, 1])
    assert not np.signbit(g[1:4]).any()
    np.testing.assert_array_equal(
        hinge_grad([0.0, -0.1], [1, 1], margin=0.0, reduction="sum"), [0, -1]
    )


@pytest.mark.parametrize("fn", [hinge, hinge_grad])
def test_bad_margin(fn):
    for bad in (-0.5, math.inf):
        with pytest.raises(ValueError, match="margin"):
            fn([0.5], [1], margin=bad)
    with pytest.raises(TypeError, match="margin"):
        fn([0.5], [1], margin="1")
    with pytest.raises(TypeError, match="scores"):
        fn(["a"], [1])


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_hinge_grad_of_a_0d_input_is_a_scalar_of_its_dtype(dtype):
    # The gradient is computed in place; a 0-d input gave NumPy scalars that out= refused.
    for reduction in ("mean", "sum"):
        g = hinge_grad(dtype(0.5), dtype(1.0), margin=1.0, reduction=reduction)
        assert np.ndim(g) == 0 and g.dtype == dtype and g == -1
