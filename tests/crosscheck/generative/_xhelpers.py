"""Torch forms of the GAN losses, shared by the cross-check."""

import numpy as np
import torch.nn.functional as F

KINDS = ("minimax", "non_saturating", "wasserstein", "hinge", "least_squares")


def _logits(seed, n=12, dtype=np.float64):
    return (np.random.default_rng(seed).normal(size=n) * 6).astype(dtype)


def _torch_generator(f, kind):
    return {
        "minimax": lambda: -F.softplus(f),
        "non_saturating": lambda: F.softplus(-f),
        "wasserstein": lambda: -f,
        "hinge": lambda: -f,
        "least_squares": lambda: (f - 1) ** 2 / 2,
    }[kind]()
