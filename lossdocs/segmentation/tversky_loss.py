"""``tversky_loss`` and ``tversky_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from ._overlap import _ratio_grad_coefs, _tversky, _tversky_loss

__all__ = ["tversky_loss", "tversky_loss_grad"]


def tversky_loss(
    probs, target, *, alpha=0.3, beta=0.7, smooth=0.0, eps=1e-7, axis=None, reduction="mean"
):
    r"""Compute the Tversky loss, an overlap loss that weighs false positives and negatives apart.

    For segmentation where missing foreground costs more than painting too
    much of it (small lesions): with ``beta > alpha`` a false negative
    lowers the score more than a false positive, which trades precision for
    recall. ``alpha = beta = 0.5`` is the Dice loss, ``alpha = beta = 1``
    the Jaccard loss.

    .. math::

        \mathcal{L}_T = 1 - \frac{\mathrm{TP} + s}
            {\max\left(\mathrm{TP} + \alpha \mathrm{FP} + \beta \mathrm{FN} + s,
            \ \varepsilon\right)},
        \quad \mathrm{TP} = \sum_i p_i t_i,\;
        \mathrm{FP} = \sum_i p_i (1 - t_i),\;
        \mathrm{FN} = \sum_i (1 - p_i)\, t_i

    with :math:`p` = `probs`, :math:`t` = `target`, :math:`\alpha` = `alpha`,
    :math:`\beta` = `beta`, :math:`s` = `smooth`, :math:`\varepsilon` = `eps`,
    the sums running over the pixels :math:`i` of one sample (the axes `axis`).

    Parameters
    ----------
    probs : array_like
        Predicted foreground probabilities in [0, 1], shape (N, ...).
    target : array_like
        Target mask in [0, 1] (hard or soft), the shape of `probs`.
    alpha : float, default 0.3
        Weight of the false positives; must be >= 0 and finite.
    beta : float, default 0.7
        Weight of the false negatives; must be >= 0 and finite.
    smooth, eps, axis, reduction
        As for :func:`jaccard_loss`.

    Returns
    -------
    ndarray or float
        The loss; 0 is best. In [0, 1] whenever ``alpha + beta > 0``.

    Raises
    ------
    ValueError
        If `alpha` or `beta` is negative or not finite, or as for
        :func:`jaccard_loss`.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    dice_loss : ``alpha = beta = 0.5``.
    jaccard_loss : ``alpha = beta = 1``.
    focal_tversky_loss : This loss raised to a power.
    tversky_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    The defaults 0.3 and 0.7 are the best pair of Salehi et al. (2017), who
    weight false positives by :math:`\alpha` and false negatives by
    :math:`\beta`, as here. MONAI's ``TverskyLoss`` computes the same index
    per sample and class (pass ``axis`` the spatial axes of (N, C, ...) for
    that), with defaults ``alpha = beta = 0.5`` (Dice) and ``smooth_nr =
    smooth_dr = 1e-5`` added to numerator and denominator separately; with
    ``smooth_nr == smooth_dr == s`` and no clamping it equals this loss at
    ``smooth=s, eps=0``. segmentation_models_pytorch's ``TverskyLoss`` also
    puts ``alpha`` on false positives. The loss is computed as
    :math:`(\alpha\,\mathrm{FP} + \beta\,\mathrm{FN}) / \text{denominator}`,
    free of the cancellation in :math:`1 - \mathrm{TI}` near a perfect
    prediction. Two empty masks with ``smooth=0`` give 1, as for
    :func:`dice_loss`; ``smooth > 0`` gives 0.

    References
    ----------
    .. [1] S. S. M. Salehi, D. Erdogmus and A. Gholipour, "Tversky Loss
       Function for Image Segmentation Using 3D Fully Convolutional Deep
       Networks", MLMI 2017.
    .. [2] Amos Tversky, "Features of Similarity", Psychological Review, 1977.

    Examples
    --------
    >>> from lossdocs import dice_loss, jaccard_loss, tversky_loss
    >>> probs = [[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]
    >>> target = [[1, 1, 1, 1], [1, 1, 0, 0]]  # 2 FN, then 2 FP; TP = 2 in both
    >>> print(tversky_loss(probs, target, reduction="none"))  # 1 - 2/3.4, 1 - 2/2.6
    [0.4118 0.2308]
    >>> print(tversky_loss(probs, target, alpha=0.5, beta=0.5), dice_loss(probs, target))
    0.3333333333333333 0.3333333333333333
    >>> print(tversky_loss(probs, target, alpha=1, beta=1), jaccard_loss(probs, target))
    0.5 0.5
    """
    loss = _tversky_loss(probs, target, alpha, beta, smooth, eps, axis, reduction)
    return reduce(loss, reduction)


def tversky_loss_grad(
    probs, target, *, alpha=0.3, beta=0.7, smooth=0.0, eps=1e-7, axis=None, reduction="mean"
):
    r"""Compute the gradient of :func:`tversky_loss` with respect to `probs`.

    .. math::

        \frac{\partial \mathcal{L}_T}{\partial p_k} =
        \begin{cases}
            \dfrac{(\mathrm{TP} + s)\,\bigl(\alpha + (1 - \alpha - \beta)\, t_k\bigr)
                - t_k\, D}{D^2} & D \ge \varepsilon \\
            -t_k / \varepsilon & \text{otherwise}
        \end{cases}

    with :math:`D = \mathrm{TP} + \alpha\,\mathrm{FP} + \beta\,\mathrm{FN} + s`
    over the sample of pixel :math:`k`, divided by the number of samples for
    the mean.

    Parameters
    ----------
    probs, target, alpha, beta, smooth, eps, axis
        As for :func:`tversky_loss`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `probs`.

    Raises
    ------
    ValueError
        As for :func:`tversky_loss`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    tversky_loss : The loss.
    dice_loss_grad : The same at ``alpha = beta = 0.5``.

    Notes
    -----
    PyTorch: none.

    Since :math:`\mathrm{FP} = \sum_i p_i - \mathrm{TP}` and
    :math:`\mathrm{FN} = \sum_i t_i - \mathrm{TP}`, the denominator is
    :math:`(1 - \alpha - \beta)\,\mathrm{TP} + \alpha \sum_i p_i + \beta
    \sum_i t_i + s`, whose derivative in :math:`p_k` is
    :math:`\alpha + (1 - \alpha - \beta)\, t_k`. On a background pixel
    (:math:`t_k = 0`) the gradient is :math:`\alpha (\mathrm{TP} + s)/D^2 \ge 0`,
    scaled by `alpha`; on a foreground pixel it is negative. Where `eps` is
    active the denominator is constant, as for :func:`dice_loss_grad`.

    Examples
    --------
    >>> from lossdocs import tversky_loss_grad
    >>> # TP = 1, FP = 0, FN = 1: D = 1.7; background pixel: 0.3 * 1 / 1.7^2
    >>> print(tversky_loss_grad([1.0, 0.0, 0.0], [1.0, 1.0, 0.0], reduction="sum"))
    [-0.4844 -0.4844  0.1038]
    """
    o, num, den, a_, b_ = _tversky(
        probs, target, alpha, beta, smooth, eps, axis, reduction, grad=True
    )
    a, b = _ratio_grad_coefs(num, den, o, reduction)  # dnum = t; dden = alpha + (1 - a - b) t
    with np.errstate(invalid="ignore", over="ignore"):  # an empty pair at eps = 0: NaN
        g = np.multiply(o.t, a * (1 - a_ - b_) - b)
        g += a * a_
    return g
