"""The summed loss of huber and smooth_l1 from a clipped error, the fast path of both."""

from __future__ import annotations

import numpy as np

from .._reduction import sum_of_products


def clipped_sum(err: np.ndarray, c: np.ndarray, scale=1):
    """``sum(c e) - scale * sum(c c) / 2``, the summed Huber-type loss.

    With ``c = clip(e, -delta, delta)`` (``scale=1``) it is Huber; with
    ``c = clip(e / beta, -1, 1)`` and ``scale=beta``, smooth L1. Two sums of
    products and no abs pass: ``c`` and ``e`` share a sign and ``c e >= scale c c``,
    so the difference loses at most one bit. NaN for a NaN input or when both
    sums overflow (inf - inf): the caller then takes its elementwise path.
    Both arrays are given up (``sum_of_products`` may overwrite its first
    argument: ``err`` first, then ``c``).
    """
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        return sum_of_products(err, c) - scale * sum_of_products(c, c) / 2
