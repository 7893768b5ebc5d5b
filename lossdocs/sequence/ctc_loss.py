"""``ctc_loss``: connectionist temporal classification, by the forward algorithm in log space."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import as_float, as_int_labels, check_bool, check_int

__all__ = ["ctc_loss"]


def ctc_loss(
    log_probs,
    targets,
    input_lengths,
    target_lengths,
    *,
    blank=0,
    reduction="mean",
    zero_infinity=False,
):
    r"""Compute the CTC loss: minus the log of the summed probability of every alignment.

    For sequence models whose output has more frames than the label sequence
    has labels and no frame-level alignment is known: speech, handwriting and
    text-line recognition. An alignment emits one symbol per frame, labels or
    the blank; it explains the target if removing repeated symbols, then
    blanks, leaves the target. The loss sums over all of them, so no one
    alignment has to be chosen.

    .. math::

        \ell(x, y) = -\log \sum_{\pi \in \mathcal{B}^{-1}(y)} \prod_{t=1}^{T} p_t(\pi_t)
        = -\log\bigl(\alpha_T(2L) + \alpha_T(2L - 1)\bigr)

    Parameters
    ----------
    log_probs : array_like, shape (T, N, C)
        Log-probabilities per frame :math:`t`, sequence :math:`n` and class
        (log-softmax outputs); class `blank` is the blank. Not checked to be
        normalised, as in PyTorch.
    targets : array_like of int, shape (N, S)
        Label sequences, padded: row :math:`n` is read up to
        ``target_lengths[n]``; the padding is ignored. Labels lie in
        :math:`[0, C)` and are never `blank`.
    input_lengths : array_like of int, shape (N,)
        The number of frames of each sequence, in :math:`[0, T]`.
    target_lengths : array_like of int, shape (N,)
        The number of labels of each sequence, in :math:`[0, S]`; 0 is an
        empty target (all frames blank).
    blank : int, default 0
        The class index of the blank, in :math:`[0, C)`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        ``'mean'`` divides each loss by its target length (at least 1), then
        averages over the batch, as PyTorch does.
    zero_infinity : bool, default False
        Replace infinite losses (impossible alignments) by 0.

    Returns
    -------
    ndarray or float
        Shape (N,) for ``'none'``, else a scalar, in the dtype of `log_probs`.
        ``inf`` for a sequence too short for its target (it needs
        :math:`L` + the number of adjacent equal labels frames).

    Raises
    ------
    ValueError
        If `log_probs` is not 3-D, a shape disagrees with it, a length is out
        of range (the message names `input_lengths` or `target_lengths`), a
        target label is out of :math:`[0, C)` or equals `blank` (names
        `targets`), `blank` is out of range, `reduction` is unknown, or the
        batch is empty under ``'mean'``.
    TypeError
        If `log_probs` is not real, the targets or lengths are not integers,
        `blank` is not an integer or `zero_infinity` not a bool.

    See Also
    --------
    nll_loss : The frame-wise loss when the alignment is known.

    Notes
    -----
    PyTorch: ``torch.nn.functional.ctc_loss``.

    Same arguments, defaults and values for padded 2-D `targets`; PyTorch's
    concatenated 1-D targets and unbatched inputs are not accepted, and a
    blank or an out-of-range label in a target raises where PyTorch computes
    a number (:ref:`edge-ctc-targets`).

    The forward variable :math:`\alpha_t(s)` is the total probability of the
    alignment prefixes of :math:`t` frames that end at position :math:`s` of
    the extended label :math:`y' = (\varnothing, y_1, \varnothing, \dots, y_L,
    \varnothing)`, computed in log space (log-sum-exp) so that :math:`T =
    1000` frames do not underflow. The loop over frames is the only Python
    loop; each step updates every position of every sequence at once, and a
    sequence's variables stop changing after its own ``input_lengths``.

    The derivative of the loss with respect to ``log_probs[t, n, k]`` is
    minus the posterior probability that frame :math:`t` emits :math:`k`
    (summed over the alignments of :math:`y`), the forward-backward result of
    Graves et al. [1]_; the test checks it by finite differences against a
    sum over all alignments.

    References
    ----------
    .. [1] A. Graves, S. Fernández, F. Gomez and J. Schmidhuber,
       "Connectionist Temporal Classification: Labelling Unsegmented Sequence
       Data with Recurrent Neural Networks", ICML, 2006.
    .. [2] Awni Hannun, "Sequence Modeling with CTC", Distill, 2017.

    Examples
    --------
    Two frames, classes blank, ``a`` (1) and ``b`` (2), each frame uniform:
    the target ``a`` has three alignments (``a a``, ``a -``, ``- a``) of
    probability 1/9 each, so the loss is :math:`-\log(1/3)`.

    >>> from lossdocs import ctc_loss
    >>> log_probs = np.log(np.full((2, 1, 3), 1 / 3))
    >>> print(ctc_loss(log_probs, [[1]], [2], [1], reduction="none"))
    [1.0986]

    The target ``a a`` needs a blank between the two ``a``, so two frames
    cannot explain it: the loss is ``inf``, or 0 with `zero_infinity`.

    >>> print(ctc_loss(log_probs, [[1, 1]], [2], [2], reduction="none"))
    [inf]
    >>> print(ctc_loss(log_probs, [[1, 1]], [2], [2], zero_infinity=True))
    0.0
    """
    lp, labels, t_len, l_len, blank = _validated(
        log_probs, targets, input_lengths, target_lengths, blank
    )
    check_reduction(reduction)
    check_bool(zero_infinity, "zero_infinity")
    check_nonempty_mean(lp.shape[1], reduction, "log_probs")
    # NaN or infinite log-probabilities propagate as NaN or inf, without a warning.
    with np.errstate(invalid="ignore", over="ignore"):
        loss = -_log_likelihood(lp, labels, t_len, l_len, blank)
    if zero_infinity:
        loss = np.where(np.isinf(loss), lp.dtype.type(0), loss)
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum(dtype=lp.dtype)
    return (loss / np.maximum(l_len, 1).astype(lp.dtype)).mean(dtype=lp.dtype)


def _validated(log_probs, targets, input_lengths, target_lengths, blank):
    lp = as_float(log_probs, "log_probs")
    if lp.ndim != 3:
        raise ValueError(f"log_probs must have shape (T, N, C), got shape {lp.shape}")
    n_frames, batch, n_classes = lp.shape
    blank = check_int(blank, "blank", low=0, high=n_classes - 1)
    labels = as_int_labels(targets, "targets")
    if labels.ndim != 2 or labels.shape[0] != batch:
        raise ValueError(
            f"targets must have shape (N, S) = ({batch}, S) (padded rows), got shape {labels.shape}"
        )
    t_len = _lengths(input_lengths, "input_lengths", batch, n_frames, "T, the frames")
    l_len = _lengths(target_lengths, "target_lengths", batch, labels.shape[1], "S")
    inside = np.arange(labels.shape[1]) < l_len[:, None]
    bad = inside & ((labels < 0) | (labels >= n_classes))
    if bad.any():
        n, s = np.argwhere(bad)[0]
        raise ValueError(
            f"targets must hold labels in [0, {n_classes}), got targets[{n}, {s}] = {labels[n, s]}"
        )
    if (inside & (labels == blank)).any():
        n, s = np.argwhere(inside & (labels == blank))[0]
        raise ValueError(
            f"targets must not contain the blank ({blank}) within target_lengths: "
            f"targets[{n}, {s}] = {blank} (PyTorch does not check this and treats it as a label)"
        )
    # Padding beyond a target's length may hold anything; make it a valid index.
    return lp, np.where(inside, labels, blank), t_len, l_len, blank


def _lengths(values, name, batch, high, what):
    lengths = as_int_labels(values, name)
    if lengths.shape != (batch,):
        raise ValueError(f"{name} must have shape (N,) = ({batch},), got shape {lengths.shape}")
    if lengths.size and (lengths.min() < 0 or lengths.max() > high):
        raise ValueError(f"{name} must lie in [0, {high}] ({what}), got {lengths.tolist()}")
    return lengths


def _logsumexp3(a, b, c):
    """log(e^a + e^b + e^c) elementwise, -inf where all three are -inf."""
    top = np.maximum(np.maximum(a, b), c)
    shift = np.where(np.isneginf(top), 0, top)
    with np.errstate(divide="ignore"):
        return shift + np.log(np.exp(a - shift) + np.exp(b - shift) + np.exp(c - shift))


def _log_likelihood(lp, labels, t_len, l_len, blank):
    """log p(y | x) per sequence: the forward recursion over the extended labels."""
    n_frames, batch, _ = lp.shape
    width = 2 * labels.shape[1] + 1
    ext = np.full((batch, width), blank, dtype=np.int64)
    ext[:, 1::2] = labels
    # A position may be reached from two back (skipping a blank) only if it
    # holds a label that differs from the label two back: the blank between two
    # equal labels is what keeps "a a" from collapsing to "a".
    skip = np.zeros((batch, width), dtype=bool)
    skip[:, 3::2] = labels[:, 1:] != labels[:, :-1]
    neg_inf = lp.dtype.type(-np.inf)
    alpha = np.full((batch, width), neg_inf, dtype=lp.dtype)
    rows = np.arange(batch)[:, None]
    if n_frames:
        emit = lp[0][rows, ext]
        alpha[:, :2] = emit[:, :2]
    for t in range(1, n_frames):
        one_back = np.concatenate([np.full((batch, 1), neg_inf), alpha[:, :-1]], axis=1)
        two_back = np.concatenate([np.full((batch, 2), neg_inf), alpha[:, :-2]], axis=1)
        two_back = np.where(skip, two_back, neg_inf)
        step = _logsumexp3(alpha, one_back, two_back) + lp[t][rows, ext]
        alpha = np.where((t < t_len)[:, None], step, alpha)
    last = alpha[np.arange(batch), 2 * l_len]
    before = alpha[np.arange(batch), np.maximum(2 * l_len - 1, 0)]
    before = np.where(l_len > 0, before, neg_inf)
    with np.errstate(divide="ignore"):
        both = np.logaddexp(last, before)
    # No frame at all: the empty alignment explains exactly the empty target.
    return np.where(t_len == 0, np.where(l_len == 0, 0, neg_inf), both).astype(lp.dtype)
