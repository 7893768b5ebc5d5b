"""Central finite differences, shared by the gradient tests of every family."""

import numpy as np


def numeric_grad(f, x, h=1e-6):
    """Return the central-difference gradient of the scalar function ``f`` at ``x``."""
    x = np.array(x, dtype=np.float64)
    grad = np.empty_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):  # a test helper: one probe per coordinate is the point
        old = flat[i]
        flat[i] = old + h
        up = f(x)
        flat[i] = old - h
        down = f(x)
        flat[i] = old
        gflat[i] = (up - down) / (2 * h)
    return grad
