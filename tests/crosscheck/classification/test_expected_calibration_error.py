"""expected_calibration_error against torchmetrics and Guo et al.'s ``_ECELoss`` written in torch.

torchmetrics' ``multiclass_calibration_error(norm="l1")`` (1.9) bins with
``torch.bucketize(right=True)``: [lo, hi) and an extra bin for a confidence of
exactly 1, in float32. Guo et al.'s reference code (gpleiss/temperature_scaling)
bins with ``gt(lo) * le(hi)``: (lo, hi], as lossdocs. Away from the edges all
three agree; on the edges lossdocs agrees with Guo et al. (the last test shows
the difference with torchmetrics).
"""

import itertools

import numpy as np
import pytest
import torch
from _xcheck import ld
from torchmetrics.functional.classification import multiclass_calibration_error

ece = ld("expected_calibration_error")


def guo_ece(probs, labels, n_bins):
    """gpleiss/temperature_scaling's _ECELoss.forward, on probabilities.

    ``gt(lower.item())`` compares in the dtype of ``confidences``: the edges are rounded to it.
    """
    edges = torch.linspace(0, 1, n_bins + 1, dtype=torch.float64)
    confidences, predictions = torch.max(probs, 1)
    accuracies = predictions.eq(labels)
    total = torch.zeros(1, dtype=torch.float64)
    for lower, upper in itertools.pairwise(edges):
        in_bin = confidences.gt(lower.item()) * confidences.le(upper.item())
        prop = in_bin.double().mean()
        if prop.item() > 0:
            gap = confidences[in_bin].mean() - accuracies[in_bin].double().mean()
            total += torch.abs(gap) * prop
    return total.item()


def _data(seed, n=3_000, c=10, scale=3.0):
    rng = np.random.default_rng(seed)
    probs = torch.softmax(torch.tensor(rng.normal(0, scale, (n, c))), dim=1).numpy()
    return probs, rng.integers(0, c, n)


@pytest.mark.parametrize("n_bins", [1, 5, 10, 15, 20])
@pytest.mark.parametrize("seed", [0, 1])
def test_guo_et_al_code(seed, n_bins):
    probs, y = _data(seed)
    expected = guo_ece(torch.tensor(probs), torch.tensor(y), n_bins)
    assert ece(probs, y, n_bins=n_bins) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("n_bins", [1, 5, 15])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_torchmetrics_away_from_the_edges(seed, n_bins):
    probs, y = _data(seed, scale=2.0)
    p32 = probs.astype(np.float32)
    tm = multiclass_calibration_error(
        torch.from_numpy(p32), torch.from_numpy(y), num_classes=10, n_bins=n_bins, norm="l1"
    )
    assert ece(p32, y, n_bins=n_bins) == pytest.approx(tm.item(), abs=2e-6)


def test_torchmetrics_on_the_edges():
    # confidences 0.6 (on the edge 3/5) and 1.0: torchmetrics puts 0.6 with 0.7 in [0.6, 0.8)
    # and 1.0 in a bin of its own; Guo et al. and lossdocs put 0.6 alone in (0.4, 0.6] and
    # 1.0 with 0.9 in (0.8, 1].
    probs = np.array([[0.6, 0.4], [0.7, 0.3], [1.0, 0.0], [0.9, 0.1]], dtype=np.float32)
    y = np.array([1, 0, 1, 0])  # wrong, right, wrong, right
    tm = multiclass_calibration_error(
        torch.from_numpy(probs), torch.from_numpy(y), num_classes=2, n_bins=5
    ).item()
    assert tm == pytest.approx((2 * abs(0.5 - 0.65) + abs(0 - 1.0) + abs(1 - 0.9)) / 4)
    ours = ece(probs, y, n_bins=5)
    assert ours == pytest.approx(guo_ece(torch.tensor(probs), torch.tensor(y), 5), rel=1e-6)
    assert ours == pytest.approx((0.6 + 0.3 + 2 * abs(0.5 - 0.95)) / 4, rel=1e-6)
    assert abs(ours - tm) > 0.09  # 0.45 against 0.35
