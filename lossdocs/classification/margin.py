r"""Margin losses for +-1 labels: hinge, exponential and logistic, the losses.

Each depends on the margin :math:`y s` alone and, scaled to equal 1 at
:math:`y s = 0`, is a convex upper bound of the 0-1 loss :math:`\mathbb{1}[y s \le 0]`.
"""

from __future__ import annotations

import numpy as np

from .._checks import check_plus_minus_one, check_real, pred_target, reduce
from ..activations import _softplus

__all__ = ["hinge", "exponential", "logistic"]


def _margins(scores, target, reduction, grad=False, margin=None):
    """Validate ``(scores, target)`` (labels +-1) and `margin`; return ``(y, y * s, margin)``."""
    if margin is not None:
        margin = check_real(margin, "margin", low=0)
        if not np.isfinite(margin):
            raise ValueError(f"margin must be finite, got {margin}")
    scores, target = pred_target(scores, target, reduction, pred_name="scores", grad=grad)
    check_plus_minus_one(target, "target")
    return target, target * scores, scores.dtype.type(margin or 0)


def hinge(scores, target, *, margin=1.0, reduction="mean"):
    r"""Compute the hinge loss, the loss of the support vector machine.

    A convex surrogate of the 0-1 loss: 0 once the margin :math:`y s`
    reaches `margin`, linear below it, so only points inside or beyond the
    margin shape the solution.

    .. math::

        \ell(s, y) = \max(0, \; m - y s), \qquad y \in \{-1, +1\}

    Parameters
    ----------
    scores : array_like
        Real scores :math:`s` (the sign is the predicted class), any shape.
    target : array_like
        Labels :math:`y \in \{-1, +1\}`, the shape of `scores`.
    margin : float, default 1.0
        The margin :math:`m`, finite and >= 0 (0 gives the perceptron loss).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; 0 is best, reached when :math:`y s \ge m`.

    Raises
    ------
    ValueError
        If `target` holds a value other than -1 or +1, the shapes differ,
        `margin` is negative or infinite, `reduction` is unknown, or the
        mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    logistic : A smooth surrogate, never exactly 0.
    exponential : AdaBoost's surrogate, much steeper for wrong answers.
    hinge_grad : Its subgradient.

    Notes
    -----
    With ``margin=1`` it is 1 at :math:`y s = 0` and bounds the 0-1 loss from
    above. PyTorch has no function for it: ``torch.nn.functional.hinge_embedding_loss``
    is another loss, on distances (for :math:`y = 1` it is the input itself,
    for :math:`y = -1` it is :math:`\max(0, m - x)`). The SVM hinge is
    ``torch.clamp(margin - target * scores, min=0)``, or twice
    ``torch.nn.functional.multi_margin_loss`` on the columns :math:`[-s/2, s/2]`
    with class :math:`(y + 1) / 2` (it divides by the number of classes).
    NaN propagates.

    References
    ----------
    .. [1] C. Cortes and V. Vapnik, "Support-Vector Networks", *Machine
       Learning* 20(3), 1995.
    .. [2] T. Hastie, R. Tibshirani and J. Friedman, *The Elements of
       Statistical Learning*, 2nd ed., 2009, section 10.6 and Fig. 10.4.

    Examples
    --------
    >>> from lossdocs import hinge
    >>> print(hinge([0.3, 2.0, 2.0], [1, 1, -1], reduction="none"))
    [0.7 0.  3. ]
    """
    _, ys, m = _margins(scores, target, reduction, margin=margin)
    return reduce(np.maximum(m - ys, 0), reduction)


def exponential(scores, target, *, reduction="mean"):
    r"""Compute the exponential loss of AdaBoost.

    A smooth convex surrogate of the 0-1 loss; boosting with it is AdaBoost.
    It grows exponentially with a wrong margin, so mislabelled points
    dominate it: prefer :func:`logistic` when labels are noisy.

    .. math::

        \ell(s, y) = e^{-y s}, \qquad y \in \{-1, +1\}

    Parameters
    ----------
    scores : array_like
        Real scores :math:`s`, any shape.
    target : array_like
        Labels :math:`y \in \{-1, +1\}`, the shape of `scores`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss, > 0; it tends to 0 as :math:`y s \to \infty`.

    Raises
    ------
    ValueError
        If `target` holds a value other than -1 or +1, the shapes differ,
        `reduction` is unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    logistic : Alike for good margins, only linear for bad ones.
    hinge : Piecewise linear, exactly 0 beyond the margin.
    exponential_grad : Its gradient.

    Notes
    -----
    It is 1 at :math:`y s = 0` and bounds the 0-1 loss from above; its
    population minimiser is half the log-odds,
    :math:`\tfrac12 \log \frac{P(y = 1)}{P(y = -1)}` [2]_. It overflows to
    ``inf`` (without a warning) only where :math:`e^{-y s}` exceeds the
    largest float, :math:`-y s > 709.78` (float32: 88.72). No PyTorch
    counterpart. NaN propagates.

    References
    ----------
    .. [1] Y. Freund and R. E. Schapire, "A Decision-Theoretic Generalization
       of On-Line Learning and an Application to Boosting", *Journal of
       Computer and System Sciences* 55(1), 1997.
    .. [2] J. Friedman, T. Hastie and R. Tibshirani, "Additive Logistic
       Regression: a Statistical View of Boosting", *Annals of Statistics*
       28(2), 2000.

    Examples
    --------
    >>> from lossdocs import exponential
    >>> print(exponential([0.0, 0.6931471805599453, 1e4], [1, -1, -1], reduction="none"))
    [ 1.  2. inf]
    """
    _, ys, _ = _margins(scores, target, reduction)
    with np.errstate(over="ignore"):
        return reduce(np.exp(-ys), reduction)


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
    Computed as :math:`\operatorname{softplus}(-y s)`, as in
    :func:`binary_cross_entropy_with_logits`, exact to a few ulps for any
    finite score. Divided by :math:`\log 2`
    (:math:`\log_2(1 + e^{-y s})`) it is 1 at :math:`y s = 0` and bounds the
    0-1 loss from above. PyTorch: ``torch.nn.functional.soft_margin_loss`` is
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
