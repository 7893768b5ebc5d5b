"""The summed loss of huber and smooth_l1 from a clipped error, the fast path of both."""

from __future__ import annotations

import numpy as np

from .._reduction import sum_of_products


def clipped_sum(err: np.ndarray, c: np.ndarray):
    """``sum(c e) - sum(c c) / 2``, the summed Huber loss for ``c = clip(e, -delta, delta)``.

    Smooth L1 is that with ``delta = beta``, divided by ``beta``. Two sums of
    products and no abs pass: ``c`` and ``e`` share a sign and ``c e >= c c``, so
    the difference loses at most one bit. NaN for a NaN input or when both sums
    overflow (inf - inf): the caller then takes its elementwise path. Both arrays
    are given up (``sum_of_products`` may overwrite its first argument: ``err``
    first, then ``c``).
    """
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        return sum_of_products(err, c) - sum_of_products(c, c) / 2
