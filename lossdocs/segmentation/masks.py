"""Hard-mask overlap scores: the Dice coefficient and the Jaccard index (IoU) of 0/1 masks."""

from __future__ import annotations

import numbers

import numpy as np

from .._checks import as_floats, check_same_shape
from .soft import _axes

__all__ = ["dice_coefficient", "jaccard_index"]


def _ratio(num, den, empty_score):
    """``num / den``, with ``empty_score`` where ``den == 0`` (no warning); 0-d gives a scalar."""
    out = np.full(np.shape(den), empty_score, dtype=den.dtype)
    np.divide(num, den, out=out, where=den != 0)
    return out[()]


def _mask_overlap(pred_mask, target_mask, axis, empty_score):
    """Validate two 0/1 masks; return their per-sample intersection and ``|A| + |B|``."""
    if isinstance(empty_score, bool) or not isinstance(empty_score, numbers.Real):
        raise TypeError(f"empty_score must be a real number or NaN, got {empty_score!r}")
    if not (np.isnan(empty_score) or 0 <= empty_score <= 1):
        raise ValueError(f"empty_score must lie in [0, 1] or be NaN, got {empty_score}")
    a, b = as_floats(pred_mask=pred_mask, target_mask=target_mask)
    check_same_shape(a, b, "pred_mask", "target_mask")
    for x, name in ((a, "pred_mask"), (b, "target_mask")):
        bad = ~((x == 0) | (x == 1) | np.isnan(x))
        if np.any(bad):
            raise ValueError(f"{name} must hold 0/1 (or boolean) values, found {x[bad].flat[0]}")
    axes = _axes(axis, a.ndim, tuple(range(a.ndim)))
    return np.sum(a * b, axis=axes), np.sum(a + b, axis=axes)


def dice_coefficient(pred_mask, target_mask, *, axis=None, empty_score=1.0):
    r"""Compute the Dice coefficient (pixel F1 score) of two hard masks.

    The overlap score of medical segmentation, reported per structure and
    per image. It weighs the overlap twice, so it is never below the
    Jaccard index of the same masks.

    .. math::

        \mathrm{Dice}(A, B) = \frac{2 |A \cap B|}{|A| + |B|}

    with :math:`A` = `pred_mask`, :math:`B` = `target_mask` as sets of
    pixels, counted over `axis`; two empty masks score `empty_score`.

    Parameters
    ----------
    pred_mask : array_like of bool or 0/1
        Predicted mask, any shape.
    target_mask : array_like of bool or 0/1
        True mask, the shape of `pred_mask`.
    axis : int or tuple of int, optional
        Axes counted per sample. Default: all, one score for the whole mask
        (unlike the soft losses, whose default keeps the first axis);
        ``axis=(1, 2)`` on an (N, H, W) batch gives N scores.
    empty_score : float, default 1.0
        The score of two empty masks (0 / 0): 1 makes a score of 1 mean
        "masks equal" (the ``smooth -> 0`` limit of the soft losses); NaN
        marks the sample for ``np.nanmean`` to skip, as :func:`iou_per_class`
        does with an absent class.

    Returns
    -------
    float or ndarray
        The score in [0, 1], 1 is best; float64 (float32 for float32 masks),
        one per sample when `axis` keeps axes.

    Raises
    ------
    ValueError
        If the shapes differ, a mask holds a value other than 0, 1 (or NaN),
        `axis` is out of range or repeats, or `empty_score` is outside [0, 1].
    TypeError
        If a mask is not numeric, or `empty_score` is not a real number.

    See Also
    --------
    jaccard_index : ``dice == 2 J / (1 + J)``, so Dice >= J, equal at 0 and 1.
    dice_loss : The soft loss; ``dice_loss == 1 - dice_coefficient`` on
        non-empty 0/1 masks.

    Notes
    -----
    Dice is the F1 score of the pixels, :math:`2\,TP / (2\,TP + FP + FN)`.
    NaN in a float mask propagates to its sample's score.

    References
    ----------
    .. [1] L. R. Dice, "Measures of the Amount of Ecologic Association
       Between Species", *Ecology* 26(3), 1945.

    Examples
    --------
    >>> from lossdocs import dice_coefficient, jaccard_index
    >>> a = np.array([[[1, 1], [0, 0]], [[1, 1], [1, 1]]], dtype=bool)
    >>> b = np.array([[[1, 0], [1, 0]], [[1, 1], [1, 0]]], dtype=bool)
    >>> d = dice_coefficient(a, b, axis=(1, 2))  # 2*1/(2+2), 2*3/(4+3)
    >>> j = jaccard_index(a, b, axis=(1, 2))  # 1/3, 3/4
    >>> print(d, 2 * j / (1 + j))
    [0.5    0.8571] [0.5    0.8571]
    >>> print(dice_coefficient([0, 0], [0, 0]), dice_coefficient([0, 0], [0, 0], empty_score=0))
    1.0 0.0
    """
    inter, total = _mask_overlap(pred_mask, target_mask, axis, empty_score)
    return _ratio(2 * inter, total, empty_score)


def jaccard_index(pred_mask, target_mask, *, axis=None, empty_score=1.0):
    r"""Compute the Jaccard index (intersection over union, IoU) of two hard masks.

    The overlap score of object and instance segmentation (and, per class,
    of mIoU): stricter than Dice, it halves for a prediction twice the size
    of the target.

    .. math::

        J(A, B) = \frac{|A \cap B|}{|A \cup B|}
            = \frac{|A \cap B|}{|A| + |B| - |A \cap B|}

    with :math:`A` = `pred_mask`, :math:`B` = `target_mask` as sets of
    pixels, counted over `axis`; two empty masks score `empty_score`.

    Parameters
    ----------
    pred_mask, target_mask, axis, empty_score
        As for :func:`dice_coefficient`.

    Returns
    -------
    float or ndarray
        The score in [0, 1], 1 is best; float64 (float32 for float32 masks),
        one per sample when `axis` keeps axes.

    Raises
    ------
    ValueError, TypeError
        As for :func:`dice_coefficient`.

    See Also
    --------
    dice_coefficient : ``2 J / (1 + J)``.
    iou_per_class : This ratio for every class of a label map, NaN when absent.
    jaccard_loss : The soft loss; ``jaccard_loss == 1 - jaccard_index`` on
        non-empty 0/1 masks.

    Notes
    -----
    The union is :math:`|A| + |B| - |A \cap B|`, not ``+`` as the source notes
    write: with ``+``, identical masks would score 1/3, not 1. NaN in a float
    mask propagates to its sample's score.

    References
    ----------
    .. [1] P. Jaccard, "The Distribution of the Flora in the Alpine Zone",
       *New Phytologist* 11(2), 1912.

    Examples
    --------
    >>> from lossdocs import jaccard_index
    >>> print(jaccard_index([1, 1, 0, 0], [1, 0, 1, 0]))  # 1 / (2 + 2 - 1)
    0.3333333333333333
    >>> print(jaccard_index([0, 0], [0, 0], empty_score=np.nan))
    nan
    """
    inter, total = _mask_overlap(pred_mask, target_mask, axis, empty_score)
    return _ratio(inter, total - inter, empty_score)
