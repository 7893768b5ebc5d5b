"""Tests for clip_loss: the mean of in-batch InfoNCE in both directions."""

import math

import numpy as np
import pytest

from lossdocs import clip_loss, cross_entropy, info_nce

RNG = np.random.default_rng(8)
IMG = RNG.normal(size=(6, 5))
TXT = IMG + 0.8 * RNG.normal(size=(6, 5))


@pytest.mark.parametrize("tau", [0.01, 0.07, 1.0, 10.0])
def test_is_info_nce_in_both_directions(tau):
    per = clip_loss(IMG, TXT, temperature=tau, reduction="none")
    i2t = info_nce(IMG, TXT, temperature=tau, reduction="none")
    t2i = info_nce(TXT, IMG, temperature=tau, reduction="none")
    np.testing.assert_allclose(per, (i2t + t2i) / 2, rtol=1e-12)
    assert clip_loss(IMG, TXT, temperature=tau) == pytest.approx(
        (info_nce(IMG, TXT, temperature=tau) + info_nce(TXT, IMG, temperature=tau)) / 2
    )


def test_paper_pseudocode_with_cross_entropy():
    i = IMG / np.linalg.norm(IMG, axis=1, keepdims=True)
    t = TXT / np.linalg.norm(TXT, axis=1, keepdims=True)
    logits = i @ t.T * np.exp(np.log(1 / 0.07))
    labels = np.arange(6)
    expected = (cross_entropy(logits, labels) + cross_entropy(logits.T, labels)) / 2
    assert clip_loss(IMG, TXT) == pytest.approx(expected, rel=1e-12)


def test_symmetric_in_the_modalities_and_chance_level():
    assert clip_loss(TXT, IMG) == pytest.approx(clip_loss(IMG, TXT), rel=1e-14)
    assert clip_loss(IMG, TXT, temperature=1e9) == pytest.approx(math.log(6))


def test_extreme_temperature_float32():
    z = np.eye(4, dtype=np.float32)
    assert clip_loss(z, z, temperature=1e-4) == 0
    got = clip_loss(z, np.roll(z, 1, axis=0), temperature=1e-4)
    assert got.dtype == np.float32 and got == pytest.approx(1e4, rel=1e-6)


def test_gradient_on_the_logits_stated_on_the_page():
    # clip-siglip page: dL/dz_ij = (P_ij + Q_ij - 2 [i = j]) / (2N), z = s / tau. Through
    # the inverse temperature k = 1/tau, dL/dk = sum_ij dL/dz_ij * s_ij.
    i = IMG / np.linalg.norm(IMG, axis=1, keepdims=True)
    t = TXT / np.linalg.norm(TXT, axis=1, keepdims=True)
    s, k, n = i @ t.T, 5.0, 6
    z = k * s
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    q = np.exp(z - z.max(0, keepdims=True))
    q /= q.sum(0, keepdims=True)
    expected = np.sum((p + q - 2 * np.eye(n)) / (2 * n) * s)
    h = 1e-6
    numeric = (
        clip_loss(IMG, TXT, temperature=1 / (k + h)) - clip_loss(IMG, TXT, temperature=1 / (k - h))
    ) / (2 * h)
    assert numeric == pytest.approx(expected, rel=1e-7)
