"""Validation shared by the alignment losses: paired arrays of rewards or log-probabilities."""

from __future__ import annotations

import functools

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import as_floats, check_same_shape


def same_shape_floats(reduction, **arrays) -> tuple[np.ndarray, ...]:
    """Return the arrays as floats of one dtype, raising unless they share one shape.

    The first keyword names the reference shape in the error message; an empty
    first array under ``reduction="mean"`` raises.
    """
    check_reduction(reduction)
    out = as_floats(**arrays)
    names = list(arrays)
    for name, arr in zip(names[1:], out[1:], strict=True):
        check_same_shape(out[0], arr, names[0], name)
    check_nonempty_mean(out[0].size, reduction, names[0])
    return out


def check_log_probs(x: np.ndarray, name: str) -> None:
    """Raise if a (non-NaN) value of ``x`` is positive: a log-probability is at most 0.

    Catches logits or rewards passed where log-probabilities belong.
    """
    if np.any(x > 0):
        raise ValueError(
            f"{name} must hold log-probabilities (<= 0), found {x[x > 0].flat[0]}; "
            "pass log p, not logits or p"
        )


def ieee_quiet(fn):
    """Run `fn` with NumPy's floating-point warnings off: inf and NaN inputs propagate.

    An infinite or NaN reward or log-probability gives inf or NaN (``inf - inf``
    is NaN), as documented; with pytest's ``-W error`` NumPy's RuntimeWarning
    would turn that documented value into an exception.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            return fn(*args, **kwargs)

    return wrapper
