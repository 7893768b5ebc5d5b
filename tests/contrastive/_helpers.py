"""Inputs shared by the angular-margin tests."""

import numpy as np

RNG = np.random.default_rng(10)
X, W = RNG.normal(size=(7, 4)), RNG.normal(size=(5, 4))
LABELS = RNG.integers(0, 5, 7)


def cosines(x, w):
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    return x @ (w / np.linalg.norm(w, axis=1, keepdims=True)).T
