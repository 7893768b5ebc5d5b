"""``dice_coefficient``."""

from __future__ import annotations

from ._overlap import _mask_overlap, _ratio

__all__ = ["dice_coefficient"]


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
    PyTorch: none.

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
