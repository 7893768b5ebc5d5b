"""Tests of mae and mae_grad: the median property and the sign subgradient."""

import numpy as np
import pytest

from lossdocs import mae, mae_grad


def test_a_constant_prediction_is_best_at_the_median():
    # The mean absolute error of a constant c is smallest at a median of the targets
    # (3 here), and the mean (21 / 5) does worse: MAE's robustness to the outlier 12.
    target = np.array([1.0, 2.0, 3.0, 3.0, 12.0])
    grid = np.linspace(0.0, 13.0, 1301)
    losses = [mae(np.full(5, c), target) for c in grid]
    assert grid[int(np.argmin(losses))] == pytest.approx(3.0)
    assert mae(np.full(5, 3.0), target) < mae(np.full(5, target.mean()), target)


def test_the_subgradient_is_the_sign_of_the_error_scaled_for_the_mean():
    pred, target = np.array([2.0, -1.0, 0.5, 7.0]), np.array([1.0, 3.0, 0.5, 7.5])
    np.testing.assert_array_equal(mae_grad(pred, target, reduction="sum"), [1.0, -1.0, 0.0, -1.0])
    np.testing.assert_array_equal(mae_grad(pred, target), [0.25, -0.25, 0.0, -0.25])
    # Every error pulls with the same force: scaling the errors leaves the subgradient alone.
    np.testing.assert_array_equal(mae_grad(10 * pred, 10 * target), mae_grad(pred, target))
