"""Issue 11's reproducers for mse and mse_grad near the float limits."""

import numpy as np

from lossdocs import mse, mse_grad


def test_the_gradient_is_finite_where_the_exact_value_is():
    # 2 e / n with e = 1e308, n = 2: exactly 1e308 (2 e alone overflows).
    g = mse_grad([1e308, 0.0], [0.0, 0.0])
    np.testing.assert_array_equal(g, [1e308, 0.0])
    assert mse_grad([1e308], [0.0], reduction="sum")[0] == np.inf  # 2e308: beyond the range


def test_a_loss_beyond_the_float_range_is_inf_without_a_warning():
    # pytest runs with -W error: an overflow warning would fail here.
    assert mse([1e308], [-1e308]) == np.inf
    np.testing.assert_array_equal(mse_grad([1e308, -1e308], [-1e308, 1e308]), [np.inf, -np.inf])
