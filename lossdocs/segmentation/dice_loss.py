"""``dice_loss`` and ``dice_loss_grad``."""

from __future__ import annotations

import numpy as np

from ._overlap import _one_minus_ratio, _overlap, _ratio_grad_coefs

__all__ = ["dice_loss", "dice_loss_grad"]


def dice_loss(probs, target, *, smooth=0.0, eps=1e-7, squared=False, axis=None, reduction="mean"):
    r"""Compute the soft Dice loss, one minus a soft Dice coefficient (F1 of the overlap).

    The usual overlap loss of medical segmentation (V-Net): like the Jaccard
    loss it scores each sample's mask as a whole, so a small foreground still
    weighs. With :math:`D = 2J / (1 + J)`, :math:`dD/dJ = 2 / (1 + J)^2`: Dice
    rewards overlap less steeply than Jaccard only once :math:`J > \sqrt 2 - 1
    \approx 0.41`, and more steeply below.

    .. math::

        \mathcal{L}_D = 1 - \frac{2 \sum_i p_i t_i + s}
            {\max\left(\sum_i p_i^q + \sum_i t_i^q + s,\ \varepsilon\right)},
        \qquad q = \begin{cases} 2 & \text{squared} \\ 1 & \text{otherwise}\end{cases}

    with :math:`p` = `probs`, :math:`t` = `target`, :math:`s` = `smooth`,
    :math:`\varepsilon` = `eps`, the sums running over the pixels :math:`i`
    of one sample (the axes `axis`).

    Parameters
    ----------
    probs, target, smooth, eps
        As for :func:`jaccard_loss`.
    squared : bool, default False
        Sum squares in the denominator: the V-Net form of Milletari et al.
    axis, reduction
        As for :func:`jaccard_loss`.

    Returns
    -------
    ndarray or float
        The loss in [0, 1]; 0 is best.

    Raises
    ------
    ValueError
        As for :func:`jaccard_loss`.
    TypeError
        If an input does not hold real numbers, or `squared` is not a bool.

    See Also
    --------
    jaccard_loss : Intersection over union instead;
        ``dice == 2 J / (1 + J)`` between the scores at ``smooth=0``.
    dice_coefficient : The hard-mask metric; ``dice_loss == 1 - dice_coefficient``
        on non-empty 0/1 masks.
    dice_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    Computed as :math:`\sum_i (p_i (1 - t_i) + t_i (1 - p_i))` (or
    :math:`\sum_i (p_i - t_i)^2` when squared) over the denominator, which
    avoids the cancellation in :math:`1 - D` near a perfect prediction. With
    soft probabilities only ``squared=True`` reaches 0 at ``probs == target``;
    on 0/1 masks both forms agree. Two empty masks with ``smooth=0`` give
    :math:`1 - 0 / \varepsilon = 1`, the worst value, although the prediction
    is perfect; ``smooth > 0`` gives 0 (below). NaN propagates to its sample's
    loss. PyTorch has no built-in; ``soft_dice_score`` of
    segmentation_models_pytorch computes the same unsquared ratio (``smooth``
    and ``clamp_min(eps)``), but its ``DiceLoss`` sums over the whole batch
    per class and zeroes classes without target pixels.

    References
    ----------
    .. [1] F. Milletari, N. Navab and S.-A. Ahmadi, "V-Net: Fully
       Convolutional Neural Networks for Volumetric Medical Image
       Segmentation", 3DV 2016.

    Examples
    --------
    >>> from lossdocs import dice_loss
    >>> probs = [[1.0, 1.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]]
    >>> target = [[1, 1, 1, 0], [1, 1, 0, 0]]
    >>> print(dice_loss(probs, target, reduction="none"))  # 1 - 4/5, 1 - 2/4
    [0.2 0.5]
    >>> print(dice_loss(probs, target, squared=True, reduction="none"))  # 1 - 4/5, 1 - 2/3
    [0.2    0.3333]
    >>> print(dice_loss([0.0, 0.0], [0.0, 0.0]), dice_loss([0.0, 0.0], [0, 0], smooth=1))
    1.0 0.0
    """
    o = _overlap(probs, target, smooth, eps, axis, reduction, squared=squared)
    return _one_minus_ratio(*o.dice(), o, reduction)


def dice_loss_grad(
    probs, target, *, smooth=0.0, eps=1e-7, squared=False, axis=None, reduction="mean"
):
    r"""Compute the gradient of :func:`dice_loss` with respect to `probs`.

    .. math::

        \frac{\partial \mathcal{L}_D}{\partial p_k} =
        \begin{cases}
            \dfrac{(2 I + s)\, q\, p_k^{q - 1} - 2 t_k (C + s)}{(C + s)^2}
                & C + s \ge \varepsilon \\
            -2 t_k / \varepsilon & \text{otherwise}
        \end{cases}

    with :math:`I = \sum_i p_i t_i`, :math:`C = \sum_i p_i^q + \sum_i t_i^q`
    over the sample of pixel :math:`k` and :math:`q = 2` if `squared` else 1,
    divided by the number of samples for the mean.

    Parameters
    ----------
    probs, target, smooth, eps, squared, axis
        As for :func:`dice_loss`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `probs`.

    Raises
    ------
    ValueError
        As for :func:`dice_loss`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers, or `squared` is not a bool.

    See Also
    --------
    dice_loss : The loss.
    jaccard_loss_grad : The same for Jaccard.

    Notes
    -----
    PyTorch: none.

    Where `eps` is active (:math:`C + s < \varepsilon`) the denominator is the
    constant :math:`\varepsilon`, so its gradient is 0 and only the numerator's
    :math:`2 t_k` remains; at :math:`C + s = \varepsilon` the unclamped branch
    is used, as ``clamp_min`` does in PyTorch.

    Examples
    --------
    >>> from lossdocs import dice_loss_grad
    >>> print(dice_loss_grad([1.0, 0.0], [1.0, 1.0], reduction="sum"))  # I=1, C=3
    [-0.4444 -0.4444]
    """
    o = _overlap(probs, target, smooth, eps, axis, reduction, squared=squared, grad=True)
    a, b = _ratio_grad_coefs(*o.dice(), o, reduction)  # dnum = 2 t; dden = 2 p or 1
    with np.errstate(invalid="ignore", over="ignore"):  # an empty pair at eps = 0: NaN
        g = np.multiply(o.t, -2 * b)
        if squared:
            g += np.multiply(o.p, 2 * a)
        else:
            g += a
    return g
