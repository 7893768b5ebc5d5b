"""Input checks shared by every family: arrays, shapes and scalar hyperparameters.

Every public function validates at its entry point with these helpers, so a
bad argument fails with a message naming it instead of a NumPy traceback
from deep inside the computation.
"""

from __future__ import annotations

import math
import numbers

import numpy as np


def to_array(x, name: str) -> np.ndarray:
    try:
        return np.asarray(x)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be array-like of numbers: {exc}") from None


def as_float(x, name: str, *, dtype=None) -> np.ndarray:
    """Return ``x`` as a floating array: float32/float64 kept, ints and bools to float64.

    ``dtype`` forces a floating type (used to bring a target to the
    prediction's precision).
    """
    arr = to_array(x, name)
    if arr.dtype.kind in "biu":
        arr = arr.astype(np.float64 if dtype is None else dtype)
    elif arr.dtype == np.float16:
        # float16 has no headroom for the stable formulas; compute in float32.
        arr = arr.astype(np.float32)
    elif arr.dtype.kind != "f":
        raise TypeError(f"{name} must hold real numbers, got dtype {arr.dtype}")
    if dtype is not None:
        with np.errstate(over="ignore"):  # beyond float32's range: inf, the rounded value
            arr = arr.astype(dtype, copy=False)
    return arr


def _is_numpy_float(x) -> bool:
    """True for a NumPy array or scalar of a floating dtype (not a Python list or float)."""
    return isinstance(x, np.ndarray | np.generic) and x.dtype.kind == "f"


def as_floats(**arrays) -> tuple[np.ndarray, ...]:
    """Convert several arrays with :func:`as_float` and bring them to one dtype.

    The dtype rule (README, "dtypes"): the working dtype is that of the
    arguments given as NumPy floating arrays (float16 counts as float32);
    Python lists, tuples and numbers, and integer or boolean arrays, take it
    on. Only when no argument is a NumPy floating array do floats in lists
    decide (float64). So a float32 prediction keeps float32 with a target
    written ``[0.5, 1.0]`` as with ``[0, 1]``. Keyword order is kept:
    ``pred, target = as_floats(pred=p, target=t)``.
    """
    arrs = {name: to_array(value, name) for name, value in arrays.items()}
    numpy_floats = [
        np.float32 if arrs[name].dtype == np.float16 else arrs[name].dtype
        for name, value in arrays.items()
        if _is_numpy_float(value)
    ]
    floating = numpy_floats or [a.dtype for a in arrs.values() if a.dtype.kind == "f"]
    common = np.result_type(*floating) if floating else np.float64
    return tuple(as_float(a, name, dtype=common) for name, a in arrs.items())


_INT64_BOUND = 2.0**63  # float labels at or beyond it do not fit an int64


def as_int_labels(x, name: str) -> np.ndarray:
    """Return ``x`` as an int64 array of labels; floats must hold whole numbers.

    A float beyond the int64 range is refused before the cast (which would
    warn and wrap), with the value given.
    """
    arr = to_array(x, name)
    if arr.dtype.kind in "biu":
        if arr.dtype == np.uint64 and arr.size and arr.max() >= 2**63:
            raise ValueError(f"{name} holds {arr.max()}, beyond the int64 range of labels")
        return arr.astype(np.int64, copy=False)
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr)):
            raise TypeError(f"{name} must hold integer class labels, got non-integer values")
        big = np.abs(arr) >= _INT64_BOUND
        if np.any(big):
            raise ValueError(
                f"{name} holds {float(arr[big].flat[0])!r}, beyond the int64 range of class labels"
            )
        return arr.astype(np.int64)
    raise TypeError(f"{name} must hold integer class labels, got dtype {arr.dtype}")


