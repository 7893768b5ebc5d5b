"""Gradients of the soft Jaccard and Dice losses with respect to the probabilities."""

from __future__ import annotations

import numpy as np

from .._checks import scale_grad
from .soft import _Overlap, _overlap

__all__ = ["jaccard_loss_grad", "dice_loss_grad"]


def _ratio_grad(num, den, dnum, dden, o: _Overlap, reduction):
    """Gradient of ``1 - num / max(den, eps)`` given the derivatives of num and den."""
    den_c = np.maximum(den, o.eps)
    unclamped = (num / den_c * dden - dnum) / den_c
    return scale_grad(np.where(den < o.eps, -dnum / o.eps, unclamped), reduction, o.n)


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
    return _ratio_grad(*o.jaccard(), o.t, 1 - o.t, o, reduction)


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
    dden = 2 * o.p if squared else np.ones_like(o.p)
    return _ratio_grad(*o.dice(), 2 * o.t, dden, o, reduction)
