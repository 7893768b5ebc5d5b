"""Validation of a noise schedule's cumulative products, shared by the diffusion functions."""

from __future__ import annotations

from .._validation import as_float, check_unit_interval


def alphas_cumprod_array(alphas_cumprod, *, dtype=None):
    """Return ``alphas_cumprod`` as floats, raising unless every value lies in [0, 1]."""
    abar = as_float(alphas_cumprod, "alphas_cumprod", dtype=dtype)
    check_unit_interval(abar, "alphas_cumprod")
    return abar
