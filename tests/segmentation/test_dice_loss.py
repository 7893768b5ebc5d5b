"""Tests of dice_loss and dice_loss_grad: 2J / (1 + J), the squared (V-Net) form, the eps kink."""

import numpy as np
import pytest

from lossdocs import (
    dice_loss,
    dice_loss_grad,
)


def test_squared_dice_is_zero_at_soft_probs_equal_target():
    p = np.array([[0.2, 0.7, 0.4]])
    assert dice_loss(p, p, squared=True) == 0.0
    # The plain form is not: 2 sum p^2 / (2 sum p) = 0.69 / 1.3.
    assert dice_loss(p, p) == pytest.approx(1 - 0.69 / 1.3)


def test_grad_at_the_eps_kink_takes_the_unclamped_branch():
    # p = t = 0.25, eps = 0.5 = |P| + |T|: unclamped (2 I - 2 t C) / C^2 = (0.125 - 0.25) / 0.25
    # = -0.5, clamped -2 t / eps = -1; like clamp_min's backward, equality is unclamped.
    assert dice_loss_grad([0.25], [0.25], eps=0.5) == -0.5


def test_ints_and_bools_become_float64():
    out = dice_loss(np.array([[True, False]]), [[1, 1]], reduction="none")
    assert out.dtype == np.float64


@pytest.mark.parametrize("fn", [dice_loss, dice_loss_grad])
def test_squared_must_be_bool(fn):
    with pytest.raises(TypeError, match="squared"):
        fn([0.5], [1.0], squared=1)
