"""z_loss against torch and Hugging Face transformers' router z-loss.

``z_loss`` = ``torch.logsumexp(...) ** 2`` averaged, and = transformers'
``router_z_loss_func`` (Switch Transformers: the sum of ``log_z ** 2``
divided by ``num_groups * tokens_per_group``), written out below.
"""

import numpy as np
import pytest
import torch
from _xcheck import EXTREME, REDUCTIONS, assert_close, ld, tt


def hf_router_z_loss_func(router_logits):
    """transformers' router_z_loss_func (Switch Transformers), as in its source."""
    num_groups, tokens_per_group, _ = router_logits.shape
    log_z = torch.logsumexp(router_logits, dim=-1)
    z_loss = log_z**2
    return torch.sum(z_loss) / (num_groups * tokens_per_group)


def _logits(seed, v=11):
    return np.random.default_rng(seed).normal(size=(4, 7, v)) * 3


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_z_loss_is_logsumexp_squared(reduction):
    logits = _logits(6)
    per = torch.logsumexp(tt(logits), dim=-1) ** 2
    expected = {"none": per, "sum": per.sum(), "mean": per.mean()}[reduction]
    assert_close(ld("z_loss")(logits, reduction=reduction), expected)


def test_z_loss_is_transformers_router_z_loss_and_extreme():
    logits = _logits(7, v=len(EXTREME))
    logits[0, 0] = EXTREME
    assert_close(ld("z_loss")(logits), hf_router_z_loss_func(tt(logits)))
    assert_close(
        ld("z_loss")(logits.astype(np.float32)),
        hf_router_z_loss_func(tt(logits, dtype=np.float32)),
        dtype=np.float32,
    )
