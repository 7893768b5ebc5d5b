"""``binary_cross_entropy_with_logits`` and ``binary_cross_entropy_with_logits_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._binary import _bce_logits, _checked, _times

__all__ = ["binary_cross_entropy_with_logits", "binary_cross_entropy_with_logits_grad"]


def binary_cross_entropy_with_logits(
    logits, target, *, weight=None, pos_weight=None, reduction="mean"
):
    r"""Compute binary cross-entropy from logits, exactly and stably.

    The standard loss for binary and multi-label classification: the
    sigmoid and the log are fused, so it is exact for any finite logit and
    its gradient is :math:`\sigma(z) - y`.

    .. math::

        \ell(z, y) = -w \left[ p_w \, y \log \sigma(z)
        + (1 - y) \log\left(1 - \sigma(z)\right) \right],
        \qquad \sigma(z) = \frac{1}{1 + e^{-z}}

    Parameters
    ----------
    logits : array_like
        Logits :math:`z`, any shape (e.g. (N, C) for C labels).
    target : array_like
        Targets :math:`y \in [0, 1]`, the shape of `logits`.
    weight : array_like, optional
        Weights :math:`w`, any shape that broadcasts to that of `logits`.
    pos_weight : array_like, optional
        Weight :math:`p_w` of the positive term, broadcast against `logits`
        from the last (class) axis: shape (C,) gives one per class. With
        ``n_neg / n_pos`` (e.g. 300 / 100 = 3) the positives of a class
        weigh as much in total as its negatives.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' divides by the number of elements, not by the sum of weights.

    Returns
    -------
    ndarray or float
        The loss; 0 is approached as :math:`z \to \pm\infty` for 0/1 targets.

    Raises
    ------
    ValueError
        If `target` lies outside [0, 1], a shape is wrong, `reduction` is
        unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    binary_cross_entropy : The same loss on probabilities, clamped.
    logistic : The margin form, for labels +-1:
        ``logistic(s, y) == binary_cross_entropy_with_logits(s, (y + 1) / 2)``.
    focal_loss : Multiplies each term by :math:`(1 - p_t)^\gamma`.
    binary_cross_entropy_with_logits_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.binary_cross_entropy_with_logits``.

    Computed as :math:`w[p_w y \operatorname{softplus}(-z) + (1 - y)
    \operatorname{softplus}(z)]` with :math:`\operatorname{softplus}(x) =
    \log(1 + e^x)` taken as :math:`\max(x, 0) + \operatorname{log1p}(e^{-|x|})`:
    two non-negative terms, each exact to a few ulps, so no clamp is needed
    (``1e4`` with target 0 gives 10000.0), where PyTorch's formula cancels for
    :math:`y = 0, z \ll 0` (:ref:`edge-extreme-logits`). PyTorch does not
    check the target's range (target 2 is accepted); we raise.
    NaN propagates.

    At :math:`z = \pm\infty` the result is the limit (0, or +inf), without a warning.

    Examples
    --------
    >>> from lossdocs import binary_cross_entropy_with_logits
    >>> print(binary_cross_entropy_with_logits([0.0, 1e4, -40.0], [1, 0, 0], reduction="none"))
    [6.9315e-01 1.0000e+04 4.2484e-18]
    >>> print(binary_cross_entropy_with_logits([[0.0, 0.0]], [[1.0, 0.0]],
    ...                                        pos_weight=[3.0, 3.0], reduction="none"))
    [[2.0794 0.6931]]
    """
    logits, target, weight, pos_weight = _checked(
        logits, target, reduction, "logits", weight=weight, pos_weight=pos_weight
    )
    return reduce(_times(_bce_logits(logits, target, pos_weight), weight), reduction)


def binary_cross_entropy_with_logits_grad(
    logits, target, *, weight=None, pos_weight=None, reduction="mean"
):
    r"""Compute the gradient of :func:`binary_cross_entropy_with_logits` with respect to `logits`.

    .. math::

        \frac{\partial \ell}{\partial z_i}
        = w_i \left[ (1 - y_i) \, \sigma(z_i) - p_w \, y_i \, \sigma(-z_i) \right]
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    logits, target, weight, pos_weight, reduction
        As in :func:`binary_cross_entropy_with_logits`; `reduction` must be
        'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `logits`.

    Raises
    ------
    ValueError
        As :func:`binary_cross_entropy_with_logits`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    binary_cross_entropy_with_logits : The loss.
    binary_cross_entropy_grad : The gradient on probabilities.

    Notes
    -----
    PyTorch: none.

    With :math:`p_w = 1` it is :math:`w (\sigma(z) - y)`: prediction minus
    target, with no :math:`\sigma'(z)` factor to vanish when the sigmoid
    saturates (why sigmoid outputs are trained with cross-entropy, not MSE).
    Written as two terms so that neither :math:`1 - \sigma(z)` nor
    :math:`\sigma(z) - 1` is formed by subtraction.

    Examples
    --------
    >>> from lossdocs import binary_cross_entropy_with_logits_grad
    >>> print(binary_cross_entropy_with_logits_grad([0.0, 2.0], [1.0, 0.0], reduction="sum"))
    [-0.5     0.8808]
    """
    logits, target, weight, pos_weight = _checked(
        logits, target, reduction, "logits", True, weight=weight, pos_weight=pos_weight
    )
    # sigma(z) = p / (1 + a), sigma(-z) = q / (1 + a) with p = e^min(z, 0), q = e^-max(z, 0)
    # and a = e^-|z| = p q: the two sigmoids share one denominator, two exps instead of four.
    with np.errstate(over="ignore", under="ignore"):
        # out= buffers: on a 0-d input NumPy would return scalars, which out= refuses.
        p = np.minimum(logits, 0, out=np.empty_like(logits))
        np.exp(p, out=p)
        q = np.maximum(logits, 0, out=np.empty_like(logits))
        np.negative(q, out=q)
        np.exp(q, out=q)
        den = p * q
        den += 1
        p *= 1 - target
        q *= _times(target, pos_weight)
        p -= q
        g = np.divide(p, den, out=p)
        g = g if g.ndim else g[()]  # a scalar for a 0-d input, as before
    return scale_grad(_times(g, weight), reduction, logits.size)
