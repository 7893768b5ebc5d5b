"""fit_temperature: the minimiser of the NLL over T, its first-order condition and its promises."""

import numpy as np
import pytest

from lossdocs import cross_entropy, fit_temperature, softmax


def overconfident(seed, n=2_000, c=5, sharpen=3.0):
    """Logits of a calibrated toy model (labels drawn from its softmax), then multiplied."""
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=1.5, size=(n, c))
    p = softmax(z, axis=1)
    target = (p.cumsum(axis=1) < rng.random((n, 1))).sum(axis=1)
    return sharpen * z, target


def nll_slope(z, target, t):
    """d/d(1/T) of the mean NLL at T, in float64: E_p[z] - z_y, averaged."""
    p = softmax(z / t, axis=1)
    return np.mean((p * z).sum(axis=1) - z[np.arange(len(z)), target])


def test_closed_form_for_two_classes():
    # margins 4 (right, twice) and -4 (wrong): sigma(4/T) = 2/3 at the optimum
    z = np.array([[4.0, 0.0], [0.0, 4.0], [4.0, 0.0]])
    assert fit_temperature(z, [0, 1, 1]) == pytest.approx(4 / np.log(2), rel=1e-10)


@pytest.mark.parametrize("seed", range(4))
def test_first_order_condition_and_lower_nll(seed):
    z, y = overconfident(seed)
    t = fit_temperature(z, y)
    scale = np.abs(z).mean()  # the slope's natural unit
    assert abs(nll_slope(z, y, t)) < 1e-9 * scale
    # the recovered temperature is near the multiplier (finite-sample noise)
    assert t == pytest.approx(3.0, rel=0.1)
    before, after = cross_entropy(z, y), cross_entropy(z / t, y)
    assert after < before
    # a minimum: nearby temperatures do no better
    for factor in (0.99, 1.01, 0.5, 2.0):
        assert cross_entropy(z / (t * factor), y) >= after


def test_never_changes_the_argmax_and_never_raises_the_nll_at_t_one():
    rng = np.random.default_rng(7)
    for _ in range(20):
        z = rng.normal(scale=rng.uniform(0.1, 10), size=(50, 4))
        y = rng.integers(0, 4, size=50)
        t = fit_temperature(z, y)
        assert np.array_equal(np.argmax(z / t, axis=1), np.argmax(z, axis=1))
        # T = 1 is inside the default bounds, so the optimum is no worse
        assert cross_entropy(z / t, y) <= cross_entropy(z, y) + 1e-12


def test_a_minimum_beyond_the_bounds_returns_the_bound():
    z = np.array([[3.0, 0.0], [0.0, 3.0]])
    assert fit_temperature(z, [0, 1]) == 0.05  # all right: the colder the better
    assert fit_temperature(z, [0, 1], bounds=(0.5, 2.0)) == 0.5
    assert fit_temperature(z, [1, 0]) == 20.0  # all wrong: the hotter the better
    # a bound that excludes the optimum of a mixed problem
    zz = np.array([[4.0, 0.0], [0.0, 4.0], [4.0, 0.0]])
    assert fit_temperature(zz, [0, 1, 1], bounds=(0.1, 2.0)) == 2.0


def test_constant_rows_return_one():
    assert fit_temperature(np.zeros((3, 4)), [0, 1, 2]) == 1.0
    assert fit_temperature(np.ones((2, 3)), [0, 1], bounds=(2.0, 5.0)) == 2.0


def test_float32_matches_float64_and_keeps_its_dtype():
    z, y = overconfident(11, n=500)
    t64 = fit_temperature(z, y)
    t32 = fit_temperature(z.astype(np.float32), y)
    assert t64.dtype == np.float64 and t32.dtype == np.float32
    assert t32 == pytest.approx(t64, rel=1e-6)


def test_shift_invariance_and_extreme_logits():
    z, y = overconfident(5, n=300)
    t = fit_temperature(z, y)
    assert fit_temperature(z + 1e6, y) == pytest.approx(t, rel=1e-6)
    # logits scaled by 1e300 keep the same fitted T up to the same factor... at the bound:
    # huge logits are one-hot at every T, so the answer is a bound, without a warning.
    assert fit_temperature(z * 1e300, y) == 20.0
    spread = np.array([[1.7e308, -1.7e308], [-1.7e308, 1.7e308]])
    assert fit_temperature(spread, [0, 1]) == 0.05
    assert fit_temperature(spread, [1, 1]) == 20.0


@pytest.mark.parametrize(
    ("args", "kwargs", "exc", "match"),
    [
        ((np.array([[np.inf, 0.0]]), [0]), {}, ValueError, "logits must be finite"),
        ((np.array([[np.nan, 0.0]]), [0]), {}, ValueError, "logits must be finite"),
        ((np.array([1.0, 0.0]), [0]), {}, ValueError, "logits must have shape"),
        ((np.array([[1.0, 0.0]]), [3]), {}, ValueError, "target holds class index 3"),
        ((np.array([[1.0, 0.0]]), [0]), {"bounds": (0.0, 2.0)}, ValueError, "bounds"),
        ((np.array([[1.0, 0.0]]), [0]), {"bounds": (3.0, 2.0)}, ValueError, "T_min < T_max"),
        ((np.array([[1.0, 0.0]]), [0]), {"bounds": (1.0, np.inf)}, ValueError, "bounds"),
        ((np.array([[1.0, 0.0]]), [0]), {"bounds": 2.0}, TypeError, "bounds must be a pair"),
        ((np.array([[1.0, 0.0]]), [0]), {"bounds": ("a", 2)}, TypeError, "bounds must be a pair"),
    ],
)
def test_bad_input_names_the_argument(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        fit_temperature(*args, **kwargs)
