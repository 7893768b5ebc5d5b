"""``jaccard_loss`` and ``jaccard_loss_grad``."""

from __future__ import annotations

import numpy as np

from ._overlap import _one_minus_ratio, _overlap, _ratio_grad_coefs

__all__ = ["jaccard_loss", "jaccard_loss_grad"]


def jaccard_loss(probs, target, *, smooth=0.0, eps=1e-7, axis=None, reduction="mean"):
    r"""Compute the soft Jaccard (IoU) loss, one minus a soft intersection over union.

    For segmentation with a small foreground: the loss looks at the overlap of
    each sample's mask, not at each pixel, so the many easy background pixels
    do not swamp it. Often added to a pixel-wise cross-entropy.

    .. math::

        \mathcal{L}_J = 1 - \frac{\sum_i p_i t_i + s}
            {\max\left(\sum_i p_i + \sum_i t_i - \sum_i p_i t_i + s,\ \varepsilon\right)}

    with :math:`p` = `probs`, :math:`t` = `target`, :math:`s` = `smooth`,
    :math:`\varepsilon` = `eps`, the sums running over the pixels :math:`i`
    of one sample (the axes `axis`).

    Parameters
    ----------
    probs : array_like
        Predicted foreground probabilities in [0, 1], shape (N, ...).
    target : array_like
        Target mask in [0, 1] (hard or soft), the shape of `probs`.
    smooth : float, default 0.0
        Added to numerator and denominator; must be >= 0.
    eps : float, default 1e-7
        Floor of the denominator; must be >= 0. With 0 the ratio is the exact
        formula, so two empty masks (and ``smooth=0``) give 0/0: NaN.
    axis : int or tuple of int, optional
        Axes summed over per sample. Default: all but the first, so (N, ...)
        gives N losses; a 1-D input is one sample (one flattened mask).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-sample losses (the shape of the axes not summed;
        a 0-d array for 1-D input).

    Returns
    -------
    ndarray or float
        The loss in [0, 1]; 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `probs` or `target` leaves [0, 1], `probs` is 0-d,
        `axis` is out of range or repeats, `smooth` < 0, `eps` < 0, `reduction`
        is unknown, or the mean is taken over zero samples.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    dice_loss : Counts the overlap twice and skips the subtraction; at
        ``smooth=0`` the scores satisfy ``D == 2 J / (1 + J)``, so ``D >= J``.
    jaccard_index : The hard-mask metric; ``jaccard_loss == 1 - jaccard_index``
        on non-empty 0/1 masks.
    jaccard_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    The union is :math:`|P| + |T| - |P \cap T|` (:ref:`errata-iou-union`).
    The loss is computed
    as :math:`\sum_i (p_i (1 - t_i) + t_i (1 - p_i)) / \text{denominator}`,
    equal to the formula where `eps` is inactive but free of the cancellation
    in :math:`1 - J` near a perfect prediction. Two empty masks with
    ``smooth=0`` give :math:`1 - 0 / \varepsilon = 1`; ``smooth > 0`` gives 0.
    NaN propagates to its sample's loss. ``soft_jaccard_score`` of
    segmentation_models_pytorch computes the same
    ratio (``smooth`` and ``clamp_min(eps)``), but its ``JaccardLoss`` sums
    over the whole batch per class and zeroes classes without target pixels.

    References
    ----------
    .. [1] M. A. Rahman and Y. Wang, "Optimizing Intersection-Over-Union in
       Deep Neural Networks for Image Segmentation", ISVC 2016.

    Examples
    --------
    >>> from lossdocs import jaccard_loss
    >>> probs = [[1.0, 1.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]]
    >>> target = [[1, 1, 1, 0], [1, 1, 0, 0]]
    >>> print(jaccard_loss(probs, target, reduction="none"))  # 1 - 2/3, 1 - 1/(2+2-1)
    [0.3333 0.6667]
    >>> print(jaccard_loss([0.0, 0.0], [0.0, 0.0]), jaccard_loss([0.0, 0.0], [0, 0], smooth=1))
    1.0 0.0
    """
    o = _overlap(probs, target, smooth, eps, axis, reduction)
    return _one_minus_ratio(*o.jaccard(), o, reduction)


def jaccard_loss_grad(probs, target, *, smooth=0.0, eps=1e-7, axis=None, reduction="mean"):
    r"""Compute the gradient of :func:`jaccard_loss` with respect to `probs`.

    .. math::

        \frac{\partial \mathcal{L}_J}{\partial p_k} =
        \begin{cases}
            \dfrac{I + s - t_k (I + U + 2 s)}{(U + s)^2} & U + s \ge \varepsilon \\
            -t_k / \varepsilon & \text{otherwise}
        \end{cases}

    with :math:`I = \sum_i p_i t_i` and :math:`U = \sum_i p_i + \sum_i t_i - I`
    over the sample of pixel :math:`k`, divided by the number of samples for
    the mean.

    Parameters
    ----------
    probs, target, smooth, eps, axis
        As for :func:`jaccard_loss`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `probs`.

    Raises
    ------
    ValueError
        As for :func:`jaccard_loss`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    jaccard_loss : The loss.
    dice_loss_grad : The same for Dice.

    Notes
    -----
    PyTorch: none.

    Where `eps` is active (:math:`U + s < \varepsilon`) the denominator is the
    constant :math:`\varepsilon`, so its gradient is 0 and only the numerator's
    :math:`t_k` remains; at :math:`U + s = \varepsilon` the unclamped branch is
    used, as ``clamp_min`` does in PyTorch.

    Examples
    --------
    >>> from lossdocs import jaccard_loss_grad
    >>> print(jaccard_loss_grad([1.0, 0.0], [1.0, 1.0], reduction="sum"))  # I=1, U=2
    [-0.5 -0.5]
    """
    o = _overlap(probs, target, smooth, eps, axis, reduction, grad=True)
    a, b = _ratio_grad_coefs(*o.jaccard(), o, reduction)  # dnum = t, dden = 1 - t
    with np.errstate(invalid="ignore", over="ignore"):  # an empty pair at eps = 0: NaN
        g = np.multiply(o.t, -(a + b))
        g += a
    return g
