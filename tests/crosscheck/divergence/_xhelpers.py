"""Torch-side helpers shared by the divergence cross-check."""

import numpy as np


def _dists(seed=0, shape=(6, 5), zeros=False, dtype=np.float64):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(shape[-1]), shape[:-1])
    q = rng.dirichlet(np.ones(shape[-1]), shape[:-1])
    if zeros:  # some p = 0 with q > 0 (a 0 log 0 term), and a one-hot row
        p[0] = np.eye(shape[-1])[1]
        p[1, :2] = 0.0
        p[1] /= p[1].sum()
    return p.astype(dtype), q.astype(dtype)
