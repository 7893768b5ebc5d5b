"""``cross_entropy`` and ``cross_entropy_grad``."""

from __future__ import annotations

import numpy as np

from ..activations.log_softmax import log_softmax
from ..activations.softmax import softmax
from ._multiclass import parse_cross_entropy, reduce_batch, weighted_target

__all__ = ["cross_entropy", "cross_entropy_grad"]


def cross_entropy(
    logits, target, *, weight=None, ignore_index=-100, label_smoothing=0.0, reduction="mean"
):
    r"""Compute the cross-entropy between the softmax of `logits` and a class target.

    The standard loss of multiclass classification, and of semantic
    segmentation with per-pixel logits ``(N, C, H, W)``: the negative
    log-likelihood of the target under the softmax of the scores. It takes
    raw scores (logits), not probabilities.

    .. math::

        \ell_i = -\sum_{c=1}^{C} w_c \, q_{ic}
        \log \frac{e^{z_{ic}}}{\sum_{j=1}^{C} e^{z_{ij}}},
        \qquad
        q_{ic} = (1 - \varepsilon) \, t_{ic} + \frac{\varepsilon}{C}

    Here :math:`z` is `logits`, :math:`w` is `weight` (all 1 if None),
    :math:`\varepsilon` is `label_smoothing`, and :math:`t_{ic}` is
    :math:`[c = y_i]` for class indices :math:`y` = `target`, or `target`
    itself for class probabilities. Without smoothing and weights this is
    :math:`-\log \operatorname{softmax}(z_i)_{y_i}`. Reductions, with
    :math:`I` the samples whose index equals `ignore_index` (their
    :math:`\ell_i = 0`) and :math:`n` the number of samples
    (:math:`N d_1 \cdots`):

    .. math::

        \text{mean} = \frac{\sum_i \ell_i}{\sum_{i \notin I} w_{y_i}}
        \ \text{(indices)}, \qquad
        \text{mean} = \frac{1}{n} \sum_i \ell_i \ \text{(probabilities)}

    Parameters
    ----------
    logits : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Unnormalised scores :math:`z`; the class axis is 1 (0 when unbatched).
    target : array_like
        Class indices of shape (), (N,) or (N, d1, ...), integers in
        [0, C) or equal to `ignore_index`; or class probabilities in [0, 1]
        of the shape of `logits` (told apart by shape, as PyTorch does).
    weight : array_like, shape (C,), optional
        Per-class weights :math:`w_c`.
    ignore_index : int, default -100
        Index targets equal to it give 0 and are left out of the mean's
        divisor. With probability targets it must be negative (unused).
    label_smoothing : float, default 0.0
        :math:`\varepsilon \in [0, 1]`: the target is mixed with the uniform
        distribution over all C classes.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-sample losses.

    Returns
    -------
    ndarray or float
        The loss; 'none' gives shape (), (N,) or (N, d1, ...). 'mean' is nan
        if every target is ignored.

    Raises
    ------
    ValueError
        If `target` has neither shape, holds a class index outside [0, C)
        other than `ignore_index` or a probability outside [0, 1]; if
        `weight` is not (C,); `label_smoothing` is outside [0, 1];
        `ignore_index` >= 0 with probabilities; `reduction` is unknown; or
        the mean is taken over an empty batch.
    TypeError
        If an input does not hold real numbers, class indices are not
        integers, `ignore_index` is not an integer, or `label_smoothing` is
        not a real number.

    See Also
    --------
    nll_loss : The same on log-probabilities:
        ``cross_entropy(z, y) == nll_loss(log_softmax(z, axis=1), y)``.
    cross_entropy_grad : Its gradient, ``softmax(z) - q`` (weighted).
    softmax_focal_loss : Scales each term by :math:`(1 - p_y)^\gamma`; equal
        for ``gamma=0``.
    binary_cross_entropy_with_logits : One sigmoid per class (multi-label).

    Notes
    -----
    PyTorch: ``torch.nn.functional.cross_entropy``.

    :math:`\log \operatorname{softmax}` comes from :func:`log_softmax`
    (max-shifted, with log1p), never ``log(softmax(z))``: finite and accurate
    for :math:`|z|` up to 1e4 in float32 and float64. NaN in `logits`
    propagates to the samples whose softmax it enters.

    The same values and defaults as PyTorch, and the same pitfalls (logits,
    not probabilities; what smoothing and a weighted 'mean' divide by; a
    masked class under smoothing), with the inputs PyTorch accepts and
    lossdocs refuses: :ref:`edge-cross-entropy`. If every target is ignored,
    'mean' is 0/0 = nan, returned quietly, and the gradient 0
    (:ref:`edge-ignore-index`).

    A +inf logit gives NaN (as PyTorch), never a negative loss. With label
    smoothing the uniform share is scaled before it is summed, so logits near
    -1e308 give a finite loss.

    References
    ----------
    .. [1] C. M. Bishop, *Pattern Recognition and Machine Learning*,
       Springer, 2006, section 4.3.4.
    .. [2] C. Szegedy, V. Vanhoucke, S. Ioffe, J. Shlens and Z. Wojna,
       "Rethinking the Inception Architecture for Computer Vision", CVPR, 2016.

    Examples
    --------
    >>> from lossdocs import cross_entropy
    >>> logits = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
    >>> print(cross_entropy(logits, [0, 2], reduction="none"))
    [0.417  1.0986]
    >>> print(cross_entropy(logits, [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], reduction="none"))
    [0.417  1.0986]
    >>> print(cross_entropy(logits, [0, -100]))  # the second target is ignored
    0.4170...
    >>> print(cross_entropy(logits, [0, 2], label_smoothing=0.3, reduction="none"))
    [0.707  1.0986]
    >>> print(cross_entropy([[1e4, 0.0]], [1]))
    10000.0
    """
    batch, eps = parse_cross_entropy(
        logits, target, weight, ignore_index, label_smoothing, reduction, grad=False
    )
    log_p = log_softmax(batch.scores, axis=batch.axis)
    dt = log_p.dtype.type
    if batch.labels is None:
        loss = -(weighted_target(batch, eps) * log_p).sum(axis=batch.axis)
    else:
        # PyTorch's own split: the picked term, plus the uniform share only if
        # eps > 0 (so a -inf logit of a non-target class stays harmless at eps = 0).
        loss = batch.picked_nll(log_p)
        if eps:
            # eps times the mean of -log p, each term scaled before the sum: the sum
            # alone overflows for logits near -1e308 where the mean does not.
            w_log_p = log_p * dt(eps / log_p.shape[batch.axis])
            if batch.weight is not None:
                w_log_p *= batch.weight_along_axis()
            smooth = np.where(batch.keep, -w_log_p.sum(axis=batch.axis), 0)
            loss = dt(1 - eps) * loss + smooth
    return reduce_batch(batch, loss, reduction)


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
    PyTorch: none.

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

    For every target (indices, probabilities, smoothing) the gradient is
    :math:`p (A - a) - a (1 - p)`, with :math:`1 - p` of the largest
    probability taken as the sum of the others: exact digits at saturation.

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
    axis = batch.axis
    p = softmax(batch.scores, axis=axis)
    # w (p_k - [k = y]) for a target distribution a with total A: p (A - a) - a (1 - p).
    # 1 - p_k loses every digit once p_k rounds to 1, which only the largest p_k can:
    # there it is the sum of the other probabilities, a sum of positive terms.
    if batch.labels is not None and not eps:  # a one-hot: p w_y, and -w_y (1 - p_y) at y
        idx = np.expand_dims(batch.labels, axis)
        np.put_along_axis(p, idx, 0, axis=axis)
        rest = p.sum(axis=axis, keepdims=True)
        np.put_along_axis(p, idx, 0 - rest, axis=axis)
        if batch.weight is not None or not batch.keep.all():
            w = np.where(batch.keep, 1 if batch.weight is None else batch.weight[batch.labels], 0)
            p *= np.expand_dims(w.astype(p.dtype, copy=False), axis)
            p += 0  # -0.0 (a zero weight times a negative entry) to +0.0, as before
        grad = p
    else:
        a = weighted_target(batch, eps)
        top = np.argmax(p, axis=axis, keepdims=True)
        p_top = np.take_along_axis(p, top, axis=axis)
        np.put_along_axis(p, top, 0, axis=axis)
        rest = p.sum(axis=axis, keepdims=True)
        np.put_along_axis(p, top, p_top, axis=axis)
        one_minus_p = 1 - p
        np.put_along_axis(one_minus_p, top, rest, axis=axis)
        grad = p * (a.sum(axis=axis, keepdims=True) - a)
        grad -= a * one_minus_p
    if reduction == "mean" and (batch.keep is None or batch.keep.any()):
        with np.errstate(divide="ignore", invalid="ignore"):
            grad /= batch.mean_denominator()
    return grad
