"""expected_calibration_error: Guo et al.'s binning, against a slow loop and known limits."""

import itertools

import numpy as np
import pytest

from lossdocs import expected_calibration_error as ece
from lossdocs import softmax


def slow_ece(probs, target, n_bins):
    """Guo et al.'s loop over bins, ((m-1)/M, m/M], in exact fractions of the edges."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == target
    total = 0.0
    for m in range(1, n_bins + 1):
        low, high = (m - 1) / n_bins, m / n_bins
        in_bin = (conf > low) & (conf <= high) if m > 1 else (conf <= high)
        if in_bin.any():
            total += in_bin.mean() * abs(correct[in_bin].mean() - conf[in_bin].mean())
    return total


@pytest.mark.parametrize("n_bins", [1, 2, 10, 15, 37])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_matches_a_slow_loop_over_bins(seed, n_bins):
    rng = np.random.default_rng(seed)
    probs = softmax(rng.normal(scale=3.0, size=(500, 5)), axis=1)
    target = rng.integers(0, 5, size=500)
    assert ece(probs, target, n_bins=n_bins) == pytest.approx(
        slow_ece(probs, target, n_bins), abs=1e-12
    )


def test_a_confidence_on_an_edge_belongs_to_the_bin_below():
    # 0.6 = 3/5 lies in (2/5, 3/5]: alone in its bin with a wrong answer, gap 0.6; in
    # torchmetrics' [3/5, 4/5) it would share the bin of 0.7 (right): gap |1/2 - 0.65|.
    probs = np.array([[0.6, 0.4], [0.7, 0.3]])
    target = np.array([1, 0])
    assert ece(probs, target, n_bins=5) == pytest.approx((0.6 + 0.3) / 2)


def test_confidence_one_and_zero_fall_in_the_end_bins():
    probs = np.array([[1.0, 0.0], [0.0, 0.0]])  # rows need not sum to 1: only the max is read
    # 1.0 is right (gap 0), 0.0 (prediction 0) is wrong with confidence 0 (gap 0)
    assert ece(probs, np.array([0, 1]), n_bins=4) == 0
    assert ece(probs, np.array([1, 0]), n_bins=4) == 1  # both gaps are 1
    # a right answer at confidence 0 joins the first bin (Guo et al.'s code drops it: 0.45)
    low = np.array([[0.0, 0.0], [0.1, 0.0]])
    assert ece(low, np.array([0, 0]), n_bins=4) == pytest.approx((1 + 0.9) / 2)


def test_perfectly_calibrated_model_tends_to_zero_with_the_sample_size():
    # Confidence c drawn uniformly in [1/2, 1]; the prediction is right with probability c.
    rng = np.random.default_rng(0)
    means = []
    for n in (100, 1_000, 10_000, 100_000):
        values = []
        for _ in range(5):
            c = rng.uniform(0.5, 1.0, size=n)
            probs = np.stack([c, 1 - c], axis=1)
            target = np.where(rng.random(n) < c, 0, 1)
            values.append(ece(probs, target))
        means.append(np.mean(values))
    assert all(a > b for a, b in itertools.pairwise(means)), means
    assert means[-1] < 0.01 < means[0]


def test_an_overconfident_model_has_the_gap_as_its_ece():
    # Always 0.9 confident, right 60 % of the time: one bin, ECE = 0.3.
    probs = np.tile([0.9, 0.05, 0.05], (10, 1))
    target = np.array([0] * 6 + [1] * 4)
    assert ece(probs, target) == pytest.approx(0.3)


def test_lies_in_the_unit_interval_and_float32_stays_float32():
    rng = np.random.default_rng(3)
    probs = softmax(rng.normal(scale=5.0, size=(200, 4)), axis=1)
    target = rng.integers(0, 4, size=200)
    v64 = ece(probs, target)
    v32 = ece(probs.astype(np.float32), target)
    assert v32.dtype == np.float32 and v64.dtype == np.float64
    assert 0 <= v64 <= 1
    assert v32 == pytest.approx(v64, abs=1e-6)
    # always wrong at confidence 1: the largest ECE
    assert ece(np.array([[1.0, 0.0]] * 3), np.array([1, 1, 1])) == 1


def test_nan_propagates_without_a_warning():
    assert np.isnan(ece(np.array([[np.nan, 0.5], [0.2, 0.8]]), np.array([0, 1])))


@pytest.mark.parametrize(
    ("args", "kwargs", "exc", "match"),
    [
        ((np.array([[2.0, -1.0]]), [0]), {}, ValueError, "probs must lie in"),
        ((np.array([0.5, 0.5]), [0]), {}, ValueError, "probs must have shape"),
        ((np.empty((0, 2)), []), {}, ValueError, "probs must have shape"),
        ((np.array([[0.5, 0.5]]), [0, 1]), {}, ValueError, "target must hold one class"),
        ((np.array([[0.5, 0.5]]), [2]), {}, ValueError, "target holds class index 2"),
        ((np.array([[0.5, 0.5]]), [0.5]), {}, TypeError, "target must hold integer"),
        ((np.array([[0.5, 0.5]]), [0]), {"n_bins": 0}, ValueError, "n_bins must be >= 1"),
        ((np.array([[0.5, 0.5]]), [0]), {"n_bins": 2.0}, TypeError, "n_bins must be an integer"),
        ((np.array([["a", "b"]]), [0]), {}, TypeError, "probs must hold real numbers"),
    ],
)
def test_bad_input_names_the_argument(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        ece(*args, **kwargs)
