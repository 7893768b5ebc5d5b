"""arcface_loss and cosface_loss against insightface (recognition/arcface_torch/losses.py).

insightface's ``ArcFace`` and ``CosFace`` modules transform the cosine logits
(normalised features times normalised class centres); the cross-entropy
follows (``torch.nn.functional.cross_entropy``). Written out here in torch.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt


def insightface_arcface(logits, labels, s, margin):
    cos_m, sin_m = math.cos(margin), math.sin(margin)
    theta = math.cos(math.pi - margin)
    sinmm = math.sin(math.pi - margin) * margin
    index = torch.where(labels != -1)[0]
    target_logit = logits[index, labels[index].view(-1)]
    sin_theta = torch.sqrt(1.0 - torch.pow(target_logit, 2))
    cos_theta_m = target_logit * cos_m - sin_theta * sin_m
    final_target_logit = torch.where(target_logit > theta, cos_theta_m, target_logit - sinmm)
    logits = logits.clone()
    logits[index, labels[index].view(-1)] = final_target_logit
    return logits * s


def insightface_cosface(logits, labels, s, m):
    index = torch.where(labels != -1)[0]
    logits = logits.clone()
    logits[index, labels[index].view(-1)] = logits[index, labels[index].view(-1)] - m
    return logits * s


def cosine_logits(x, w):
    return F.linear(F.normalize(x), F.normalize(w)).clamp(-1, 1)


def _data(seed, dtype=np.float64):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(6, 5))
    labels = rng.integers(0, 6, 20)
    x = w[labels] + rng.normal(size=(20, 5)) * 1.5  # some rows far past pi - m
    return x.astype(dtype), w.astype(dtype), labels


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.2, 0.5, 1.2])
@pytest.mark.parametrize("scale", [1.0, 30.0, 64.0])
def test_arcface_loss(reduction, margin, scale):
    x, w, labels = _data(0)
    lab = torch.from_numpy(labels)
    logits = insightface_arcface(cosine_logits(tt(x), tt(w)), lab, scale, margin)
    expected = F.cross_entropy(logits, lab, reduction=reduction)
    got = ld("arcface_loss")(x, w, labels, scale=scale, margin=margin, reduction=reduction)
    assert_close(got, expected, rtol=1e-9)  # sqrt(1 - c^2) near c = +-1 amplifies rounding


def test_arcface_fallback_branch_is_exercised():
    x, w, labels = _data(0)
    cos = cosine_logits(tt(x), tt(w))[torch.arange(20), torch.from_numpy(labels)]
    assert (cos <= math.cos(math.pi - 1.2)).any() and (cos > math.cos(math.pi - 1.2)).any()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.35, 0.4])
@pytest.mark.parametrize("scale", [1.0, 64.0])
def test_cosface_loss(reduction, margin, scale):
    x, w, labels = _data(1)
    lab = torch.from_numpy(labels)
    logits = insightface_cosface(cosine_logits(tt(x), tt(w)), lab, scale, margin)
    expected = F.cross_entropy(logits, lab, reduction=reduction)
    got = ld("cosface_loss")(x, w, labels, scale=scale, margin=margin, reduction=reduction)
    assert_close(got, expected)


@pytest.mark.parametrize("name", ["arcface_loss", "cosface_loss"])
def test_float32_defaults(name):
    x, w, labels = _data(2, np.float32)
    lab = torch.from_numpy(labels)
    transform = insightface_arcface if name == "arcface_loss" else insightface_cosface
    m = 0.5 if name == "arcface_loss" else 0.35
    logits = transform(cosine_logits(tt(x), tt(w)), lab, 64.0, m)
    expected = F.cross_entropy(logits, lab, reduction="none")
    assert_close(ld(name)(x, w, labels, reduction="none"), expected, dtype=np.float32, rtol=1e-4)
