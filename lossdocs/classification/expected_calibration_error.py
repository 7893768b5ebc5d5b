"""``expected_calibration_error``: the top-label ECE of a classifier's probabilities."""

from __future__ import annotations

import numpy as np

from .._validation import check_int, check_unit_interval
from ._calibration import parse_scores

__all__ = ["expected_calibration_error"]


def expected_calibration_error(probs, target, *, n_bins=15):
    r"""Compute the expected calibration error (ECE) of predicted class probabilities.

    How far a classifier's confidence is from its accuracy: the samples are
    sorted by their confidence (the largest predicted probability) into
    equal-width bins, and the gap between the bin's accuracy and its mean
    confidence is averaged over the bins, weighted by their sizes. 0 for a
    calibrated model; use it with a reliability diagram, never alone (it
    depends on the binning, see Notes).

    .. math::

        \mathrm{ECE} = \sum_{m=1}^{M} \frac{|B_m|}{N}
        \left| \mathrm{acc}(B_m) - \mathrm{conf}(B_m) \right|,
        \qquad B_m = \left\{ i : \hat p_i \in \left( \tfrac{m - 1}{M}, \tfrac{m}{M} \right]
        \right\}

    Here :math:`\hat p_i = \max_c p_{ic}` is the confidence of sample
    :math:`i` and :math:`\hat y_i = \arg\max_c p_{ic}` its prediction,
    :math:`\mathrm{acc}(B_m)` the fraction of :math:`i \in B_m` with
    :math:`\hat y_i = y_i`, :math:`\mathrm{conf}(B_m)` the mean of their
    :math:`\hat p_i`, and :math:`M` is `n_bins`. Equivalently,
    :math:`\mathrm{ECE} = \frac{1}{N} \sum_m \bigl| \sum_{i \in B_m}
    ([\hat y_i = y_i] - \hat p_i) \bigr|`.

    Parameters
    ----------
    probs : array_like, shape (N, C)
        Predicted class probabilities :math:`p` (a softmax output), in [0, 1].
    target : array_like, shape (N,)
        True class indices :math:`y` in [0, C).
    n_bins : int, default 15
        The number of equal-width confidence bins :math:`M \ge 1` (15 as in
        Guo et al.).

    Returns
    -------
    float
        The ECE in [0, 1], a NumPy scalar of the dtype of `probs`
        (float64 for integers); NaN if `probs` holds NaN.

    Raises
    ------
    ValueError
        If `probs` is not (N, C) with N, C >= 1 or has a value outside
        [0, 1] (logits, say); if `target` is not (N,) or holds a class index
        outside [0, C); if `n_bins` is below 1.
    TypeError
        If `probs` does not hold real numbers, `target` does not hold
        integers, or `n_bins` is not an integer.

    See Also
    --------
    fit_temperature : Temperature scaling, the usual fix for an over-confident
        network's ECE.
    cross_entropy : The negative log-likelihood, a proper scoring rule.

    Notes
    -----
    PyTorch: none.

    The bins are Guo et al.'s, :math:`((m - 1)/M, m/M]`, as their reference
    code (gpleiss/temperature_scaling, ``_ECELoss``) builds them with
    ``gt(lower) * le(upper)``; a confidence of exactly 0, which that code
    drops, joins the first bin (a softmax's largest probability is at least
    :math:`1/C`, so it never occurs there). The edges are :math:`m/M`
    rounded to the dtype of `probs`: a float32 confidence of ``0.2`` lies on
    the edge 1/5 and belongs to the bin below it.

    torchmetrics (``MulticlassCalibrationError(norm="l1")``, 1.9) differs in
    three ways: its bins are :math:`[(m - 1)/M, m/M)`, closed on the left
    (``torch.bucketize(..., right=True)``), so a confidence on an edge joins
    the bin above, and a confidence of exactly 1 gets a bin of its own
    (:math:`M + 1` bins in all); it computes in float32; and it applies a
    softmax when a value lies outside [0, 1] (it takes logits silently,
    where this function raises). Away from the edges the values agree.

    Pitfalls. The ECE of a finite sample is biased upwards: even a perfectly
    calibrated model shows a gap in each bin from sampling noise alone, of
    order :math:`\sqrt{\mathrm{acc}(1 - \mathrm{acc}) / |B_m|}`, so compare
    models on the same data and bins. Equal-width bins leave most samples in
    the top bin of a confident network (equal-mass bins, adaptive ECE, split
    them evenly instead). This is the top-label ECE: it looks at the largest
    probability only; the classwise ECE bins every class's probability. The
    rows of `probs` need not sum to 1 (only the largest entry is read).

    References
    ----------
    .. [1] M. P. Naeini, G. F. Cooper and M. Hauskrecht, "Obtaining Well
       Calibrated Probabilities Using Bayesian Binning", AAAI, 2015.
    .. [2] C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On Calibration of
       Modern Neural Networks", ICML, 2017.

    Examples
    --------
    Four predictions at confidence 0.9 of which three are right, and two at
    0.6 of which one is: bins of gap 0.15 and 0.1, weighted 4/6 and 2/6.

    >>> from lossdocs import expected_calibration_error
    >>> probs = np.array([[0.9, 0.1]] * 4 + [[0.4, 0.6]] * 2)
    >>> target = np.array([0, 0, 0, 1, 1, 0])
    >>> print(expected_calibration_error(probs, target))
    0.1333...
    >>> print(expected_calibration_error(probs, target, n_bins=1))  # |4/6 - 0.8|
    0.1333...
    """
    probs, labels = parse_scores(probs, target, "probs")
    check_unit_interval(probs, "probs")
    n_bins = check_int(n_bins, "n_bins", low=1)
    dt = probs.dtype
    conf = probs.max(axis=1)  # NaN in a row gives NaN here
    if np.isnan(conf).any():
        return dt.type(np.nan)
    correct = probs.argmax(axis=1) == labels
    # Edges m/M in the working dtype; side="left" puts an edge value in the bin below
    # it, ((m-1)/M, m/M]; a confidence of 0 (index -1) joins the first bin.
    edges = np.linspace(0.0, 1.0, n_bins + 1).astype(dt)
    bins = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    # Per bin, |sum of (correct - confidence)| = |B_m| |acc - conf|; summed in float64.
    gaps = np.bincount(bins, weights=correct - conf.astype(np.float64), minlength=n_bins)
    return dt.type(np.abs(gaps).sum() / len(conf))
