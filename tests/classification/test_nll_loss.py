"""Tests of nll_loss: hand values."""

import math

import numpy as np
import pytest

from lossdocs import nll_loss


def test_nll_hand_values():
    # -log(1/2) = log 2 and -log(0.8); weights 3 and 1: (3 log 2 - log .8) / (3 + 1).
    lp = np.log([[0.5, 0.25, 0.25], [0.1, 0.1, 0.8]])
    np.testing.assert_allclose(
        nll_loss(lp, [0, 2], reduction="none"), [math.log(2), -math.log(0.8)]
    )
    expected = (3 * math.log(2) - math.log(0.8)) / 4
    assert nll_loss(lp, [0, 2], weight=[3.0, 1.0, 1.0]) == pytest.approx(expected)


@pytest.mark.parametrize("shape", [(7, 4), (3, 4, 2, 5)])
def test_contiguous_and_strided_scores_pick_the_same_entries(shape):
    # C-ordered scores are gathered through flat indices, other layouts through
    # take_along_axis: both must pick each label's entry, skip ignore_index, apply weights.
    rng = np.random.default_rng(3)
    lp = rng.normal(size=shape)
    target = rng.integers(0, shape[1], (shape[0], *shape[2:]))
    target.flat[::3] = -1
    w = rng.uniform(0.5, 2, shape[1])
    expected = np.zeros(target.shape)
    for pos in np.ndindex(target.shape):
        if target[pos] != -1:
            expected[pos] = -w[target[pos]] * lp[(pos[0], target[pos], *pos[1:])]
    for x in (lp, np.asfortranarray(lp)):
        got = nll_loss(x, target, weight=w, ignore_index=-1, reduction="none")
        np.testing.assert_array_equal(got, expected)
