"""Helpers of the PyTorch cross-check: look-up, tensors, autograd and the tolerances.

Tolerances: float64 results must agree to ``RTOL64 = 1e-10`` relative; the
absolute floor ``ATOL64`` only matters for values that are 0 up to rounding
(a gradient that cancels, a loss at a perfect prediction). float32 is a spot
check at ``RTOL32``.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

import lossdocs

RTOL64, ATOL64 = 1e-10, 1e-14
RTOL32, ATOL32 = 2e-5, 1e-6
REDUCTIONS = ("mean", "sum", "none")
GRAD_REDUCTIONS = ("mean", "sum")
# Logits where naive formulas overflow (exp(745) = inf in float64, exp(89) in float32).
EXTREME = np.array([-1e4, -745.0, -100.0, -40.0, -1.0, 0.0, 1.0, 40.0, 100.0, 745.0, 1e4])


def ld(name: str):
    """Return ``lossdocs.<name>``, failing the test (not erroring at import) if it is missing."""
    if name not in lossdocs.__all__:
        pytest.fail(f"lossdocs.{name} is not in lossdocs.__all__ (tests/test_api.py lists it)")
    return getattr(lossdocs, name)


def tt(x, *, grad: bool = False, dtype=None) -> torch.Tensor:
    """Copy an array into a tensor of the same dtype (or ``dtype``)."""
    arr = np.array(x, dtype=dtype)
    t = torch.from_numpy(arr)
    return t.requires_grad_(True) if grad else t


def tnp(t) -> np.ndarray:
    """A tensor (or anything array-like) as a NumPy array."""
    if isinstance(t, torch.Tensor):
        return t.detach().numpy()
    return np.asarray(t)


def assert_close(actual, expected, *, dtype=np.float64, rtol=None, atol=None):
    """Assert lossdocs' ``actual`` equals torch's ``expected``: shape, dtype and values.

    NaN must match NaN, and infinities must match in sign.
    """
    actual = np.asarray(actual)
    expected = tnp(expected)
    assert actual.shape == expected.shape, f"shape {actual.shape} != torch {expected.shape}"
    assert actual.dtype == dtype, f"dtype {actual.dtype}, expected {np.dtype(dtype)}"
    f32 = np.dtype(dtype) == np.float32
    np.testing.assert_allclose(
        actual,
        expected,
        rtol=rtol if rtol is not None else (RTOL32 if f32 else RTOL64),
        atol=atol if atol is not None else (ATOL32 if f32 else ATOL64),
        equal_nan=True,
    )


def autograd(loss_fn, x, *args, **kwargs) -> np.ndarray:
    """Return d loss_fn(x, *args, **kwargs) / d x from torch autograd (x an array)."""
    xt = tt(x, grad=True)
    out = loss_fn(xt, *args, **kwargs)
    (g,) = torch.autograd.grad(out, xt)
    return g.numpy()
