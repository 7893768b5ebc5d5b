"""Tests for lossdocs.perplexity: uniform models, the token mean, overflow."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import causal_lm_loss, perplexity


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5000), st.integers(2, 8))
def test_uniform_model_over_v_tokens_has_perplexity_v(vocab, length):
    labels = np.arange(length)[None] % vocab
    assert perplexity(np.zeros((1, length, vocab)), labels) == pytest.approx(vocab, rel=1e-12)


def test_is_exp_of_the_mean_token_loss():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(2, 5, 6))
    labels = rng.integers(0, 6, size=(2, 5))
    labels[1, 3:] = -100
    assert perplexity(logits, labels) == pytest.approx(math.exp(causal_lm_loss(logits, labels)))


def test_a_perfect_model_has_perplexity_one():
    labels = np.array([[0, 1, 2, 0]])
    logits = np.full((1, 4, 3), -1e4)
    logits[0, [0, 1, 2], labels[0, 1:]] = 0.0
    assert perplexity(logits, labels) == 1.0


def test_pooled_perplexity_is_below_the_mean_of_per_sequence_ones():
    # Sequence A: uniform over 2 (PPL 2); sequence B: uniform over 8 (PPL 8), 3 tokens each.
    logits = np.zeros((2, 4, 8))
    logits[0, :, 2:] = -np.inf
    labels = np.array([[0, 1, 0, 1], [5, 6, 7, 4]])
    pooled = perplexity(logits, labels)
    assert pooled == pytest.approx(math.sqrt(2 * 8))  # exp((log 2 + log 8) / 2) = 4
    per_seq = [perplexity(logits[i : i + 1], labels[i : i + 1]) for i in range(2)]
    assert per_seq == pytest.approx([2.0, 8.0]) and np.mean(per_seq) == pytest.approx(5.0)


def test_overflow_gives_inf_without_a_warning_and_float32_stays():
    logits = np.zeros((1, 2, 2))
    logits[0, 0, 0] = 1e4
    assert perplexity(logits, [[0, 1]]) == np.inf
    assert perplexity(np.zeros((1, 3, 4), np.float32), [[0, 1, 2]]).dtype == np.float32


def test_bad_input_is_refused_like_causal_lm_loss():
    with pytest.raises(ValueError, match="is empty"):
        perplexity(np.zeros((1, 1, 4)), [[0]])
    with pytest.raises(
        ValueError, match=r"labels must hold one token id per row of logits: shape \(B, T\)"
    ):
        perplexity(np.zeros((1, 3, 4)), [0, 1, 2])
    with pytest.raises(TypeError, match=r"perplexity\(\) got an unexpected keyword"):
        perplexity(np.zeros((1, 3, 4)), [[0, 1, 2]], reduction="sum")
