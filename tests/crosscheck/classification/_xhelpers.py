"""Inputs and torch references shared by the classification cross-check."""

import numpy as np
import torch
from _xcheck import EXTREME, tt

N, C = 6, 5


def _t(x):
    return None if x is None else tt(x)


WEIGHTS = ["none", "full", "per_class", "per_sample"]


def _logits_targets(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 4, (N + 4, len(EXTREME)))
    logits[:3] = EXTREME  # every extreme logit against target 0, 1 and 0.3
    target = rng.uniform(0, 1, logits.shape)
    target[0], target[1], target[2] = 0.0, 1.0, 0.3
    target[3] = rng.integers(0, 2, len(EXTREME))
    return logits.astype(dtype), target.astype(dtype)


SHAPES = [(6, 5), (3, 4, 5), (2, 3, 4, 5), (2, 3, 2, 2, 3)]
SHAPE_IDS = ["NC", "NCd", "NCdd", "NCddd"]


def _logits(shape, seed=0, dtype=np.float64):
    return np.random.default_rng(seed).normal(0, 3, shape).astype(dtype)


def _indices(shape, seed=0, ignore_index=-100):
    """Class indices for logits of ``shape``, about a fifth of them set to ``ignore_index``."""
    rng = np.random.default_rng(seed + 100)
    n, c, rest = shape[0], shape[1], shape[2:]
    target = rng.integers(0, c, (n, *rest))
    target.flat[0] = 0  # never all ignored
    ignored = rng.random(target.shape) < 0.2
    ignored.flat[0] = False
    target[ignored] = ignore_index
    return target


def _weight(c, seed=0):
    return np.random.default_rng(seed + 300).uniform(0.2, 3.0, c)


def _scores_targets(seed=0, scale=3.0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    scores = rng.normal(0, scale, (8, 6))
    target = rng.choice([-1.0, 1.0], scores.shape)
    return scores.astype(dtype), target.astype(dtype)


def _reduce(loss, reduction):
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


def _exponential(s, t, reduction):
    return _reduce(torch.exp(-t * s), reduction)
