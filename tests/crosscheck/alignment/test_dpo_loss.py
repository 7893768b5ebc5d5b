"""dpo_loss against TRL's DPOTrainer loss, written out in torch from its source.

Read with the search tool (mirror of huggingface/trl):
- v0.26.0 (commit 0c4520b1204183dfb7c3af2f8fbd4a807b2851d2), trl/trainer/dpo_trainer.py,
  ``dpo_loss``: ``logits = (chosen_logps - rejected_logps) - (ref_chosen_logps -
  ref_rejected_logps)``; ``"sigmoid"``: ``-F.logsigmoid(beta * logits) * (1 - label_smoothing)
  - F.logsigmoid(-beta * logits) * label_smoothing``; ``"ipo"``: ``(logits - 1 / (2 * beta))
  ** 2``; and in ``concatenated_forward``, for IPO only, ``all_logps = all_logps /
  loss_mask.sum(-1)`` (per-token average log-probabilities, policy and reference alike).
- main at f2cd57710ae345ea6428ae95363267fcf38a3dc8 (1.10.0.dev0, 2026-07-24), the same file,
  ``_compute_loss``: ``"sigmoid"`` is ``-F.logsigmoid(beta * delta_score)`` with no label
  smoothing (since the refactor of v0.29); ``"ipo"`` divides each sequence's log-ratio by its
  completion length before the difference, the same values as v0.26's averaging.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt


def trl_v026_dpo_losses(pc, pr, rc, rr, beta, label_smoothing, loss_type):
    logits = (pc - pr) - (rc - rr)
    if loss_type == "ipo":
        return (logits - 1 / (2 * beta)) ** 2
    return (
        -F.logsigmoid(beta * logits) * (1 - label_smoothing)
        - F.logsigmoid(-beta * logits) * label_smoothing
    )


def trl_main_sigmoid(pc, pr, rc, rr, beta):
    delta_score = (pc - rc) - (pr - rr)
    return -F.logsigmoid(beta * delta_score)


def _logps(seed, n=16, scale=40.0):
    rng = np.random.default_rng(seed)
    return [-rng.uniform(1, scale, n) for _ in range(4)]


@pytest.mark.parametrize("label_smoothing", [0.0, 0.1, 0.3, 0.5])
@pytest.mark.parametrize("beta", [0.01, 0.1, 0.5])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_sigmoid_matches_trl_v026(beta, label_smoothing, reduction):
    arrays = _logps(0)
    got = ld("dpo_loss")(*arrays, beta=beta, label_smoothing=label_smoothing, reduction=reduction)
    per = trl_v026_dpo_losses(*map(tt, arrays), beta, label_smoothing, "sigmoid")
    expected = {"mean": per.mean(), "sum": per.sum(), "none": per}[reduction]
    assert_close(got, expected)


@pytest.mark.parametrize("beta", [0.05, 0.1, 1.0])
def test_ipo_matches_trl_on_sequence_log_probs(beta):
    arrays = _logps(1)
    got = ld("dpo_loss")(*arrays, beta=beta, loss_type="ipo", reduction="none")
    assert_close(got, trl_v026_dpo_losses(*map(tt, arrays), beta, 0.0, "ipo"))


def test_trl_main_sigmoid_is_ours_without_label_smoothing():
    arrays = _logps(2)
    got = ld("dpo_loss")(*arrays, beta=0.1, reduction="none")
    assert_close(got, trl_main_sigmoid(*map(tt, arrays), 0.1))
    smoothed = ld("dpo_loss")(*arrays, beta=0.1, label_smoothing=0.1, reduction="none")
    assert not np.allclose(smoothed, got)  # main's "sigmoid" ignores label_smoothing


def _per_token_logps(logits, labels, mask):
    """TRL's per-token log-probabilities of the labels, 0 outside the completion."""
    per_token = torch.gather(logits.log_softmax(-1), 2, labels.unsqueeze(2)).squeeze(2)
    return per_token * mask


def test_ipo_with_trl_per_token_averages_from_logits():
    # Sequences of different lengths: TRL's IPO averages log-probabilities over the
    # completion tokens; passing those averages to dpo_loss gives TRL's loss.
    gen = torch.Generator().manual_seed(0)
    batch, length, vocab, beta = 4, 7, 11, 0.1
    labels = torch.randint(0, vocab, (2 * batch, length), generator=gen)
    lengths = torch.tensor([7, 3, 5, 1, 2, 7, 4, 6])
    mask = (torch.arange(length)[None, :] < lengths[:, None]).double()
    policy = _per_token_logps(torch.randn(2 * batch, length, vocab, generator=gen), labels, mask)
    ref = _per_token_logps(torch.randn(2 * batch, length, vocab, generator=gen), labels, mask)
    policy_avg, ref_avg = policy.sum(-1) / mask.sum(-1), ref.sum(-1) / mask.sum(-1)
    expected = trl_v026_dpo_losses(
        policy_avg[:batch], policy_avg[batch:], ref_avg[:batch], ref_avg[batch:], beta, 0, "ipo"
    )
    # TRL main: the summed log-ratio divided by each completion's length.
    chosen_score = (policy.sum(-1) - ref.sum(-1))[:batch] / mask.sum(-1)[:batch]
    rejected_score = (policy.sum(-1) - ref.sum(-1))[batch:] / mask.sum(-1)[batch:]
    main = (chosen_score - rejected_score - 1 / (2 * beta)) ** 2
    assert_close(main.numpy(), expected)
    args = [a.numpy() for a in (policy_avg[:batch], policy_avg[batch:])]
    args += [a.numpy() for a in (ref_avg[:batch], ref_avg[batch:])]
    got = ld("dpo_loss")(*args, beta=beta, loss_type="ipo", reduction="none")
    assert_close(got, expected)
    summed = [a.numpy() for a in (policy.sum(-1)[:batch], policy.sum(-1)[batch:])]
    summed += [a.numpy() for a in (ref.sum(-1)[:batch], ref.sum(-1)[batch:])]
    assert not np.allclose(ld("dpo_loss")(*summed, beta=beta, loss_type="ipo"), got.mean())


def test_autograd_gradient_weight_is_beta_sigmoid_minus_beta_h():
    arrays = _logps(3)
    beta = 0.3
    pc = tt(arrays[0], grad=True)
    loss = trl_v026_dpo_losses(pc, *map(tt, arrays[1:]), beta, 0.0, "sigmoid").sum()
    (g,) = torch.autograd.grad(loss, pc)
    pc_, pr_, rc_, rr_ = map(tt, arrays)
    h = (pc_ - pr_) - (rc_ - rr_)
    assert_close(g.numpy(), -beta * torch.sigmoid(-beta * h))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float32_and_extreme_margins(dtype):
    h = np.array([-1e4, -500.0, -1.0, 0.0, 1.0, 500.0, 1e4])
    k = np.abs(h) + 1
    arrays = [(-k).astype(dtype), (-k - h).astype(dtype), (-k).astype(dtype), (-k).astype(dtype)]
    got = ld("dpo_loss")(*arrays, beta=1.0, label_smoothing=0.1, reduction="none")
    expected = trl_v026_dpo_losses(*(tt(a) for a in arrays), 1.0, 0.1, "sigmoid")
    assert_close(got, expected, dtype=dtype)
