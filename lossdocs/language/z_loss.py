"""The z-loss: the squared log-partition function of the softmax (PaLM, ST-MoE)."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import as_float, check_nonempty_axis
from ..activations import logsumexp

__all__ = ["z_loss"]


def z_loss(logits, *, axis=-1, reduction="mean"):
    r"""Compute the z-loss, :math:`(\log Z)^2` of the softmax over `axis`.

    An auxiliary loss that keeps the softmax normaliser :math:`Z` near 1, so
    that the logits do not drift to large values, which makes bfloat16
    training unstable. PaLM adds :math:`10^{-4} \log^2 Z` to the next-token
    loss; ST-MoE applies it to the router logits. The caller multiplies by the
    coefficient.

    .. math::

        \ell = \Big(\log \sum_{j} e^{z_j}\Big)^2 = (\log Z)^2,
        \qquad
        \frac{\partial \ell}{\partial z_j} = 2 \log Z \cdot \operatorname{softmax}(z)_j

    Parameters
    ----------
    logits : array_like
        Unnormalised scores :math:`z`, at least 1-D.
    axis : int, default -1
        The vocabulary (or expert) axis the softmax normalises over.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns one value per position (the shape of `logits` without
        `axis`); 'mean' averages over the positions.

    Returns
    -------
    ndarray or float
        The loss, :math:`\ge 0`; 0 exactly when :math:`Z = 1`.

    Raises
    ------
    ValueError
        If `logits` is 0-d or empty along `axis`, `axis` is out of range,
        `reduction` is unknown, or 'mean' is asked over no position.
    TypeError
        If `logits` is not real or `axis` is not an integer.

    See Also
    --------
    causal_lm_loss : The loss it is added to.
    logsumexp : :math:`\log Z`, computed stably.

    Notes
    -----
    PyTorch: none.

    In PyTorch, ``torch.logsumexp(logits, dim=-1).square().mean()``. Hugging
    Face transformers' ``router_z_loss_func`` (Switch Transformers) is the
    same mean over the router's tokens.

    Adding a constant :math:`c` to every logit leaves the softmax, and so the
    cross-entropy, unchanged, but moves :math:`\log Z` by :math:`c`: the z-loss
    picks the shift that makes :math:`\log Z = 0`, so the log-probabilities
    are the logits themselves. Its gradient pushes every logit down in
    proportion to its probability when :math:`\log Z > 0`.

    :math:`\log Z` comes from :func:`logsumexp` (max-shifted), so logits up to
    :math:`10^4` in magnitude give finite values in float32 and float64. NaN
    propagates.

    References
    ----------
    .. [1] A. Chowdhery et al., "PaLM: Scaling Language Modeling with
       Pathways", JMLR, 2023 (arXiv 2022), section 5.
    .. [2] B. Zoph et al., "ST-MoE: Designing Stable and Transferable Sparse
       Expert Models", arXiv:2202.08906, 2022.

    Examples
    --------
    >>> from lossdocs import z_loss
    >>> half = np.log(0.5)
    >>> logits = np.array([[0.0, 0.0, 0.0, 0.0], [half, half, -np.inf, -np.inf]])
    >>> print(z_loss(logits, reduction="none"))  # log Z = log 4, then log 1
    [1.9218 0.    ]
    >>> print(z_loss(logits + 3.0, reduction="none"))  # a shift of 3 moves log Z by 3
    [19.2396  9.    ]
    """
    check_reduction(reduction)
    logits = as_float(logits, "logits")
    axis = check_nonempty_axis(logits, axis, "logits")
    check_nonempty_mean(logits.size // logits.shape[axis], reduction, "logits")
    log_z = logsumexp(logits, axis=axis)
    with np.errstate(over="ignore"):  # |log Z| above ~1e154 (1e19 in float32) squares to inf
        return reduce(log_z * log_z, reduction)
