"""insightface's ArcFace and CosFace logits (arcface_torch/losses.py), written in torch."""

import math

import numpy as np
import torch
import torch.nn.functional as F
from _xcheck import tt


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


def insightface_case(seed, transform, scale, margin, reduction):
    """Inputs of seed `seed` and insightface's loss on them: `transform` of the cosines, then CE."""
    x, w, labels = _data(seed)
    lab = torch.from_numpy(labels)
    logits = transform(cosine_logits(tt(x), tt(w)), lab, scale, margin)
    return (x, w, labels), F.cross_entropy(logits, lab, reduction=reduction)
