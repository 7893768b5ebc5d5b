"""``info_nce`` and ``info_nce_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce, scale_grad
from .._validation import as_floats, check_bool, check_real, check_same_shape, in_dtype
from ..activations.log_softmax import log_softmax
from ._embeddings import unit_rows as _unit_rows

__all__ = ["info_nce", "info_nce_grad"]


def _setup(query, positive_key, negative_keys, temperature, normalize, reduction, grad):
    """Validate the arguments; return the logits, their log-softmax and the unit vectors.

    Returns ``(logp, target, q, q_norm, k_pos, k_neg)``: ``logp`` (N, C) is
    the log-softmax of the logits, ``target`` (N,) the column of each
    positive, and ``q_norm`` is None without normalisation.
    """
    temperature = check_real(temperature, "temperature", low=0, low_open=True)
    check_bool(normalize, "normalize")
    check_reduction(reduction, allow_none=not grad)
    arrays = {"query": query, "positive_key": positive_key}
    if negative_keys is not None:
        arrays["negative_keys"] = negative_keys
    arrays = dict(zip(arrays, as_floats(**arrays), strict=True))
    q, k_pos = arrays["query"], arrays["positive_key"]
    if q.ndim != 2 or q.shape[1] == 0:
        raise ValueError(f"query must have shape (N, D) with D >= 1, got {q.shape}")
    check_same_shape(q, k_pos, "query", "positive_key")
    k_neg = arrays.get("negative_keys")
    if k_neg is not None and (k_neg.ndim != 2 or k_neg.shape[1] != q.shape[1]):
        raise ValueError(
            f"negative_keys must have shape (M, D) with D = query.shape[1] = {q.shape[1]}, "
            f"got {k_neg.shape}"
        )
    check_nonempty_mean(len(q), reduction, "query")
    q_norm = None
    if normalize:
        q, q_norm = _unit_rows(q, "query")
        k_pos = _unit_rows(k_pos, "positive_key")[0]
        if k_neg is not None:
            k_neg = _unit_rows(k_neg, "negative_keys")[0]
    with np.errstate(invalid="ignore", over="ignore"):  # inf * 0 in an infinite row: NaN
        if k_neg is None:  # in-batch: row i against every positive key, target i
            logits, target = q @ k_pos.T, np.arange(len(q))
        else:  # queue: the positive first, then the M shared negatives
            pos = np.sum(q * k_pos, axis=1, keepdims=True)
            logits, target = np.concatenate([pos, q @ k_neg.T], axis=1), np.zeros(len(q), int)
    if not logits.size:  # an empty batch
        return logits, target, q, q_norm, k_pos, k_neg
    # Shift by the row maximum before dividing by the temperature (log_softmax does not
    # change): (l - max) / t <= 0 only overflows to -inf, an exp of 0, so a temperature
    # far below 1 / max float still gives the finite loss (max - l_pos) / t.
    with np.errstate(over="ignore", invalid="ignore"):  # invalid: inf - inf, a NaN row
        shifted = logits - np.max(logits, axis=1, keepdims=True)
        shifted /= in_dtype(temperature, "temperature", q.dtype)
        logp = log_softmax(shifted, axis=1)
    return logp, target, q, q_norm, k_pos, k_neg


def info_nce(
    query, positive_key, negative_keys=None, *, temperature=0.1, normalize=True, reduction="mean"
):
    r"""Compute the InfoNCE contrastive loss of queries against their positive keys.

    The loss of self-supervised representation learning (CPC, MoCo,
    SimCLR, CLIP): each query must pick out its positive key, the embedding
    of another view of the same item, among negatives: either a queue of
    keys shared by all queries (MoCo) or the other positives of the batch
    (SimCLR / CLIP). It is cross-entropy over similarity logits.

    .. math::

        \ell_i = -\log \frac{\exp(q_i \cdot k_i^+ / \tau)}
        {\exp(q_i \cdot k_i^+ / \tau) + \sum_{j=1}^{M} \exp(q_i \cdot k_j^- / \tau)}

    with :math:`q_i` row :math:`i` of `query`, :math:`k_i^+` of
    `positive_key`, :math:`k_j^-` the rows of `negative_keys` (or, when it
    is None, the other rows of `positive_key`), :math:`\tau` = `temperature`;
    with `normalize` every vector is first divided by its L2 norm, so the dot
    products are cosine similarities.

    Parameters
    ----------
    query : array_like, shape (N, D)
        The query embeddings.
    positive_key : array_like, shape (N, D)
        Row i is the positive key of query i.
    negative_keys : array_like, shape (M, D), optional
        Negatives shared by all queries (a MoCo-style queue). None (default)
        uses in-batch negatives: the logits are ``q @ k.T / temperature``
        with target i for row i.
    temperature : float, default 0.1
        :math:`\tau > 0`; divides every logit.
    normalize : bool, default True
        L2-normalise the query and key vectors first.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-query losses.

    Returns
    -------
    ndarray or float
        The loss, >= 0; with C candidates per query, chance level is
        :math:`\log C`.

    Raises
    ------
    ValueError
        If `query` is not (N, D) with D >= 1, `positive_key` has another
        shape, `negative_keys` is not (M, D), `temperature` <= 0, a vector
        is zero under `normalize` (its argument and row are named),
        `reduction` is unknown, or the mean is taken over no queries.
    TypeError
        If an input does not hold real numbers or `normalize` is not a bool.

    See Also
    --------
    info_nce_grad : Its gradient with respect to `query`.
    cross_entropy : The same loss, given the logits and the target indices.

    Notes
    -----
    PyTorch: none.

    Built on :func:`log_softmax`, so it equals ``cross_entropy(logits,
    target)`` over ``logits = [q.k+, q @ K-.T] / temperature`` with target 0
    (queue), or ``q @ k.T / temperature`` with target ``arange(N)``
    (in-batch), and is finite for any temperature. This is the
    ``info_nce`` of the package ``info-nce-pytorch`` (``negative_mode=
    'unpaired'``), written in PyTorch as ``torch.nn.functional.cross_entropy``
    over these logits, except that a zero vector raises here, where
    ``torch.nn.functional.normalize`` (its norm clamped at 1e-12) silently
    scores it 0 (:ref:`edge-embeddings`). The in-batch form is one direction
    of CLIP's symmetric loss; SimCLR's NT-Xent also uses the other queries as
    negatives. NaN propagates.

    The name expands to "Info Noise-Contrastive Estimation" (van den Oord et
    al. [1]_): a noise-contrastive, (M + 1)-way classification, for which
    :math:`\log(M + 1) - \mathbb{E}[\ell]` is a lower bound on the mutual
    information of query and key; it trains encoders, with no decoder
    (:ref:`errata-infonce-denominator`, :ref:`errata-infonce-mi`). A lower
    temperature sharpens the softmax
    over the negatives, so the gradient concentrates on the hardest (most
    similar) ones; a higher one spreads it evenly [4]_. MoCo [2]_ uses
    :math:`\tau = 0.07` and a queue of 65536 keys; SimCLR [3]_ uses large
    batches of in-batch negatives.

    The logits are shifted by their row maximum before the division by
    `temperature`, so the loss stays finite for temperatures down to the
    smallest subnormal; a `temperature` that rounds to 0 in the working dtype
    raises. An infinite embedding gives NaN, without a warning.

    References
    ----------
    .. [1] A. van den Oord, Y. Li and O. Vinyals, "Representation Learning
       with Contrastive Predictive Coding", arXiv:1807.03748, 2018.
    .. [2] K. He, H. Fan, Y. Wu, S. Xie and R. Girshick, "Momentum Contrast
       for Unsupervised Visual Representation Learning", CVPR 2020.
    .. [3] T. Chen, S. Kornblith, M. Norouzi and G. Hinton, "A Simple
       Framework for Contrastive Learning of Visual Representations", ICML
       2020.
    .. [4] F. Wang and H. Liu, "Understanding the Behaviour of Contrastive
       Loss", CVPR 2021.

    Examples
    --------
    Query (1, 0), positive (1, 0), one negative (0, 1), :math:`\tau = 0.5`:
    logits [2, 0], loss :math:`\log(1 + e^{-2})`.

    >>> import numpy as np
    >>> from lossdocs import info_nce
    >>> print(info_nce([[1.0, 0.0]], [[1.0, 0.0]], [[0.0, 1.0]], temperature=0.5))
    0.1269280110429725

    A MoCo-style queue: each step scores the batch against the queue, then
    enqueues the batch's keys and dequeues as many of the oldest, so the
    queue keeps its size and later batches see these keys as negatives.

    >>> rng = np.random.default_rng(0)
    >>> queue = rng.normal(size=(6, 3))  # 6 keys of dimension 3, oldest first
    >>> for step in range(3):
    ...     q = rng.normal(size=(2, 3))  # this batch's queries (query encoder)
    ...     k = q + 0.3 * rng.normal(size=(2, 3))  # their keys (momentum encoder)
    ...     loss = info_nce(q, k, queue, temperature=0.07)
    ...     queue = np.concatenate([queue[len(k) :], k])  # dequeue 2, enqueue 2
    ...     print(f"step {step}: loss {loss:.4f}, queue {queue.shape}")
    step 0: loss 0.0537, queue (6, 3)
    step 1: loss 0.4882, queue (6, 3)
    step 2: loss 0.0342, queue (6, 3)
    """
    logp, target, *_ = _setup(
        query, positive_key, negative_keys, temperature, normalize, reduction, grad=False
    )
    # 0 - x, not -x: a certain positive gives +0, not -0
    return reduce(0 - np.take_along_axis(logp, target[:, None], axis=1)[:, 0], reduction)


def info_nce_grad(
    query, positive_key, negative_keys=None, *, temperature=0.1, normalize=True, reduction="mean"
):
    r"""Compute the gradient of :func:`info_nce` with respect to `query`.

    .. math::

        \frac{\partial \ell_i}{\partial q_i}
        = \frac{1}{\tau \lVert q_i \rVert} \left(I - \hat q_i \hat q_i^\top\right)
        \sum_{c} \left(p_{ic} - y_{ic}\right) \hat k_c
        \quad (\text{divided by } N \text{ for the mean})

    with :math:`\hat k_c` the (normalised) candidate keys of query :math:`i`
    (its positive, then the negatives), :math:`p_{ic}` the softmax of its
    logits, :math:`y_{ic}` 1 at the positive, :math:`\hat q_i = q_i /
    \lVert q_i \rVert`. Without `normalize` the factor :math:`(I - \hat q_i
    \hat q_i^\top) / \lVert q_i \rVert` (the Jacobian of the normalisation)
    is dropped.

    Parameters
    ----------
    query, positive_key, negative_keys, temperature, normalize
        As in :func:`info_nce`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray, shape (N, D)
        The gradient with respect to `query`; the keys are held fixed.

    Raises
    ------
    ValueError
        As :func:`info_nce`, and for ``reduction='none'``.
    TypeError
        As :func:`info_nce`.

    See Also
    --------
    info_nce : The loss.

    Notes
    -----
    PyTorch: none.

    Each negative pulls the query away with weight :math:`p_{ic}`, so the
    hardest negatives dominate as :math:`\tau` falls. With `normalize` the
    gradient is orthogonal to :math:`q_i`: scaling a query does not change
    the loss. Only query i's own loss depends on :math:`q_i`, in-batch too.
    :math:`p_{i+} - 1` is computed as ``expm1(log p)``, accurate when the
    positive already wins (where ``p - 1`` would cancel).

    Examples
    --------
    Query (2, 0), positive (1, 0), negative (0, 1), :math:`\tau = 1`: the
    gradient is :math:`(0, \sigma(-1) / 2)`.

    >>> from lossdocs import info_nce_grad
    >>> print(info_nce_grad([[2.0, 0.0]], [[1.0, 0.0]], [[0.0, 1.0]], temperature=1.0))
    [[0.     0.1345]]
    """
    logp, target, q, q_norm, k_pos, k_neg = _setup(
        query, positive_key, negative_keys, temperature, normalize, reduction, grad=True
    )
    # p - y, the cross-entropy gradient w.r.t. the logits; p_t - 1 = expm1(log p_t)
    # keeps its accuracy when p_t is near 1 (a well-trained query).
    coef, t = np.exp(logp), target[:, None]
    np.put_along_axis(coef, t, np.expm1(np.take_along_axis(logp, t, axis=1)), axis=1)
    if k_neg is None:
        g = coef @ k_pos
    else:
        g = coef[:, :1] * k_pos + coef[:, 1:] @ k_neg
    with np.errstate(over="ignore"):  # the gradient grows as 1 / temperature: inf beyond
        g = g / q.dtype.type(temperature)
    if q_norm is not None:
        with np.errstate(over="ignore", invalid="ignore"):  # an inf gradient: inf or NaN
            g = (g - q * np.sum(q * g, axis=1, keepdims=True)) / q_norm
    return scale_grad(g, reduction, len(q))
