"""Tests for siglip_loss: a binary problem per pair, big_vision's normalisation."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import binary_cross_entropy_with_logits, siglip_loss

RNG = np.random.default_rng(9)
IMG = RNG.normal(size=(5, 4))
TXT = IMG + 0.7 * RNG.normal(size=(5, 4))


def unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_decomposes_over_pairs():
    # The loss is a sum over the N^2 pairs, each alone: any chunking gives the same sum.
    n, t, b = 5, 10.0, -10.0
    total = 0.0
    for i in range(n):
        for j in range(n):
            logit = t * unit(IMG)[i] @ unit(TXT)[j] + b
            total += siglip_loss(IMG[i : i + 1], TXT[j : j + 1], scale=t, bias=b) * (i == j)
            if i != j:  # a negative pair alone is not a batch; its term is log(1 + e^logit)
                total += math.log1p(math.exp(logit))
    assert siglip_loss(IMG, TXT) == pytest.approx(total / n, rel=1e-12)


def test_is_bce_with_logits_summed_over_pairs_over_n():
    logits = 4.0 * unit(IMG) @ unit(TXT).T - 2.0
    labels = np.eye(5)
    expected = binary_cross_entropy_with_logits(logits, labels, reduction="sum") / 5
    assert siglip_loss(IMG, TXT, scale=4.0, bias=-2.0) == pytest.approx(expected, rel=1e-13)


def test_chunks_over_devices_add_up():
    # big_vision's chunked variant: each device's texts in turn; the blocks add up.
    idx = [np.arange(0, 2), np.arange(2, 5)]
    logits = 10 * unit(IMG) @ unit(TXT).T - 10
    blocks = 0.0
    for rows in idx:
        for cols in idx:
            sign = np.where(rows[:, None] == cols[None, :], 1.0, -1.0)
            blocks += np.sum(np.logaddexp(0, -sign * logits[np.ix_(rows, cols)]))
    assert siglip_loss(IMG, TXT) == pytest.approx(blocks / 5, rel=1e-12)


def test_bias_minus_ten_makes_the_initial_loss_small():
    # At initialisation the cosines are ~0: with b = 0 each pair costs log 2 (N log 2 in all);
    # with b = -10 the N - 1 negatives cost ~e^-10 each and the positive ~10.
    rng = np.random.default_rng(0)
    img, txt = rng.normal(size=(2, 64, 512))  # random, nearly orthogonal directions
    at_zero = siglip_loss(img, txt, bias=0.0)
    at_minus_ten = siglip_loss(img, txt)
    assert at_zero == pytest.approx(64 * math.log(2), rel=0.05)  # logits spread ~0.44
    assert at_minus_ten == pytest.approx(10 + 63 * math.exp(-10), rel=0.05)
    assert at_minus_ten < at_zero / 4


def test_gradient_in_the_bias_stated_on_the_page():
    # clip-siglip page: dL/db = (1/N) sum_ij -z_ij sigma(-z_ij logit_ij).
    logits = 10 * unit(IMG) @ unit(TXT).T - 3
    z = 2 * np.eye(5) - 1
    expected = np.sum(-z / (1 + np.exp(z * logits))) / 5
    numeric = numeric_grad(lambda b: siglip_loss(IMG, TXT, bias=float(b[0])), np.array([-3.0]))
    assert numeric[0] == pytest.approx(expected, rel=1e-7)


def test_extremes_float32():
    z = np.eye(3, dtype=np.float32)
    got = siglip_loss(z, z, scale=1e4, bias=-5e3)  # all pairs right by 5e3: loss ~ 0
    assert got.dtype == np.float32 and 0 <= got < 1e-30
    bad = siglip_loss(z, -z, scale=1e4, bias=5e3)  # all pairs wrong: positive at -5e3
    assert bad == pytest.approx((3 * 5e3 + 6 * 5e3) / 3, rel=1e-6)
