"""``nll_loss``."""

from __future__ import annotations

from ._multiclass import parse, reduce_batch

__all__ = ["nll_loss"]


def nll_loss(log_probs, target, *, weight=None, ignore_index=-100, reduction="mean"):
    r"""Compute the negative log-likelihood of class indices given log-probabilities.

    Use it when the model already outputs log-probabilities (a
    ``log_softmax`` head, or a mixture computed in log space); on raw logits
    use :func:`cross_entropy`, which applies the log-softmax itself.

    .. math::

        \ell_i = -w_{y_i} \, x_{i, y_i}

    Here :math:`x` is `log_probs`, :math:`y` is `target` and :math:`w` is
    `weight` (all 1 if None); samples with :math:`y_i` = `ignore_index`
    give 0. 'mean' divides the sum by :math:`\sum_{i \notin I} w_{y_i}`
    (the weighted average), not by the number of samples.

    Parameters
    ----------
    log_probs : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Log-probabilities :math:`x`; the class axis is 1 (0 when unbatched).
        Not checked: any real values are used as given, as in PyTorch.
    target : array_like, shape (), (N,) or (N, d1, ...)
        Class indices, integers in [0, C) or equal to `ignore_index`.
    weight : array_like, shape (C,), optional
        Per-class weights :math:`w_c`.
    ignore_index : int, default -100
        Targets equal to it give 0 and are left out of the mean's divisor.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-sample losses, the shape of `target`.

    Returns
    -------
    ndarray or float
        The loss; 'mean' is nan if every target is ignored.

    Raises
    ------
    ValueError
        If `target` does not have the shape of `log_probs` without its class
        axis, holds a class index outside [0, C) other than `ignore_index`,
        `weight` is not (C,), `reduction` is unknown, or the mean is taken
        over an empty batch.
    TypeError
        If an input does not hold real numbers, class indices are not
        integers, or `ignore_index` is not an integer.

    See Also
    --------
    cross_entropy : Takes logits: ``nll_loss(log_softmax(z, axis=1), y)``;
        also takes probability targets and label smoothing.

    Notes
    -----
    PyTorch: ``torch.nn.functional.nll_loss``.

    Only the target entry of each sample is read, so a ``-inf`` at another
    class (probability 0) is harmless. If every target is ignored, 'mean'
    is 0/0 = nan, as in PyTorch, returned without a warning. NaN at a read
    entry propagates. PyTorch raises IndexError for a bad class index and
    returns nan for an empty batch under 'mean', where lossdocs raises
    ValueError.

    References
    ----------
    .. [1] C. M. Bishop, *Pattern Recognition and Machine Learning*,
       Springer, 2006, section 4.3.4.

    Examples
    --------
    >>> from lossdocs import nll_loss
    >>> log_probs = np.log([[0.5, 0.25, 0.25], [0.1, 0.1, 0.8]])
    >>> print(nll_loss(log_probs, [0, 2], reduction="none"))
    [0.6931 0.2231]
    >>> print(nll_loss(log_probs, [0, 2], weight=[3.0, 1.0, 1.0]))
    0.575...
    """
    batch = parse(
        log_probs,
        target,
        reduction,
        scores_name="log_probs",
        weight=weight,
        ignore_index=ignore_index,
        allow_probs=False,
    )
    return reduce_batch(batch, batch.picked_nll(batch.scores), reduction)
