"""``softmax_focal_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_real, in_dtype
from ..activations.log_softmax import log_softmax
from ._multiclass import parse

__all__ = ["softmax_focal_loss"]


def softmax_focal_loss(logits, target, *, alpha=None, gamma=2.0, reduction="mean"):
    r"""Compute the multiclass focal loss: cross-entropy scaled down on easy samples.

    For heavy class imbalance (dense detection, segmentation): the factor
    :math:`(1 - p_y)^\gamma` shrinks the loss of samples already classified
    with confidence, so the many easy ones do not swamp the few hard ones.

    .. math::

        \ell_i = -\alpha_{y_i} \left(1 - p_{i, y_i}\right)^{\gamma}
        \log p_{i, y_i},
        \qquad p_{ic} = \frac{e^{z_{ic}}}{\sum_{j=1}^{C} e^{z_{ij}}}

    Here :math:`z` is `logits`, :math:`y` is `target`, :math:`\alpha` is
    `alpha` (all 1 if None) and :math:`\gamma` is `gamma`. 'mean' is
    :math:`\frac{1}{n} \sum_i \ell_i` over the :math:`n = N d_1 \cdots`
    samples.

    Parameters
    ----------
    logits : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Unnormalised scores :math:`z`; the class axis is 1 (0 when unbatched).
    target : array_like, shape (), (N,) or (N, d1, ...)
        Class indices, integers in [0, C).
    alpha : array_like, shape (C,), optional
        Per-class weights :math:`\alpha_c`; None weighs every class 1.
    gamma : float, default 2.0
        Focusing parameter :math:`\gamma \ge 0`; 0 gives cross-entropy.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-sample losses, the shape of `target`.

    Returns
    -------
    ndarray or float
        The loss; 0 is best.

    Raises
    ------
    ValueError
        If `target` does not have the shape of `logits` without its class
        axis, holds a class index outside [0, C), `alpha` is not (C,),
        `gamma` is negative, `reduction` is unknown, or the mean is taken
        over an empty batch.
    TypeError
        If an input does not hold real numbers, class indices are not
        integers, or `gamma` is not a real number.

    See Also
    --------
    cross_entropy : ``gamma=0`` and ``alpha=None`` give it exactly; it also
        takes probability targets, label smoothing and `ignore_index`.
    focal_loss : The sigmoid (binary, one logit per class) form of the paper.

    Notes
    -----
    PyTorch: none.

    :math:`\log p_y` comes from :func:`log_softmax` and
    :math:`1 - p_y` is computed as ``-expm1(log p_y)``: accurate when
    :math:`p_y` is close to 1, where ``1 - p`` would cancel to 0, and finite
    for :math:`|z|` up to 1e4. NaN in `logits` propagates.

    'mean' is the plain mean over samples, *not* divided by the sum of the
    :math:`\alpha_{y_i}` as weighted :func:`cross_entropy` divides by the sum
    of its weights: with `alpha` set, the two differ at ``gamma=0`` under
    'mean' (they agree under 'none' and 'sum'). torchvision's sigmoid form
    also averages plainly; the paper instead divides the sum by the number of
    positive anchors, which a caller can do with 'sum'.

    PyTorch has no built-in softmax focal loss (torchvision has only the
    sigmoid form, ``torchvision.ops.sigmoid_focal_loss``); there is no
    `ignore_index`: drop those samples before calling.

    References
    ----------
    .. [1] T.-Y. Lin, P. Goyal, R. Girshick, K. He and P. Dollár, "Focal Loss
       for Dense Object Detection", ICCV, 2017.

    Examples
    --------
    >>> from lossdocs import softmax_focal_loss
    >>> logits = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
    >>> print(softmax_focal_loss(logits, [0, 2], reduction="none"))
    [0.0485 0.4883]
    >>> print(softmax_focal_loss(logits, [0, 2], gamma=0.0, reduction="none"))
    [0.417  1.0986]
    """
    gamma = check_real(gamma, "gamma", low=0, finite=True)
    batch = parse(
        logits,
        target,
        reduction,
        scores_name="logits",
        weight=alpha,
        weight_name="alpha",
        allow_probs=False,
    )
    log_p = batch.gather(log_softmax(batch.scores, axis=batch.axis))
    loss = -np.power(-np.expm1(log_p), in_dtype(gamma, "gamma", log_p.dtype)) * log_p
    if batch.weight is not None:
        loss = loss * batch.weight[batch.labels]
    return reduce(loss, reduction)
