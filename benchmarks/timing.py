"""Throughput: lossdocs and torch timed side by side, interleaved, median of repeats.

Both sides run on one thread (bench.py pins BLAS/OpenMP before NumPy loads and
calls ``torch.set_num_threads(1)``). Inputs are made once per size; torch gets
zero-copy views (``torch.from_numpy``), so no conversion is timed.

- loss: ``lossdocs.f(*args)`` vs the torch counterpart's forward (no autograd graph).
- grad: ``lossdocs.f(*args)`` then ``lossdocs.f_grad(*args)`` (value and gradient,
  two calls) vs torch forward + ``torch.autograd.grad`` (value and gradient).
"""

from __future__ import annotations

import gc
import statistics
import time

import numpy as np
import torch


def to_torch(args, dtype, wrt=None):
    """NumPy arguments as tensors (floats cast to ``dtype``), ``args[wrt]`` a grad leaf."""
    out = []
    for i, a in enumerate(args):
        if isinstance(a, np.ndarray):
            t = torch.from_numpy(a.astype(dtype, copy=False) if a.dtype.kind == "f" else a)
            out.append(t.requires_grad_(True) if i == wrt else t)
        else:
            out.append(a)
    return out


def cast(args, dtype):
    """Cast the floating NumPy arguments to ``dtype`` (labels stay integers)."""
    return [
        a.astype(dtype) if isinstance(a, np.ndarray) and a.dtype.kind == "f" else a for a in args
    ]


def _loops(fn, min_time):
    t0 = time.perf_counter()
    fn()
    one = time.perf_counter() - t0
    return max(1, int(min_time / max(one, 1e-7)))


def paired_median(fa, fb, *, repeats, min_time):
    """Median seconds per call of ``fa`` and ``fb``, sampled alternately, and the median
    of the ratios of adjacent samples (other load on the machine slows both alike)."""
    loops = [_loops(f, min_time) for f in (fa, fb)]
    samples = ([], [])
    gc.disable()
    try:
        for _ in range(repeats):
            for f, k, s in zip((fa, fb), loops, samples, strict=True):
                t0 = time.perf_counter()
                for _ in range(k):
                    f()
                s.append((time.perf_counter() - t0) / k)
    finally:
        gc.enable()
    ratios = [a / b for a, b in zip(*samples, strict=True)]
    return statistics.median(samples[0]), statistics.median(samples[1]), statistics.median(ratios)


def _torch_value_and_grad(case, targs):
    def run():
        out = case.torch(*targs)
        return torch.autograd.grad(out.sum() if out.ndim else out, targs[case.wrt])

    return run


def time_case(case, n, dtype, rng, *, repeats, min_time):
    """Rows of timings for one case at size ``n``: the loss, and the gradient if any."""
    args = cast(case.make(n, rng), dtype)
    targs = to_torch(args, dtype)
    rows = []
    rows.append(("loss", *paired_median(
        lambda: case.ld(*args), lambda: case.torch(*targs), repeats=repeats, min_time=min_time
    )))  # fmt: skip
    if case.grad:
        gargs = to_torch(args, dtype, wrt=case.wrt)

        def ours():
            case.ld(*args)
            return case.ld_grad(*args)

        rows.append(("grad", *paired_median(
            ours, _torch_value_and_grad(case, gargs), repeats=repeats, min_time=min_time
        )))  # fmt: skip
    name = np.dtype(dtype).name
    return [
        {"name": case.name, "op": op, "n": n, "dtype": name, "lossdocs_s": a, "torch_s": b,
         "ratio": r}
        for op, a, b, r in rows
    ]  # fmt: skip
