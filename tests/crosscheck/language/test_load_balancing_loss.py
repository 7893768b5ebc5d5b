"""load_balancing_loss against transformers' Mixtral function, written out in torch.

``hf_load_balancing_loss_func`` is transformers' ``load_balancing_loss_func``
from ``src/transformers/models/mixtral/modeling_mixtral.py``, written out
line by line (read with the search tool): softmax over the concatenated
layers' gate logits, ``topk`` of the probabilities, a one-hot
``(tokens, top_k, E)`` expert mask, its mean over tokens (``f``, shape
``(top_k, E)``), the mean probability ``P``, then
``sum(f * P[None]) * E``; with an attention mask, both means run over the
unpadded tokens only.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, assert_close, ld, tt


def hf_load_balancing_loss_func(gate_logits, num_experts=None, top_k=2, attention_mask=None):
    """transformers' load_balancing_loss_func (Mixtral), as in its source."""
    if gate_logits is None or not isinstance(gate_logits, tuple):
        return 0
    compute_device = gate_logits[0].device
    concatenated = torch.cat([layer_gate.to(compute_device) for layer_gate in gate_logits], dim=0)
    routing_weights = F.softmax(concatenated, dim=-1)
    _, selected_experts = torch.topk(routing_weights, top_k, dim=-1)
    expert_mask = F.one_hot(selected_experts, num_experts)
    if attention_mask is None:
        tokens_per_expert = torch.mean(expert_mask.float(), dim=0)
        router_prob_per_expert = torch.mean(routing_weights, dim=0)
    else:
        batch_size, sequence_length = attention_mask.shape
        num_hidden_layers = concatenated.shape[0] // (batch_size * sequence_length)
        expert_attention_mask = (
            attention_mask[None, :, :, None, None]
            .expand((num_hidden_layers, batch_size, sequence_length, top_k, num_experts))
            .reshape(-1, top_k, num_experts)
        )
        tokens_per_expert = torch.sum(
            expert_mask.float() * expert_attention_mask, dim=0
        ) / torch.sum(expert_attention_mask, dim=0)
        router_per_expert_attention_mask = (
            attention_mask[None, :, :, None]
            .expand((num_hidden_layers, batch_size, sequence_length, num_experts))
            .reshape(-1, num_experts)
        )
        router_prob_per_expert = torch.sum(
            routing_weights * router_per_expert_attention_mask, dim=0
        ) / torch.sum(router_per_expert_attention_mask, dim=0)
    overall_loss = torch.sum(tokens_per_expert * router_prob_per_expert.unsqueeze(0))
    return overall_loss * num_experts


# transformers takes the token fractions f as ``expert_mask.float()``, float32 even for float64
# logits, so f = count / N is rounded to float32 (a relative error up to 6e-8) before the
# float64 product; lossdocs keeps the input's precision. Hence this tolerance in float64.
RTOL_F32_FRACTIONS = 1e-7


def _router(seed=0, n=48, e=8, scale=2.0, dtype=np.float64):
    return (np.random.default_rng(seed).normal(size=(n, e)) * scale).astype(dtype)


@pytest.mark.parametrize("top_k", [1, 2, 3, 8])
def test_load_balancing_loss_is_mixtral_without_a_mask(top_k):
    logits = _router(top_k)
    expected = hf_load_balancing_loss_func((tt(logits),), 8, top_k)
    assert_close(ld("load_balancing_loss")(logits, top_k=top_k), expected, rtol=RTOL_F32_FRACTIONS)


def test_load_balancing_loss_float32_and_extreme_logits():
    logits = _router(1, e=len(EXTREME), dtype=np.float32)
    # |z| up to 1e4, with a distinct runner-up (1e4 - 3) so the top-2 choice has no tie:
    # torch.topk's order among equal (underflowed) probabilities is unspecified.
    extreme = np.where(EXTREME == 745.0, 1e4 - 3.0, EXTREME)
    logits[:5] = extreme[np.random.default_rng(1).permuted(np.tile(np.arange(11), (5, 1)), axis=1)]
    expected = hf_load_balancing_loss_func((tt(logits),), 11, 2)
    assert_close(ld("load_balancing_loss")(logits, top_k=2), expected, dtype=np.float32)


def test_layers_are_concatenated_as_transformers_does():
    layers = [_router(10 + i, n=12, e=4) for i in range(3)]
    expected = hf_load_balancing_loss_func(tuple(tt(x) for x in layers), 4, 2)
    got = ld("load_balancing_loss")(np.concatenate(layers), top_k=2)
    assert_close(got, expected, rtol=RTOL_F32_FRACTIONS)


def test_the_masked_form_is_this_function_on_the_unpadded_tokens():
    b, s, e, n_layers = 3, 5, 4, 2
    mask = np.ones((b, s), dtype=np.int64)
    mask[0, 3:] = 0
    mask[2, 1:] = 0
    layers = [_router(20 + i, n=b * s, e=e) for i in range(n_layers)]
    expected = hf_load_balancing_loss_func(
        tuple(tt(x) for x in layers), e, 2, attention_mask=torch.as_tensor(mask)
    )
    keep = np.tile(mask.reshape(-1) == 1, n_layers)
    got = ld("load_balancing_loss")(np.concatenate(layers)[keep], top_k=2)
    assert_close(got, expected, rtol=RTOL_F32_FRACTIONS)


def test_transformers_returns_zero_for_a_single_tensor():
    # A surprise of the reference: one tensor (not a tuple of layers) gives 0, silently.
    logits = _router(30)
    assert hf_load_balancing_loss_func(tt(logits), 8, 2) == 0
    assert ld("load_balancing_loss")(logits, top_k=2) > 1.5
