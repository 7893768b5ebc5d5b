"""``jaccard_index``."""

from __future__ import annotations

from ._overlap import _mask_overlap, _ratio

__all__ = ["jaccard_index"]


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
    PyTorch: none.

    The union is :math:`|A| + |B| - |A \cap B|` (:ref:`errata-iou-union`).
    NaN in a float mask propagates to its sample's score.

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
