"""ppo_clip_loss against TRL's GRPOTrainer per-token loss, written out in torch.

From trl/trainer/grpo_trainer.py at f2cd57710ae345ea6428ae95363267fcf38a3dc8 (main,
1.10.0.dev0), ``_compute_loss`` with ``loss_type`` "grpo"/"dapo" and token-level
importance sampling: ``coef_1 = torch.exp(per_token_logps - old_per_token_logps)``,
``coef_2 = torch.clamp(coef_1, 1 - epsilon_low, 1 + epsilon_high)``,
``per_token_loss = -torch.min(coef_1 * advantages, coef_2 * advantages)``.
"""

import numpy as np
import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt


def trl_per_token_loss(logp, old_logp, advantages, eps):
    coef_1 = torch.exp(logp - old_logp)
    coef_2 = torch.clamp(coef_1, 1 - eps, 1 + eps)
    return -torch.min(coef_1 * advantages, coef_2 * advantages)


def _batch(seed, shape=(4, 9)):
    rng = np.random.default_rng(seed)
    old = np.log(rng.uniform(0.01, 1, shape))
    logp = np.minimum(old + rng.normal(0, 0.4, shape), 0.0)
    adv = np.broadcast_to(rng.normal(size=(shape[0], 1)), shape).copy()  # one per sequence
    return logp, old, adv


@pytest.mark.parametrize("eps", [0.0, 0.1, 0.2, 0.28])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_matches_trl_per_token_loss(eps, reduction):
    logp, old, adv = _batch(0)
    got = ld("ppo_clip_loss")(logp, old, adv, clip_eps=eps, reduction=reduction)
    per = trl_per_token_loss(tt(logp), tt(old), tt(adv), eps)
    expected = {"mean": per.mean(), "sum": per.sum(), "none": per}[reduction]
    assert_close(got, expected)


def test_trl_broadcasts_one_advantage_per_sequence_as_we_ask_the_caller_to():
    logp, old, adv = _batch(1)
    per_sequence = tt(adv[:, 0]).unsqueeze(1)  # TRL: advantages.unsqueeze(1), shape (B, 1)
    expected = trl_per_token_loss(tt(logp), tt(old), per_sequence, 0.2)
    assert_close(ld("ppo_clip_loss")(logp, old, adv, reduction="none"), expected)


def test_autograd_gradient_is_minus_rho_a_or_zero():
    logp, old, adv = _batch(2)
    x = tt(logp, grad=True)
    (g,) = torch.autograd.grad(trl_per_token_loss(x, tt(old), tt(adv), 0.2).sum(), x)
    rho = np.exp(logp - old)
    clipped = ((adv > 0) & (rho > 1.2)) | ((adv < 0) & (rho < 0.8))
    assert_close(g.numpy(), np.where(clipped, 0.0, -rho * adv))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float32(dtype):
    logp, old, adv = (a.astype(dtype) for a in _batch(3))
    got = ld("ppo_clip_loss")(logp, old, adv, reduction="none")
    assert_close(got, trl_per_token_loss(tt(logp), tt(old), tt(adv), 0.2), dtype=dtype)


def test_overflowing_ratio_with_zero_advantage_is_0_where_torch_gives_nan():
    logp, old, adv = np.array([0.0, 0.0]), np.array([-1e4, -1e4]), np.array([0.0, 1.0])
    torch_value = trl_per_token_loss(tt(logp), tt(old), tt(adv), 0.2).numpy()
    assert np.isnan(torch_value[0]) and torch_value[1] == -1.2
    assert_close(ld("ppo_clip_loss")(logp, old, adv, reduction="none"), np.array([0.0, -1.2]))
