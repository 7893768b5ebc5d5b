"""Peak memory of one lossdocs call, traced with tracemalloc (NumPy reports its buffers).

The peak is compared with one input-sized array: ``n`` float64 numbers. Memory
held before the call (the inputs) is not counted; the result is.
"""

from __future__ import annotations

import tracemalloc

import numpy as np


def peak_bytes(fn):
    """Peak traced bytes allocated while ``fn()`` runs."""
    fn()  # warm caches (imports, ufunc loops) outside the trace
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        fn()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def memory_case(case, n, rng):
    """Peak of the loss and of the gradient call, in bytes and in input-sized arrays."""
    args = case.make(n, rng)
    unit = n * np.dtype(np.float64).itemsize
    calls = [("loss", lambda: case.ld(*args))]
    if case.grad:
        calls.append(("grad", lambda: case.ld_grad(*args)))
    rows = []
    for op, fn in calls:
        peak = peak_bytes(fn)
        rows.append({"name": case.name, "op": op, "n": n, "peak_mb": peak / 2**20,
                     "inputs": peak / unit})  # fmt: skip
    return rows
