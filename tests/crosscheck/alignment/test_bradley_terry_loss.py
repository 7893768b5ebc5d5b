"""bradley_terry_loss against torch's logsigmoid and BCE-with-logits forms.

TRL's ``RewardTrainer`` writes the loss as
``-nn.functional.logsigmoid(rewards_chosen - rewards_rejected - margin)``
(trl/trainer/reward_trainer.py at v0.26.0); that torch expression is the reference.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, REDUCTIONS, assert_close, ld, tt


def torch_bt(chosen, rejected, margin=0.0, reduction="mean"):
    loss = -F.logsigmoid(chosen - rejected - margin)
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_matches_minus_logsigmoid(reduction):
    rng = np.random.default_rng(0)
    chosen, rejected = rng.normal(0, 3, 40), rng.normal(0, 3, 40)
    margin = rng.uniform(0, 2, 40)
    got = ld("bradley_terry_loss")(chosen, rejected, margin=margin, reduction=reduction)
    assert_close(got, torch_bt(tt(chosen), tt(rejected), tt(margin), reduction))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_extreme_reward_differences(dtype):
    chosen, rejected = EXTREME.astype(dtype), np.zeros(EXTREME.shape, dtype)
    got = ld("bradley_terry_loss")(chosen, rejected, reduction="none")
    assert_close(got, torch_bt(tt(chosen), tt(rejected), reduction="none"), dtype=dtype)


def test_is_bce_with_logits_on_the_difference_with_target_one():
    rng = np.random.default_rng(1)
    chosen, rejected = rng.normal(size=10), rng.normal(size=10)
    expected = F.binary_cross_entropy_with_logits(
        tt(chosen) - tt(rejected), torch.ones(10), reduction="none"
    )
    assert_close(ld("bradley_terry_loss")(chosen, rejected, reduction="none"), expected)


def test_autograd_gradient_is_the_closed_form_of_the_notes():
    rng = np.random.default_rng(2)
    chosen, rejected = rng.normal(size=8), rng.normal(size=8)
    c, r = tt(chosen, grad=True), tt(rejected, grad=True)
    gc, gr = torch.autograd.grad(torch_bt(c, r, 0.5, "sum"), (c, r))
    closed = -torch.sigmoid(tt(rejected) + 0.5 - tt(chosen))  # -sigma(r_r + m - r_c)
    assert_close(gc.numpy(), closed)
    assert_close(gr.numpy(), -closed)
