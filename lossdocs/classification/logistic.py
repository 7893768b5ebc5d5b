"""``logistic`` and ``logistic_grad``."""

from __future__ import annotations

from .._numerics import _softplus
from .._reduction import reduce, scale_grad
from ..activations.sigmoid import sigmoid
from ._margin import _margins

__all__ = ["logistic", "logistic_grad"]


def logistic(scores, target, *, reduction="mean"):
    r"""Compute the logistic loss (binomial deviance) in margin form.

    Logistic regression's loss for labels +-1: binary cross-entropy with
    logits on the margin axis, where it can be drawn beside the hinge,
    exponential and 0-1 losses.

    .. math::

        \ell(s, y) = \log\left(1 + e^{-y s}\right), \qquad y \in \{-1, +1\}

    Parameters
    ----------
    scores : array_like
        Real scores (logits) :math:`s`, any shape.
    target : array_like
        Labels :math:`y \in \{-1, +1\}`, the shape of `scores`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss, > 0; :math:`\log 2` at :math:`y s = 0`.

    Raises
    ------
    ValueError
        If `target` holds a value other than -1 or +1, the shapes differ,
        `reduction` is unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    binary_cross_entropy_with_logits : The same loss for 0/1 labels:
        ``logistic(s, y) == binary_cross_entropy_with_logits(s, (y + 1) / 2)``.
    hinge : Piecewise linear; the logistic loss is a smoothed hinge.
    logistic_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.soft_margin_loss``.

    Computed as :math:`\operatorname{softplus}(-y s)`, as in
    :func:`binary_cross_entropy_with_logits`, exact to a few ulps for any
    finite score. Divided by :math:`\log 2`
    (:math:`\log_2(1 + e^{-y s})`) it is 1 at :math:`y s = 0` and bounds the
    0-1 loss from above. PyTorch's ``soft_margin_loss`` is
    this loss (same +-1 targets and reductions), but it computes
    ``log1p(exp(-y * s))``: ``inf`` for :math:`-y s > 709.78` (float32:
    88.72), where the loss is about :math:`-y s`. NaN propagates.

    References
    ----------
    .. [1] T. Hastie, R. Tibshirani and J. Friedman, *The Elements of
       Statistical Learning*, 2nd ed., 2009, section 10.6.

    Examples
    --------
    >>> from lossdocs import logistic
    >>> print(logistic([0.0, 1e4, 1e4], [1, 1, -1], reduction="none"))
    [6.9315e-01 0.0000e+00 1.0000e+04]
    """
    _, ys, _ = _margins(scores, target, reduction)
    return reduce(_softplus(-ys), reduction)


def logistic_grad(scores, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`logistic` with respect to `scores`.

    .. math::

        \frac{\partial \ell}{\partial s_i} = -y_i \, \sigma(-y_i s_i)
        = \frac{-y_i}{1 + e^{y_i s_i}}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, reduction
        As in :func:`logistic`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`, each entry in :math:`[-1, 1]`.

    Raises
    ------
    ValueError
        As :func:`logistic`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    logistic : The loss.
    binary_cross_entropy_with_logits_grad : The same in 0/1 form.

    Notes
    -----
    PyTorch: none.

    Bounded by 1, unlike :func:`exponential_grad`: one badly wrong (perhaps
    mislabelled) point cannot dominate the gradient.

    Examples
    --------
    >>> from lossdocs import logistic_grad
    >>> print(logistic_grad([0.0, 2.0, -1e4], [1, 1, 1], reduction="sum"))
    [-0.5    -0.1192 -1.    ]
    """
    y, ys, _ = _margins(scores, target, reduction, grad=True)
    return scale_grad(-y * sigmoid(-ys), reduction, ys.size)
