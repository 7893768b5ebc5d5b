"""Multiclass cross-entropy on logits and the negative log-likelihood on log-probabilities."""

from __future__ import annotations

import numpy as np

from ..activations import log_softmax
from ._multiclass import parse, parse_cross_entropy, reduce_batch, weighted_target

__all__ = ["cross_entropy", "nll_loss"]


def cross_entropy(
    logits, target, *, weight=None, ignore_index=-100, label_smoothing=0.0, reduction="mean"
):
    r"""Compute the cross-entropy between the softmax of `logits` and a class target.

    The standard loss of multiclass classification, and of semantic
    segmentation with per-pixel logits ``(N, C, H, W)``: the negative
    log-likelihood of the target under the softmax of the scores. It takes
    raw scores (logits), not probabilities.

    .. math::

        \ell_i = -\sum_{c=1}^{C} w_c \, q_{ic}
        \log \frac{e^{z_{ic}}}{\sum_{j=1}^{C} e^{z_{ij}}},
        \qquad
        q_{ic} = (1 - \varepsilon) \, t_{ic} + \frac{\varepsilon}{C}

    Here :math:`z` is `logits`, :math:`w` is `weight` (all 1 if None),
    :math:`\varepsilon` is `label_smoothing`, and :math:`t_{ic}` is
    :math:`[c = y_i]` for class indices :math:`y` = `target`, or `target`
    itself for class probabilities. Without smoothing and weights this is
    :math:`-\log \operatorname{softmax}(z_i)_{y_i}`. Reductions, with
    :math:`I` the samples whose index equals `ignore_index` (their
    :math:`\ell_i = 0`) and :math:`n` the number of samples
    (:math:`N d_1 \cdots`):

    .. math::

        \text{mean} = \frac{\sum_i \ell_i}{\sum_{i \notin I} w_{y_i}}
        \ \text{(indices)}, \qquad
        \text{mean} = \frac{1}{n} \sum_i \ell_i \ \text{(probabilities)}

    Parameters
    ----------
    logits : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Unnormalised scores :math:`z`; the class axis is 1 (0 when unbatched).
    target : array_like
        Class indices of shape (), (N,) or (N, d1, ...), integers in
        [0, C) or equal to `ignore_index`; or class probabilities in [0, 1]
        of the shape of `logits` (told apart by shape, as PyTorch does).
    weight : array_like, shape (C,), optional
        Per-class weights :math:`w_c`.
    ignore_index : int, default -100
        Index targets equal to it give 0 and are left out of the mean's
        divisor. With probability targets it must be negative (unused).
    label_smoothing : float, default 0.0
        :math:`\varepsilon \in [0, 1]`: the target is mixed with the uniform
        distribution over all C classes.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-sample losses.

    Returns
    -------
    ndarray or float
        The loss; 'none' gives shape (), (N,) or (N, d1, ...). 'mean' is nan
        if every target is ignored.

    Raises
    ------
    ValueError
        If `target` has neither shape, holds a class index outside [0, C)
        other than `ignore_index` or a probability outside [0, 1]; if
        `weight` is not (C,); `label_smoothing` is outside [0, 1];
        `ignore_index` >= 0 with probabilities; `reduction` is unknown; or
        the mean is taken over an empty batch.
    TypeError
        If an input does not hold real numbers, class indices are not
        integers, `ignore_index` is not an integer, or `label_smoothing` is
        not a real number.

    See Also
    --------
    nll_loss : The same on log-probabilities:
        ``cross_entropy(z, y) == nll_loss(log_softmax(z, axis=1), y)``.
    cross_entropy_grad : Its gradient, ``softmax(z) - q`` (weighted).
    softmax_focal_loss : Scales each term by :math:`(1 - p_y)^\gamma`; equal
        for ``gamma=0``.
    binary_cross_entropy_with_logits : One sigmoid per class (multi-label).

    Notes
    -----
    :math:`\log \operatorname{softmax}` comes from :func:`log_softmax`
    (max-shifted, with log1p), never ``log(softmax(z))``: finite and accurate
    for :math:`|z|` up to 1e4 in float32 and float64. NaN in `logits`
    propagates to the samples whose softmax it enters.

    PyTorch: ``torch.nn.functional.cross_entropy``, same values and
    defaults. Pitfalls, all shared with PyTorch:

    - It takes logits. Probabilities passed as logits raise no error, but
      the loss cannot go below :math:`\log(1 + (C - 1)/e)`.
    - Smoothing mixes in :math:`\varepsilon / C` for every class, the target
      class included (it keeps :math:`1 - \varepsilon + \varepsilon / C`); with
      `weight`, each class's share carries its own :math:`w_c`.
    - 'mean' with indices is the weighted average: it divides by
      :math:`\sum_{i \notin I} w_{y_i}`, not by N; with probabilities it
      divides by :math:`n` even with `weight`. So indices and their one-hot
      probabilities agree under 'none' and 'sum', and under 'mean' only
      without `weight` and ignored samples.
    - If every target is ignored, 'mean' is 0/0 = nan, returned quietly (the
      gradient is then 0, as PyTorch's autograd gives).
    - A -inf logit (a masked class) is fine without smoothing; with it, the
      loss is inf, since smoothing puts mass on every class.

    Deliberate differences: a bad class index raises ValueError (PyTorch:
    IndexError); a negative `label_smoothing` raises (PyTorch silently uses
    0); probabilities outside [0, 1] raise (PyTorch accepts any floats);
    integer one-hot targets are accepted (PyTorch wants floats); `weight` is
    cast to the dtype of `logits` (PyTorch raises); an empty batch under
    'mean' raises (PyTorch returns nan).

    References
    ----------
    .. [1] C. M. Bishop, *Pattern Recognition and Machine Learning*,
       Springer, 2006, section 4.3.4.
    .. [2] C. Szegedy, V. Vanhoucke, S. Ioffe, J. Shlens and Z. Wojna,
       "Rethinking the Inception Architecture for Computer Vision", CVPR, 2016.

    Examples
    --------
    >>> from lossdocs import cross_entropy
    >>> logits = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
    >>> print(cross_entropy(logits, [0, 2], reduction="none"))
    [0.417  1.0986]
    >>> print(cross_entropy(logits, [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], reduction="none"))
    [0.417  1.0986]
    >>> print(cross_entropy(logits, [0, -100]))  # the second target is ignored
    0.4170...
    >>> print(cross_entropy(logits, [0, 2], label_smoothing=0.3, reduction="none"))
    [0.707  1.0986]
    >>> print(cross_entropy([[1e4, 0.0]], [1]))
    10000.0
    """
    batch, eps = parse_cross_entropy(
        logits, target, weight, ignore_index, label_smoothing, reduction, grad=False
    )
    log_p = log_softmax(batch.scores, axis=batch.axis)
    dt = log_p.dtype.type
    if batch.labels is None:
        loss = -(weighted_target(batch, eps) * log_p).sum(axis=batch.axis)
    else:
        # PyTorch's own split: the picked term, plus the uniform share only if
        # eps > 0 (so a -inf logit of a non-target class stays harmless at eps = 0).
        loss = batch.picked_nll(log_p)
        if eps:
            w_log_p = log_p if batch.weight is None else log_p * batch.weight_along_axis()
            smooth = np.where(batch.keep, -w_log_p.sum(axis=batch.axis), 0)
            loss = dt(1 - eps) * loss + dt(eps / log_p.shape[batch.axis]) * smooth
    return reduce_batch(batch, loss, reduction)


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
    Only the target entry of each sample is read, so a ``-inf`` at another
    class (probability 0) is harmless. If every target is ignored, 'mean'
    is 0/0 = nan, as in PyTorch, returned without a warning. NaN at a read
    entry propagates. PyTorch: ``torch.nn.functional.nll_loss``; it raises
    IndexError for a bad class index and returns nan for an empty batch
    under 'mean', where lossdocs raises ValueError.

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
