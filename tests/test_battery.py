"""Random bad and extreme inputs for every public function, in the spirit of issue 11's battery.

For each function, seeded draws replace its valid example (tests/examples.py)
argument by argument with extreme values (+-inf, NaN, +-max float, subnormals,
0), wrong shapes, wrong types, and bad hyperparameters (None, NaN, inf, values
that round to 0 in float32, strings, bools). Every call must either raise a
ValueError or TypeError whose message names one of the function's arguments,
or return a value that keeps the function's promises: a loss is >= 0 (or NaN),
a probability or ratio lies in its range (or is NaN). pytest runs with
``-W error``, so any warning fails. About 5,000 calls, a few seconds.
"""

import inspect

import numpy as np
import pytest
from examples import EXAMPLES

import lossdocs

DRAWS = 100
TINY = [5e-324, 1e-310, 1e-50, 1e-45]
EXTREMES = [np.inf, -np.inf, np.nan, 1.7e308, -1.7e308, 1e154, -1e154, 0.0, -0.0, *TINY]
BAD_SCALARS = [None, np.nan, np.inf, -np.inf, -1.0, 0.0, 1e-50, 1e300, "x", True, 0.5, 2, -3]

# What a returned value must satisfy, beside being NaN (NaN in, or a documented NaN).
NONNEG = {
    "mse", "mae", "huber", "smooth_l1", "zero_one", "cross_entropy", "softmax_focal_loss",
    "binary_cross_entropy", "binary_cross_entropy_with_logits", "hinge", "exponential",
    "logistic", "focal_loss", "jaccard_loss", "dice_loss", "info_nce", "entropy",
    "kl_divergence", "js_divergence", "gaussian_kl", "box_area", "giou_loss", "vae_loss",
    "diou_loss", "ciou_loss",
    "diffusion_loss",
    "quantile_loss", "log_cosh",
}  # fmt: skip
UNIT = {
    "sigmoid", "softmax", "box_iou", "iou_per_class", "mean_iou", "iou_from_confusion_matrix",
    "dice_coefficient", "jaccard_index",
    "expected_calibration_error",
}  # fmt: skip
NONPOS = {"log_sigmoid", "log_softmax"}


def _extreme_array(rng, like):
    a = np.array(like, dtype=float, copy=True)
    mask = rng.random(a.shape) < 0.5
    a[mask] = rng.choice(EXTREMES, size=int(mask.sum()))
    return a


def _mutate(rng, name):
    """One bad or extreme variant of the example call of ``name``."""
    args, kwargs, floats = EXAMPLES[name]
    args, kwargs = list(args), dict(kwargs)
    params = inspect.signature(getattr(lossdocs, name)).parameters
    hyper = [p for p, v in params.items() if v.kind is inspect.Parameter.KEYWORD_ONLY]
    kind = rng.integers(6)
    pos = int(rng.integers(len(args)))
    if kind <= 1 and floats:  # extreme values, float64 or float32
        i = floats[int(rng.integers(len(floats)))]
        args[i] = _extreme_array(rng, args[i])
        if kind == 1:
            with np.errstate(over="ignore"):
                args = [a.astype(np.float32) if j in floats else a for j, a in enumerate(args)]
    elif kind == 2 and hyper:  # a bad hyperparameter
        kwargs[hyper[int(rng.integers(len(hyper)))]] = BAD_SCALARS[rng.integers(len(BAD_SCALARS))]
    elif kind == 3:  # a wrong shape: one row fewer, or flattened
        a = np.asarray(args[pos])
        args[pos] = a[:-1] if a.ndim and rng.random() < 0.5 else a.ravel()
    elif kind == 4:  # a wrong type
        args[pos] = [["a", "b"], ["c"]] if rng.random() < 0.5 else None
    else:  # an extreme hyperparameter of the right type, in float32 inputs
        if hyper:
            kwargs[hyper[int(rng.integers(len(hyper)))]] = float(rng.choice([*TINY, 1e300]))
        args = [np.asarray(a, np.float32) if j in floats else a for j, a in enumerate(args)]
    return args, kwargs


WEIGHTS = ("weight", "pos_weight", "alpha")  # a negative weight makes a negative loss


def _check_value(name, out, kwargs):
    out = np.asarray(out, dtype=float)
    ok = ~np.isnan(out)
    negative_weight = any(isinstance(kwargs.get(w), float | int) and kwargs[w] < 0 for w in WEIGHTS)
    if name in NONNEG and not negative_weight:
        assert np.all(out[ok] >= 0), f"{name} returned a negative value: {out}"
    if name in UNIT:
        assert np.all((out[ok] >= 0) & (out[ok] <= 1)), f"{name} left [0, 1]: {out}"
    if name in NONPOS:
        assert np.all(out[ok] <= 0), f"{name} returned a log-probability above 0: {out}"
    if name == "generalized_box_iou":
        assert np.all((out[ok] >= -1) & (out[ok] <= 1)), out


@pytest.mark.parametrize("name", lossdocs.__all__)
def test_bad_and_extreme_inputs(name):
    rng = np.random.default_rng(sum(map(ord, name)))
    fn = getattr(lossdocs, name)
    names = list(inspect.signature(fn).parameters)
    for _ in range(DRAWS):
        args, kwargs = _mutate(rng, name)
        try:
            out = fn(*args, **kwargs)
        except (ValueError, TypeError) as exc:
            message = str(exc)
            assert any(n in message for n in names), f"{name}: {message!r} names no argument"
            continue
        _check_value(name, out, kwargs)
