"""Tests of jaccard_loss and jaccard_loss_grad: the set IoU on hard masks, the soft formula."""

import numpy as np
import pytest

from lossdocs import jaccard_loss, jaccard_loss_grad


def test_on_hard_masks_it_is_one_minus_the_iou_of_the_pixel_sets():
    rng = np.random.default_rng(3)
    probs, target = rng.integers(0, 2, (4, 12)), rng.integers(0, 2, (4, 12))
    for p, t, loss in zip(
        probs, target, jaccard_loss(probs, target, reduction="none"), strict=True
    ):
        a, b = set(np.flatnonzero(p)), set(np.flatnonzero(t))
        expected = 1 - len(a & b) / len(a | b) if a | b else 1.0  # empty masks: loss 1
        assert loss == pytest.approx(expected, rel=1e-12)


def test_soft_masks_follow_the_tanimoto_formula_summed_by_python():
    # Sample by sample, with Python floats: 1 - (I + s) / (P + T - I + s).
    rng = np.random.default_rng(4)
    probs, target = rng.uniform(size=(3, 7)), rng.uniform(size=(3, 7))
    got = jaccard_loss(probs, target, smooth=0.5, reduction="none")
    for p, t, loss in zip(probs.tolist(), target.tolist(), got, strict=True):
        inter = sum(a * b for a, b in zip(p, t, strict=True))
        assert loss == pytest.approx(1 - (inter + 0.5) / (sum(p) + sum(t) - inter + 0.5))


def test_raising_a_probability_on_the_target_lowers_the_loss():
    # d/dp_i of the soft IoU is positive where t_i = 1 and negative where t_i = 0.
    g = jaccard_loss_grad([0.3, 0.6, 0.2], [1.0, 0.0, 1.0], reduction="sum")
    assert g[0] < 0 and g[1] > 0 and g[2] < 0
