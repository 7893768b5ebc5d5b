"""Input checks shared by every family: arrays, shapes and scalar hyperparameters.

Every public function validates at its entry point with these helpers, so a
bad argument fails with a message naming it instead of a NumPy traceback
from deep inside the computation.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._reduction import check_nonempty_mean, check_reduction


def _to_array(x, name: str) -> np.ndarray:
    try:
        return np.asarray(x)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be array-like of numbers: {exc}") from None


def as_float(x, name: str, *, dtype=None) -> np.ndarray:
    """Return ``x`` as a floating array: float32/float64 kept, ints and bools to float64.

    ``dtype`` forces a floating type (used to bring a target to the
    prediction's precision).
    """
    arr = _to_array(x, name)
    if arr.dtype.kind in "biu":
        arr = arr.astype(np.float64 if dtype is None else dtype)
    elif arr.dtype == np.float16:
        # float16 has no headroom for the stable formulas; compute in float32.
        arr = arr.astype(np.float32)
    elif arr.dtype.kind != "f":
        raise TypeError(f"{name} must hold real numbers, got dtype {arr.dtype}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    return arr


def as_floats(**arrays) -> tuple[np.ndarray, ...]:
    """Convert several arrays with :func:`as_float` and bring them to one dtype.

    The common dtype is that of the arrays that were floating to begin with,
    so a float32 prediction with integer labels stays float32. Keyword order
    is kept: ``pred, target = as_floats(pred=p, target=t)``.
    """
    arrs = {name: _to_array(value, name) for name, value in arrays.items()}
    floating = [
        np.float32 if a.dtype == np.float16 else a.dtype
        for a in arrs.values()
        if a.dtype.kind == "f"
    ]
    common = np.result_type(*floating) if floating else np.float64
    return tuple(as_float(a, name, dtype=common) for name, a in arrs.items())


def as_int_labels(x, name: str) -> np.ndarray:
    """Return ``x`` as an int64 array of labels; floats must hold whole numbers."""
    arr = np.asarray(x)
    if arr.dtype.kind in "biu":
        return arr.astype(np.int64, copy=False)
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise TypeError(f"{name} must hold integer class labels, got non-integer values")
        return arr.astype(np.int64)
    raise TypeError(f"{name} must hold integer class labels, got dtype {arr.dtype}")


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise unless the two arrays have the same shape (no silent broadcasting)."""
    if a.shape != b.shape:
        raise ValueError(
            f"{name_b} must have the shape of {name_a}: got {name_b}.shape={b.shape} "
            f"and {name_a}.shape={a.shape} (lossdocs does not broadcast targets)"
        )


def check_real(value, name: str, *, low=None, low_open=False, allow_none=False):
    """Return ``value`` as a float, raising unless it is a real number above ``low``.

    ``low`` is inclusive unless ``low_open``: ``check_real(t, 'temperature', low=0,
    low_open=True)`` requires ``t > 0``.
    """
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if np.isnan(value):
        raise ValueError(f"{name} must not be NaN")
    if low is not None and (value <= low if low_open else value < low):
        sign = ">" if low_open else ">="
        raise ValueError(f"{name} must be {sign} {low}, got {value}")
    return value


def check_unit_interval(x: np.ndarray, name: str) -> None:
    """Raise if any (non-NaN) value of ``x`` lies outside [0, 1]."""
    if np.any((x < 0) | (x > 1)):
        bad = x[(x < 0) | (x > 1)].flat[0]
        raise ValueError(f"{name} must lie in [0, 1], found {bad}")


def check_plus_minus_one(x: np.ndarray, name: str) -> None:
    """Raise unless every (non-NaN) value of ``x`` is -1 or +1."""
    bad = ~((x == 1) | (x == -1) | np.isnan(x))
    if np.any(bad):
        raise ValueError(f"{name} must hold labels -1 or +1, found {x[bad].flat[0]}")


def check_axis(axis, ndim: int, name: str = "axis") -> int:
    """Normalise an integer axis against ``ndim`` dimensions."""
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {axis!r}")
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array of {ndim} dimension(s)")
    return int(axis) % ndim


def pred_target(pred, target, reduction, *, pred_name="pred", grad=False):
    """Validate the common ``(pred, target, reduction)`` triple of elementwise losses.

    Returns both arrays as floats of one dtype and the same shape. With
    ``grad=True`` the reduction must be 'mean' or 'sum'.
    """
    check_reduction(reduction, allow_none=not grad)
    pred, target = as_floats(**{pred_name: pred, "target": target})
    check_same_shape(pred, target, pred_name, "target")
    check_nonempty_mean(pred.size, reduction, pred_name)
    return pred, target