def check_finite(x: np.ndarray, name: str) -> None:
    """Raise if ``x`` holds an infinity or NaN (weights: inf * 0 has no meaning)."""
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name} must be finite, found {x[~np.isfinite(x)].flat[0]}")


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise unless the two arrays have the same shape (no silent broadcasting)."""
    if a.shape != b.shape:
        raise ValueError(
            f"{name_b} must have the shape of {name_a}: got {name_b}.shape={b.shape} "
            f"and {name_a}.shape={a.shape} (lossdocs does not broadcast targets)"
        )


def _bounds_rule(low, high, low_open, high_open) -> str:
    """The rule a bounded number breaks, in words: ``lie in (0, 1]``, ``be >= 0``, ..."""
    if low is not None and high is not None:
        return f"lie in {'(' if low_open else '['}{low}, {high}{')' if high_open else ']'}"
    if low is not None:
        return f"be {'>' if low_open else '>='} {low}"
    return f"be {'<' if high_open else '<='} {high}"


def _out_of_bounds(value, low, high, low_open, high_open) -> bool:
    below = low is not None and (value <= low if low_open else value < low)
    above = high is not None and (value >= high if high_open else value > high)
    return below or above


def check_real(
    value,
    name: str,
    *,
    low=None,
    high=None,
    low_open=False,
    high_open=False,
    finite=False,
    allow_none=False,
    allow_nan=False,
    why="",
):
    """Return ``value`` as a float, raising unless it is a real number within the bounds.

    Bounds are inclusive unless ``low_open`` / ``high_open``: ``check_real(t,
    'temperature', low=0, low_open=True)`` requires ``t > 0``. ``finite`` also
    rejects infinities; ``allow_nan`` lets NaN through (a "no value" marker);
    ``why`` is appended to the out-of-bounds message in parentheses. A bool is
    not a number here, and None raises unless ``allow_none``.
    """
    if value is None and allow_none:
        return None
    or_nan = " or NaN" if allow_nan else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number{or_nan}, got {value!r}")
    value = float(value)
    if math.isnan(value):
        if allow_nan:
            return value
        raise ValueError(f"{name} must not be NaN")
    if finite and math.isinf(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if _out_of_bounds(value, low, high, low_open, high_open):
        rule = _bounds_rule(low, high, low_open, high_open)
        tail = f" ({why})" if why else ""
        raise ValueError(
            f"{name} must {rule}{' or be NaN' if allow_nan else ''}, got {value}{tail}"
        )
    return value


def in_dtype(value: float, name: str, dtype) -> np.floating:
    """Return the hyperparameter ``value`` in ``dtype``, refusing one that rounds to 0 or inf.

    A positive ``beta``, ``eps`` or ``temperature`` below the smallest
    subnormal of float32 (about 1.4e-45) would silently become 0 and turn the
    formula into 0 / 0.
    """
    with np.errstate(over="ignore"):
        out = np.dtype(dtype).type(value)
    if math.isfinite(value) and math.isinf(out):
        raise ValueError(
            f"{name}={value!r} rounds to inf in {np.dtype(dtype).name}, the dtype of the "
            f"inputs: use a value of at most {float(np.finfo(dtype).max):.3g}"
        )
    if value != 0 and out == 0:
        tiny = float(np.finfo(dtype).smallest_subnormal)
        raise ValueError(
            f"{name}={value!r} rounds to 0 in {np.dtype(dtype).name}, the dtype of the inputs: "
            f"use a value of at least {tiny:.3g}"
        )
    return out


def check_int(value, name: str, *, low=None, high=None, allow_none=False):
    """Return ``value`` as an int, raising unless it is an integer within ``[low, high]``.

    NumPy integers pass; bools and whole floats (``2.0``) do not.
    """
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    value = int(value)
    if _out_of_bounds(value, low, high, False, False):
        raise ValueError(f"{name} must {_bounds_rule(low, high, False, False)}, got {value}")
    return value


def check_bool(value, name: str) -> bool:
    """Return ``value`` as a bool, raising unless it is True or False (NumPy's too)."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check_choice(value, name: str, choices: tuple[str, ...]) -> str:
    """Return ``value``, raising unless it is one of the strings ``choices``.

    A non-string (say an array of strings) raises before any comparison, which
    NumPy would otherwise turn into an ambiguous truth value; both cases raise
    ValueError, as ``reduction=None`` always has.
    """
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, one of {choices}, got {value!r}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
    return value


def check_class_indices(labels, n_classes: int, name: str, *, ignore_index=None,
                        item: str = "class index"):  # fmt: skip
    """Raise unless every entry of integer ``labels`` lies in [0, n_classes) or is ignore_index.

    Returns the mask of the entries not equal to ``ignore_index`` (all True
    without one). ``item`` names one entry in the message ("token id", say).
    """
    keep = labels != ignore_index if ignore_index is not None else np.ones(labels.shape, bool)
    # Two reductions settle the usual case (every label in range); the mask of bad
    # entries, four passes over the labels, is built only to name the first one.
    if labels.size == 0 or (labels.min() >= 0 and labels.max() < n_classes):
        return keep
    bad = keep & ((labels < 0) | (labels >= n_classes))
    if np.any(bad):
        also = "" if ignore_index is None else f" and is not ignore_index={ignore_index}"
        raise ValueError(
            f"{name} holds {item} {labels[bad].flat[0]}, which lies outside [0, {n_classes}){also}"
        )
    return keep


def check_class_rows(scores, labels, *, scores_name: str, labels_name: str = "target",
                     dims=("N", "C"), min_rows: int = 0, ignore_index=None,
                     item: str = "class index", classes: str = "classes"):  # fmt: skip
    """Validate scores whose last axis holds the classes, and one integer label per row.

    ``dims`` names the axes of ``scores`` (the classes last, at least one);
    ``min_rows`` is the least length of the first axis. ``labels`` must have
    the shape of ``scores`` without its class axis, with entries as
    :func:`check_class_indices` checks them. Returns ``(scores, labels, keep)``:
    floats, int64 labels, the mask of the labels not equal to ``ignore_index``.
    """
    scores = as_float(scores, scores_name)
    if scores.ndim != len(dims) or scores.shape[-1] == 0 or scores.shape[0] < min_rows:
        need = [f"{dims[0]} >= {min_rows} samples"] if min_rows else []
        raise ValueError(
            f"{scores_name} must have shape ({', '.join(dims)}) with "
            f"{' and '.join([*need, f'{dims[-1]} >= 1 {classes}'])}, got shape {scores.shape}"
        )
    labels = as_int_labels(labels, labels_name)
    if labels.shape != scores.shape[:-1]:
        rows = ", ".join(dims[:-1]) + ("," if len(dims) == 2 else "")  # (N,) or (B, T)
        raise ValueError(
            f"{labels_name} must hold one {item} per row of {scores_name}: shape "
            f"({rows}) = {scores.shape[:-1]}, got {labels_name}.shape={labels.shape}"
        )
    keep = check_class_indices(
        labels, scores.shape[-1], labels_name, ignore_index=ignore_index, item=item
    )
    return scores, labels, keep


def check_unit_interval(x: np.ndarray, name: str) -> None:
    """Raise if any (non-NaN) value of ``x`` lies outside [0, 1]."""
    # fmin and fmax skip NaN; two reductions read x twice and write nothing, where the
    # test (x < 0) | (x > 1) made three boolean arrays of its size.
    if x.size and (np.fmin.reduce(x, axis=None) < 0 or np.fmax.reduce(x, axis=None) > 1):
        bad = x[(x < 0) | (x > 1)].flat[0]
        raise ValueError(f"{name} must lie in [0, 1], found {bad}")


def check_plus_minus_one(x: np.ndarray, name: str) -> None:
    """Raise unless every (non-NaN) value of ``x`` is -1 or +1."""
    bad = ~((x == 1) | (x == -1) | np.isnan(x))
    if np.any(bad):
        raise ValueError(f"{name} must hold labels -1 or +1, found {x[bad].flat[0]}")


def check_axis(axis, ndim: int, name: str = "axis") -> int:
    """Normalise an integer axis against ``ndim`` dimensions."""
    axis = check_int(axis, name)
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array of {ndim} dimension(s)")
    return int(axis) % ndim


def check_nonempty_axis(x: np.ndarray, axis, name: str) -> int:
    """Normalise ``axis`` for a reduction along it: ``x`` at least 1-D and not empty there."""
    if x.ndim == 0:
        raise ValueError(f"{name} must be at least 1-D, got a 0-d array")
    axis = check_axis(axis, x.ndim)
    if x.shape[axis] == 0:
        raise ValueError(f"{name} is empty along axis {axis}")
    return axis
