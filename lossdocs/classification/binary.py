"""Binary cross-entropy on probabilities and on logits, with their gradients."""

from __future__ import annotations

import numpy as np

from .._checks import as_float, check_unit_interval, pred_target, reduce, scale_grad
from ..activations import _softplus_tail, sigmoid

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_grad",
    "binary_cross_entropy_with_logits_grad",
]


def _checked(pred, target, reduction, pred_name, grad=False, **weights):
    """Validate a BCE call: ``(pred, target, *weights)``, targets (and probs) in [0, 1].

    Each weight (``None`` or an array) must broadcast to the prediction's
    shape without enlarging it; it is brought to the prediction's dtype.
    """
    pred, target = pred_target(pred, target, reduction, pred_name=pred_name, grad=grad)
    if pred_name == "probs":
        check_unit_interval(pred, "probs")
    check_unit_interval(target, "target")
    checked = []
    for name, w in weights.items():
        if w is not None:
            w = as_float(w, name, dtype=pred.dtype)
            try:
                fits = np.broadcast_shapes(w.shape, pred.shape) == pred.shape
            except ValueError:
                fits = False
            if not fits:
                raise ValueError(
                    f"{name} of shape {w.shape} does not broadcast to the shape "
                    f"{pred.shape} of {pred_name}"
                )
        checked.append(w)
    return pred, target, *checked


_EPS = np.float32(1e-12)  # PyTorch's backward clamp, a float32 constant also in float64


def _times(x, w):
    return x if w is None else x * w


def _bce_logits(z, t, pos_weight=None):
    """Per element ``pw * t * softplus(-z) + (1 - t) * softplus(z)``: no cancellation.

    softplus(+-z) = max(+-z, 0) + log1p(e^-|z|) share their log1p term, computed
    once; every term is >= 0, so nothing cancels.
    """
    tw = _times(t, pos_weight)
    loss = _softplus_tail(z)
    if pos_weight is not None:
        loss *= tw + (1 - t)
    loss += tw * np.maximum(-z, 0)
    loss += (1 - t) * np.maximum(z, 0)
    return loss


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
    The clamp is PyTorch's: a confident wrong answer (:math:`p = 0` for
    :math:`y = 1`) costs 100 instead of :math:`\infty`, and
    :math:`0 \cdot \log 0` counts as 0, so :math:`p \in \{0, 1\}` gives finite
    values. :math:`\log(1 - p)` is ``log1p(-p)``, as in PyTorch.
    Pitfall: passing ``sigmoid(z)`` here loses what the logit knew. In float64
    :math:`\sigma(z)` rounds to 1 for :math:`z > 36.7` (float32: 16.6), so a
    wrong answer at :math:`z = 40` costs the clamp's 100 here but 40 from the
    logit. PyTorch: ``torch.nn.functional.binary_cross_entropy`` (it raises
    for probabilities or targets outside [0, 1], as we do; it returns NaN for
    an empty mean, we raise). NaN propagates.

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
    Computed as :math:`w[p_w y \operatorname{softplus}(-z) + (1 - y)
    \operatorname{softplus}(z)]` with :math:`\operatorname{softplus}(x) =
    \log(1 + e^x)` taken as :math:`\max(x, 0) + \operatorname{log1p}(e^{-|x|})`:
    two non-negative terms, each exact to a few ulps, so no clamp is needed
    (``1e4`` with target 0 gives 10000.0).
    PyTorch: ``torch.nn.functional.binary_cross_entropy_with_logits``. Its
    formula :math:`(1 - y) z - (1 + (p_w - 1) y) \log \sigma(z)` is the same
    in exact arithmetic but cancels for :math:`y = 0, z \ll 0`: 0 at
    :math:`z = -40`, where the loss is :math:`4.25 \times 10^{-18}`. PyTorch
    does not check the target's range (target 2 is accepted); we raise.
    NaN propagates.

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
    g = (1 - target) * sigmoid(logits) - _times(target, pos_weight) * sigmoid(-logits)
    return scale_grad(_times(g, weight), reduction, logits.size)
