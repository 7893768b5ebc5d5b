"""``binary_cross_entropy`` and ``binary_cross_entropy_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._binary import _EPS, _checked, _times

__all__ = ["binary_cross_entropy", "binary_cross_entropy_grad"]


def binary_cross_entropy(probs, target, *, weight=None, reduction="mean"):
    r"""Compute binary cross-entropy on probabilities, each log clamped at -100 as in PyTorch.

    The loss of a sigmoid output read as :math:`P(y = 1)`, one independent
    yes/no question per element (multi-label). Prefer
    :func:`binary_cross_entropy_with_logits` whenever the logits exist.

    .. math::

        \ell(p, y) = -w \left[ y \max(\log p, -100)
        + (1 - y) \max(\log(1 - p), -100) \right]

    Parameters
    ----------
    probs : array_like
        Predicted probabilities :math:`p \in [0, 1]`, any shape.
    target : array_like
        Targets :math:`y \in [0, 1]` (0/1 labels or soft), the shape of `probs`.
    weight : array_like, optional
        Weights :math:`w`, any shape that broadcasts to that of `probs`
        (e.g. (N, 1) for one weight per sample); default 1.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' divides by the number of elements, not by the sum of weights.

    Returns
    -------
    ndarray or float
        The loss; 0 is best (at :math:`p = y` for 0/1 targets).

    Raises
    ------
    ValueError
        If `probs` or `target` lies outside [0, 1], a shape is wrong,
        `reduction` is unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    binary_cross_entropy_with_logits : The same loss from logits, exact with
        no clamp: ``binary_cross_entropy(sigmoid(z), y)`` equals it wherever
        ``sigmoid(z)`` does not round to 0 or 1.
    binary_cross_entropy_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.binary_cross_entropy``.

    The clamp is PyTorch's: a confident wrong answer (:math:`p = 0` for
    :math:`y = 1`) costs 100 instead of :math:`\infty`, and
    :math:`0 \cdot \log 0` counts as 0, so :math:`p \in \{0, 1\}` gives finite
    values (:ref:`edge-probabilities`). :math:`\log(1 - p)` is
    ``log1p(-p)``, as in PyTorch. Passing ``sigmoid(z)`` here loses what the
    logit knew: :math:`\sigma(z)` rounds to 1 for :math:`z > 36.7` (float32:
    16.6). PyTorch raises for probabilities or targets outside [0, 1], as we
    do, and returns NaN for an empty mean, where we raise. NaN propagates.

    Examples
    --------
    >>> from lossdocs import binary_cross_entropy, binary_cross_entropy_with_logits, sigmoid
    >>> print(binary_cross_entropy([0.8, 0.5, 0.0], [1.0, 0.0, 1.0], reduction="none"))
    [  0.2231   0.6931 100.    ]
    >>> print(binary_cross_entropy(sigmoid(40.0), 0.0), binary_cross_entropy_with_logits(40.0, 0.0))
    100.0 40.0
    """
    probs, target, weight = _checked(probs, target, reduction, "probs", weight=weight)
    with np.errstate(divide="ignore"):  # log(0) = -inf, then clamped
        log_p = np.maximum(np.log(probs), -100)
        log_q = np.maximum(np.log1p(-probs), -100)
    return reduce(_times(-(target * log_p + (1 - target) * log_q), weight), reduction)


def binary_cross_entropy_grad(probs, target, *, weight=None, reduction="mean"):
    r"""Compute the gradient of :func:`binary_cross_entropy`, as PyTorch does.

    .. math::

        \frac{\partial \ell}{\partial p_i}
        = w_i \, \frac{p_i - y_i}{\max\left(p_i (1 - p_i), 10^{-12}\right)}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    probs, target, weight, reduction
        As in :func:`binary_cross_entropy`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `probs`.

    Raises
    ------
    ValueError
        As :func:`binary_cross_entropy`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    binary_cross_entropy : The loss.
    binary_cross_entropy_with_logits_grad : ``sigmoid(z) - y``: the
        :math:`p(1 - p)` of this denominator cancels against
        :math:`\sigma'(z)`.

    Notes
    -----
    PyTorch: none.

    This is PyTorch's backward formula (``binary_cross_entropy_backward``):
    :math:`(p - y) / p(1 - p)` is the exact derivative of
    :math:`-y \log p - (1 - y) \log(1 - p)`; the clamp keeps it finite at
    :math:`p \in \{0, 1\}` and acts only within about :math:`10^{-12}` of 0
    or 1. PyTorch's clamp is the float32 constant ``1e-12``,
    :math:`9.99999996 \times 10^{-13}`, also in float64; we use the same, so a
    wrong certain answer gives :math:`\pm 1.000000004 \times 10^{12}`. Like
    PyTorch's, it ignores the forward's -100 clamp (flat for :math:`p < e^{-100}`).

    Examples
    --------
    >>> from lossdocs import binary_cross_entropy_grad
    >>> print(binary_cross_entropy_grad([0.8, 0.5, 0.0], [1.0, 0.0, 1.0], reduction="sum"))
    [-1.25e+00  2.00e+00 -1.00e+12]
    """
    probs, target, weight = _checked(probs, target, reduction, "probs", True, weight=weight)
    denom = np.maximum(probs * (1 - probs), probs.dtype.type(_EPS))
    return scale_grad(_times((probs - target) / denom, weight), reduction, probs.size)
