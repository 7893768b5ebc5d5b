"""causal_lm_loss against torch and Hugging Face transformers' causal-LM loss.

``causal_lm_loss`` = ``F.cross_entropy`` on the shifted, flattened tokens
(api-2.md), and = transformers' ``ForCausalLMLoss`` (``loss/loss_utils.py``:
labels padded with -100 on the right, shifted by one, flattened; with
``num_items_in_batch`` the sum is divided by that count, the
gradient-accumulation fix), written out below.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, REDUCTIONS, assert_close, ld, tt


def hf_for_causal_lm_loss(logits, labels, vocab_size, num_items_in_batch=None, ignore_index=-100):
    """transformers' ForCausalLMLoss with fixed_cross_entropy, as in its source."""
    logits = logits.float() if logits.dtype == torch.float16 else logits  # (it upcasts to float)
    labels = F.pad(labels, (0, 1), value=ignore_index)
    shift_labels = labels[..., 1:].contiguous()
    logits = logits.view(-1, vocab_size)
    shift_labels = shift_labels.view(-1)
    reduction = "sum" if num_items_in_batch is not None else "mean"
    loss = F.cross_entropy(logits, shift_labels, ignore_index=ignore_index, reduction=reduction)
    if reduction == "sum":
        loss = loss / num_items_in_batch
    return loss


def _tokens(seed=0, b=4, t=7, v=11, dtype=np.float64, scale=3.0):
    rng = np.random.default_rng(seed)
    logits = (rng.normal(size=(b, t, v)) * scale).astype(dtype)
    labels = rng.integers(0, v, size=(b, t))
    labels[0, :3] = -100  # a prompt
    labels[-1, 5:] = -100  # padding
    return logits, labels


def torch_shifted(logits, labels, reduction="mean", ignore_index=-100):
    v = logits.shape[-1]
    flat = torch.as_tensor(logits)[:, :-1].reshape(-1, v)
    target = torch.as_tensor(labels)[:, 1:].reshape(-1)
    out = F.cross_entropy(flat, target, ignore_index=ignore_index, reduction=reduction)
    return out.reshape(labels.shape[0], -1) if reduction == "none" else out


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_causal_lm_loss_is_shifted_cross_entropy(reduction, dtype):
    logits, labels = _tokens(dtype=dtype)
    expected = torch_shifted(logits, labels, reduction)
    assert_close(ld("causal_lm_loss")(logits, labels, reduction=reduction), expected, dtype=dtype)


def test_causal_lm_loss_custom_ignore_index_and_extreme_logits():
    logits, labels = _tokens(1, v=len(EXTREME))
    logits[1] = EXTREME  # every position of sequence 1 sees |z| up to 1e4
    labels = np.where(labels == -100, 3, labels)
    got = ld("causal_lm_loss")(logits, labels, ignore_index=3, reduction="none")
    assert_close(got, torch_shifted(logits, labels, "none", ignore_index=3))


def test_causal_lm_loss_is_transformers_for_causal_lm_loss():
    logits, labels = _tokens(2)
    expected = hf_for_causal_lm_loss(tt(logits), torch.as_tensor(labels), logits.shape[-1])
    assert_close(ld("causal_lm_loss")(logits, labels), expected)


def test_gradient_accumulation_sum_over_total_is_the_full_batch_mean():
    # Micro-batches of one sequence each: transformers divides each micro-batch's sum by
    # num_items_in_batch, the scored tokens of the whole accumulated batch.
    logits, labels = _tokens(3)
    total = int((labels[:, 1:] != -100).sum())
    hf = sum(
        hf_for_causal_lm_loss(tt(logits[i : i + 1]), torch.as_tensor(labels[i : i + 1]), 11, total)
        for i in range(4)
    )
    assert_close(ld("causal_lm_loss")(logits, labels), hf)
    naive = np.mean([ld("causal_lm_loss")(logits[i : i + 1], labels[i : i + 1]) for i in range(4)])
    assert abs(naive - float(hf)) > 1e-3  # the per-micro-batch mean is a different number


def test_causal_lm_loss_gradient_matches_autograd():
    # The page's gradient: (softmax(z_t) - onehot(y_{t+1})) / |S| at scored positions.
    logits, labels = _tokens(4, b=2, t=5, v=6)
    zt = tt(logits, grad=True)
    (g,) = torch.autograd.grad(torch_shifted(zt, labels), zt)
    keep = labels[:, 1:] != -100
    probs = ld("softmax")(logits[:, :-1])
    onehot = np.eye(6)[np.where(keep, labels[:, 1:], 0)]
    formula = np.zeros_like(logits)
    formula[:, :-1] = np.where(keep[..., None], probs - onehot, 0) / keep.sum()
    assert_close(formula, g)
