"""Soft Jaccard (IoU) and Dice losses on per-pixel probabilities."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .._checks import (
    as_floats,
    check_axis,
    check_nonempty_mean,
    check_real,
    check_reduction,
    check_same_shape,
    check_unit_interval,
    reduce,
)

__all__ = ["jaccard_loss", "dice_loss"]


def _axes(axis, ndim: int, default: tuple[int, ...]) -> tuple[int, ...]:
    """Normalise ``axis`` (None, an int or a tuple of ints) to a tuple of distinct axes."""
    if axis is None:
        return default
    axes = tuple(axis) if isinstance(axis, tuple | list) else (axis,)
    axes = tuple(check_axis(a, ndim) for a in axes)
    if len(set(axes)) != len(axes):
        raise ValueError(f"axis must not repeat an axis, got {axis!r}")
    return axes


def _positive(value, name: str, *, open_: bool) -> float:
    value = check_real(value, name, low=0, low_open=open_)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


class _Overlap(NamedTuple):
    """Validated inputs and per-sample sums (dims kept) of one soft-overlap loss call."""

    p: np.ndarray
    t: np.ndarray
    inter: np.ndarray  # sum of p t
    card: np.ndarray  # sum of p + t (of p^2 + t^2 if squared)
    err: np.ndarray  # card - 2 inter, summed without cancellation
    smooth: np.floating
    eps: np.floating
    axes: tuple[int, ...]
    n: int  # the number of samples

    def jaccard(self):
        """Numerator and denominator (before the eps floor) of the soft Jaccard index."""
        return self.inter + self.smooth, self.card - self.inter + self.smooth

    def dice(self):
        """Numerator and denominator (before the eps floor) of the soft Dice score."""
        return 2 * self.inter + self.smooth, self.card + self.smooth


def _overlap(probs, target, smooth, eps, axis, reduction, *, squared=False, grad=False):
    """Validate every argument of a soft-overlap loss and compute its per-sample sums."""
    smooth = _positive(smooth, "smooth", open_=False)
    eps = _positive(eps, "eps", open_=True)
    if not isinstance(squared, bool | np.bool_):
        raise TypeError(f"squared must be True or False, got {squared!r}")
    check_reduction(reduction, allow_none=not grad)
    p, t = as_floats(probs=probs, target=target)
    check_same_shape(p, t, "probs", "target")
    if p.ndim == 0:
        raise ValueError("probs must have at least one dimension (the pixels of one sample)")
    check_unit_interval(p, "probs")
    check_unit_interval(t, "target")
    axes = _axes(axis, p.ndim, tuple(range(1, p.ndim)) if p.ndim > 1 else (0,))
    n = math.prod(s for i, s in enumerate(p.shape) if i not in axes)
    check_nonempty_mean(n, reduction, "probs")
    inter = np.sum(p * t, axis=axes, keepdims=True)
    if squared:
        card = np.sum(p * p + t * t, axis=axes, keepdims=True)
        err = np.sum(np.square(p - t), axis=axes, keepdims=True)
    else:
        card = np.sum(p + t, axis=axes, keepdims=True)
        err = np.sum(p * (1 - t) + t * (1 - p), axis=axes, keepdims=True)
    one = p.dtype.type
    return _Overlap(p, t, inter, card, err, one(smooth), one(eps), axes, n)


def _one_minus_ratio(num, den, o: _Overlap, reduction):
    """Reduce ``1 - num / max(den, eps)``, using ``den - num == err`` where unclamped."""
    den_c = np.maximum(den, o.eps)
    loss = np.where(den < o.eps, den_c - num, o.err) / den_c
    return reduce(np.squeeze(loss, axis=o.axes), reduction)


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
        Floor of the denominator; must be > 0.
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
        `axis` is out of range or repeats, `smooth` < 0, `eps` <= 0, `reduction`
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
    The union is :math:`|P| + |T| - |P \cap T|`; the source notes write
    ``+``, with which identical masks would not score 1. The loss is computed
    as :math:`\sum_i (p_i (1 - t_i) + t_i (1 - p_i)) / \text{denominator}`,
    equal to the formula where `eps` is inactive but free of the cancellation
    in :math:`1 - J` near a perfect prediction. Two empty masks with
    ``smooth=0`` give :math:`1 - 0 / \varepsilon = 1`; ``smooth > 0`` gives 0.
    NaN propagates to its sample's loss. PyTorch has no built-in;
    ``soft_jaccard_score`` of segmentation_models_pytorch computes the same
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


def dice_loss(probs, target, *, smooth=0.0, eps=1e-7, squared=False, axis=None, reduction="mean"):
    r"""Compute the soft Dice loss, one minus a soft Dice coefficient (F1 of the overlap).

    The usual overlap loss of medical segmentation (V-Net): like the Jaccard
    loss it scores each sample's mask as a whole, so a small foreground still
    weighs; it rewards overlap less steeply than Jaccard.

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
