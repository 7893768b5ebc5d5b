"""Issue 11's reproducers for huber: silent overflow, and a delta that rounds to 0."""

import numpy as np
import pytest

from lossdocs import huber, huber_grad


def test_a_loss_beyond_the_float_range_is_inf_without_a_warning():
    assert huber([1e308], [-1e308]) == np.inf


def test_a_delta_that_rounds_to_zero_in_float32_is_refused_by_name():
    for fn in (huber, huber_grad):
        with pytest.raises(ValueError, match=r"delta=1e-50 rounds to 0 in float32"):
            fn(np.float32([1.5]), np.float32([0]), delta=1e-50)


def test_mean_sum_and_none_agree():
    rng = np.random.default_rng(0)
    p, t = rng.normal(0, 3, 1000), rng.normal(0, 3, 1000)
    each = huber(p, t, reduction="none")
    e = np.abs(p - t)
    np.testing.assert_allclose(each, np.where(e < 1, e * e / 2, e - 0.5), rtol=1e-15)
    assert huber(p, t, reduction="sum") == pytest.approx(each.sum(), rel=1e-13)
    assert huber(p, t) == pytest.approx(each.mean(), rel=1e-13)
    np.testing.assert_allclose(huber(np.float32(p), np.float32(t)), each.mean(), rtol=1e-5)
