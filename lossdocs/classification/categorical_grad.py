"""The gradient of multiclass cross-entropy with respect to the logits."""

from __future__ import annotations

import numpy as np

from ..activations import softmax
from ._multiclass import parse_cross_entropy, weighted_target

__all__ = ["cross_entropy_grad"]


def cross_entropy_grad(
    logits, target, *, weight=None, ignore_index=-100, label_smoothing=0.0, reduction="mean"
):
    r"""Compute the gradient of :func:`cross_entropy` with respect to `logits`.

    The error signal that backpropagation sends into a softmax classifier:
    predicted probabilities minus the (smoothed, weighted) target.

    .. math::

        \frac{\partial \ell_i}{\partial z_{ic}}
        = p_{ic} \sum_{k=1}^{C} w_k q_{ik} - w_c q_{ic},
        \qquad p_{ic} = \frac{e^{z_{ic}}}{\sum_j e^{z_{ij}}},
        \qquad q_{ic} = (1 - \varepsilon) \, t_{ic} + \frac{\varepsilon}{C}

    With the symbols of :func:`cross_entropy`. Without weights and with a
    target summing to 1 this is :math:`p_i - q_i`; for a class index and no
    smoothing, :math:`w_{y_i} (p_i - e_{y_i})`. Ignored samples get 0. For
    'mean' the whole array is divided by the divisor of the loss:
    :math:`\sum_{i \notin I} w_{y_i}` (indices) or :math:`n` (probabilities).

    Parameters
    ----------
    logits : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Unnormalised scores :math:`z`.
    target : array_like
        Class indices (the shape of `logits` without the class axis) or
        class probabilities (the shape of `logits`), as for
        :func:`cross_entropy`.
    weight : array_like, shape (C,), optional
        Per-class weights :math:`w_c`.
    ignore_index : int, default -100
        Index targets equal to it contribute nothing.
    label_smoothing : float, default 0.0
        :math:`\varepsilon \in [0, 1]`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused
        because the gradient of a vector of losses is not one array.

    Returns
    -------
    ndarray
        The gradient, the shape of `logits`.

    Raises
    ------
    ValueError
        For the bad inputs listed in :func:`cross_entropy`, and for
        ``reduction='none'``.
    TypeError
        If an input does not hold real numbers, class indices are not
        integers, or `ignore_index` is not an integer.

    See Also
    --------
    cross_entropy : The loss.

    Notes
    -----
    Each row of the unweighted gradient sums to 0 when the target sums to 1
    (softmax is invariant to adding a constant to every logit). The
    probabilities come from :func:`softmax` (max-shifted), so extreme
    logits give finite values. For a class index without smoothing, the
    entry at the target, :math:`w_{y_i} (p_{iy_i} - 1)`, is computed as
    :math:`-w_{y_i} \sum_{c \ne y_i} p_{ic}`: the difference loses every
    digit once :math:`p_{iy_i}` rounds to 1 (PyTorch's autograd gives 0
    there). If every target is ignored under 'mean', the loss is nan but does
    not depend on `logits`: the gradient returned is 0, as PyTorch's autograd
    gives. PyTorch: the ``.grad`` of the logits after
    ``torch.nn.functional.cross_entropy(...).backward()``.

    Examples
    --------
    >>> from lossdocs import cross_entropy_grad
    >>> logits = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
    >>> print(cross_entropy_grad(logits, [0, 2], reduction="sum"))
    [[-0.341   0.2424  0.0986]
     [ 0.3333  0.3333 -0.6667]]
    >>> print(cross_entropy_grad(logits, [0, 2], label_smoothing=0.3, reduction="sum"))
    [[-0.141   0.1424 -0.0014]
     [ 0.2333  0.2333 -0.4667]]
    """
    batch, eps = parse_cross_entropy(
        logits, target, weight, ignore_index, label_smoothing, reduction, grad=True
    )
    a = weighted_target(batch, eps)
    p = softmax(batch.scores, axis=batch.axis)
    grad = p * a.sum(axis=batch.axis, keepdims=True) - a
    if batch.labels is not None and not eps:
        # At the target, w (p_y - 1) loses every digit once p_y rounds to 1: use
        # -w (the sum of the other probabilities) instead, a sum of positive terms.
        idx = np.expand_dims(batch.labels, batch.axis)
        np.put_along_axis(p, idx, 0, axis=batch.axis)
        rest = p.sum(axis=batch.axis, keepdims=True)
        w_y = np.take_along_axis(a, idx, axis=batch.axis)
        np.put_along_axis(grad, idx, 0 - w_y * rest, axis=batch.axis)
    if reduction == "mean" and (batch.keep is None or batch.keep.any()):
        with np.errstate(divide="ignore", invalid="ignore"):
            grad = grad / batch.mean_denominator()
    return grad
