"""Issue 11's reproducers for smooth_l1: tiny and huge beta, computed without overflow."""

import numpy as np
import pytest

from lossdocs import smooth_l1, smooth_l1_grad


def test_a_subnormal_beta_gives_the_l1_value_not_twice_it():
    # |e| - beta / 2 with beta = 5e-324: 1.5 to the last digit.
    assert smooth_l1([1.5], [0.0], beta=5e-324) == 1.5
    np.testing.assert_array_equal(smooth_l1_grad([1.5, -2.0], [0.0, 0.0], beta=5e-324), [0.5, -0.5])


def test_a_beta_that_rounds_to_zero_in_float32_is_refused_by_name():
    with pytest.raises(ValueError, match=r"beta=1e-50 rounds to 0 in float32"):
        smooth_l1(np.float32([1.5]), np.float32([0]), beta=1e-50)
    with pytest.raises(ValueError, match="beta"):
        smooth_l1_grad(np.float32([1.5]), np.float32([0]), beta=1e-50)


@pytest.mark.parametrize(("e", "beta", "exact"), [(1e300, 1e300, 5e299), (1e200, 1e300, 5e99)])
def test_a_large_beta_does_not_overflow(e, beta, exact):
    # e^2 / (2 beta) below beta, |e| - beta / 2 at it: finite, to a few ulps.
    assert smooth_l1([e], [0.0], beta=beta) == pytest.approx(exact, rel=1e-15)
    assert smooth_l1_grad([e], [0.0], beta=beta)[0] == pytest.approx(e / beta, rel=1e-15)
