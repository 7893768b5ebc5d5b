"""group_advantages against TRL's GRPOTrainer advantages, written out in torch.

From trl/trainer/grpo_trainer.py at f2cd57710ae345ea6428ae95363267fcf38a3dc8 (main,
1.10.0.dev0), ``_generate_and_score_completions`` with ``scale_rewards="group"``:
``mean_grouped_rewards = torch.nanmean(rewards.view(-1, num_generations), dim=1)``,
``std_rewards = nanstd(rewards.view(-1, num_generations), dim=1)`` (trl/trainer/utils.py:
Bessel's correction, count / (count - 1)), both ``repeat_interleave``d, then
``advantages = (rewards - mean_grouped_rewards) / (std_rewards + 1e-4)``.
"""

import numpy as np
import pytest
import torch
from _xcheck import assert_close, ld, tt


def trl_nanstd(tensor, dim):
    mean = torch.nanmean(tensor, dim=dim, keepdim=True)
    variance = torch.nanmean((tensor - mean) ** 2, dim=dim, keepdim=True)
    count = torch.sum(~torch.isnan(tensor), dim=dim, keepdim=True)
    variance *= count / (count - 1)
    return torch.sqrt(variance).squeeze(dim)


def trl_advantages(rewards, num_generations):
    mean = torch.nanmean(rewards.view(-1, num_generations), dim=1)
    std = trl_nanstd(rewards.view(-1, num_generations), dim=1)
    mean = mean.repeat_interleave(num_generations, dim=0)
    std = std.repeat_interleave(num_generations, dim=0)
    return (rewards - mean) / (std + 1e-4)


@pytest.mark.parametrize("num_generations", [2, 4, 8, 16])
def test_matches_trl_on_a_flat_batch(num_generations):
    rng = np.random.default_rng(num_generations)
    rewards = rng.normal(0, 2, 6 * num_generations)
    expected = trl_advantages(tt(rewards), num_generations)
    got = ld("group_advantages")(rewards.reshape(-1, num_generations)).reshape(-1)
    assert_close(got, expected)


def test_matches_trl_and_torch_std_on_binary_rewards():
    # Correct / incorrect rewards, including groups where all agree (advantage 0).
    rewards = np.array([1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0], dtype=np.float64)
    expected = trl_advantages(tt(rewards), 4)
    assert_close(ld("group_advantages")(rewards.reshape(4, 4)).reshape(-1), expected)
    grouped = tt(rewards).view(4, 4)
    torch_std = (grouped - grouped.mean(1, keepdim=True)) / (grouped.std(1, keepdim=True) + 1e-4)
    assert_close(ld("group_advantages")(rewards.reshape(4, 4)), torch_std)


def test_float32():
    rewards = np.random.default_rng(0).normal(size=(5, 8)).astype(np.float32)
    expected = trl_advantages(tt(rewards.reshape(-1)), 8).view(5, 8)
    assert_close(ld("group_advantages")(rewards), expected, dtype=np.float32)
