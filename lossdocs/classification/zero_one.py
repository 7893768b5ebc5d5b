"""``zero_one``."""

from __future__ import annotations

import numpy as np

from .._reduction import pred_target, reduce
from .._validation import to_array

__all__ = ["zero_one"]


def zero_one(pred_labels, target, *, reduction="mean"):
    r"""Compute the 0-1 loss: 1 for each wrong label, 0 for each right one.

    The quantity classification really cares about; its mean is the error
    rate (1 - accuracy). It is flat almost everywhere and jumps at the
    decision boundary, so it cannot be trained by gradient descent: the
    cross-entropy, hinge, logistic and exponential losses are its smooth or
    convex surrogates.

    .. math::

        \ell(\hat y, y) = [\hat y \ne y] =
        \begin{cases} 1 & \text{if } \hat y \ne y \\ 0 & \text{if } \hat y = y \end{cases}

    Parameters
    ----------
    pred_labels : array_like
        Predicted labels :math:`\hat y` (e.g. ``logits.argmax(axis=1)``),
        integers or floats, any shape.
    target : array_like
        True labels :math:`y`, the shape of `pred_labels`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' is the error rate, 'sum' the number of errors, 'none' the
        per-element indicators.

    Returns
    -------
    ndarray or float
        The loss in [0, 1] ('mean'); 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `reduction` is unknown, or the mean is taken
        over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    cross_entropy : Its smooth multiclass surrogate on logits.
    hinge : A convex surrogate on +-1 margins.
    logistic : The margin form of binary cross-entropy.

    Notes
    -----
    PyTorch: none.

    Labels are compared as numbers, so ``2`` and ``2.0`` agree. The result
    is floating point (float32 if a label array is float32, else float64).
    NaN in either input gives NaN, not 1 (it propagates, as elsewhere in
    lossdocs). PyTorch has no 0-1 loss; ``(pred != target).float().mean()``
    is the usual idiom.

    Integer labels are compared as integers (a float64 cast would merge labels
    above :math:`2^{53}`).

    References
    ----------
    .. [1] P. L. Bartlett, M. I. Jordan and J. D. McAuliffe, "Convexity,
       Classification, and Risk Bounds", *Journal of the American
       Statistical Association* 101(473), 2006.

    Examples
    --------
    >>> from lossdocs import zero_one
    >>> print(zero_one([0, 2, 1, 1], [0, 1, 1, 2]))
    0.5
    >>> print(zero_one([0, 2, 1, 1], [0.0, 1.0, 1.0, 2.0], reduction="none"))
    [0. 1. 0. 1.]
    """
    raw = to_array(pred_labels, "pred_labels"), to_array(target, "target")
    pred_labels, target = pred_target(pred_labels, target, reduction, pred_name="pred_labels")
    if all(a.dtype.kind in "biu" for a in raw):  # integers compared as integers: above 2^53
        wrong = (raw[0] != raw[1]).astype(pred_labels.dtype)  # float64 would merge them
        return reduce(wrong, reduction)
    wrong = (pred_labels != target).astype(pred_labels.dtype)
    return reduce(np.where(np.isnan(pred_labels + target), np.nan, wrong), reduction)
