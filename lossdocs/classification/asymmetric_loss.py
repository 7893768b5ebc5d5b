"""``asymmetric_loss`` and ``asymmetric_loss_grad``."""

from __future__ import annotations

import math

import numpy as np

from .._reduction import reduce, scale_grad
from .._validation import check_real, in_dtype
from ..activations.log_sigmoid import log_sigmoid
from ..activations.sigmoid import sigmoid
from ._binary import _checked

__all__ = ["asymmetric_loss", "asymmetric_loss_grad"]


def _asl_terms(logits, target, gamma_pos, gamma_neg, clip, eps, reduction, grad=False):
    """Validate, then return the pieces of the loss (and of its gradient) per element.

    With p = sigmoid(z) and the shifted probability p_m = max(p - clip, 0):
    ``log_pos = log max(p, eps)``, ``log_neg = log max(1 - p_m, eps)`` (the
    authors' ``log(clamp(min(1 - p + clip, 1), eps))``), ``q = 1 - p_t`` as
    the sum ``t (1 - p) + (1 - t) p_m``, and the exponent ``g``.
    """
    gamma_pos = check_real(gamma_pos, "gamma_pos", low=0, finite=True)
    gamma_neg = check_real(gamma_neg, "gamma_neg", low=0, finite=True)
    clip = check_real(clip, "clip", low=0, high=1, why="0 turns probability shifting off")
    eps = check_real(eps, "eps", low=0, high=1, low_open=True)
    z, t = _checked(logits, target, reduction, "logits", grad)
    dt = z.dtype.type
    log_eps = dt(math.log(in_dtype(eps, "eps", z.dtype)))
    p, one_minus_p = sigmoid(z), sigmoid(-z)
    if clip > 0:
        p_m = np.maximum(p - dt(clip), 0)
        log_neg = np.log1p(-p_m)  # 1 - p_m >= clip > 0: no log of 0
    else:  # no shift: log(1 - p) = log_sigmoid(-z), accurate as p -> 1
        p_m = p
        log_neg = log_sigmoid(-z)
    log_pos = np.maximum(log_sigmoid(z), log_eps)
    log_neg = np.maximum(log_neg, log_eps)
    q = t * one_minus_p + (1 - t) * p_m
    g_pos, g_neg = (
        in_dtype(v, n, z.dtype) for v, n in [(gamma_pos, "gamma_pos"), (gamma_neg, "gamma_neg")]
    )
    g = g_pos * t + g_neg * (1 - t)
    return t, p, one_minus_p, p_m, log_pos, log_neg, log_eps, q, g, dt(clip)


def asymmetric_loss(
    logits, target, *, gamma_pos=0.0, gamma_neg=4.0, clip=0.05, eps=1e-8, reduction="mean"
):
    r"""Compute the asymmetric loss (ASL) of Ridnik et al. 2021 for multi-label classification.

    A per-label binary cross-entropy for multi-label problems, where most
    labels of most samples are negatives: the negatives get their own,
    stronger focusing exponent, and their probability is shifted down by
    `clip`, so that easy negatives (:math:`p \le` `clip`) cost exactly
    nothing and wrong-looking negatives (possibly missing labels) weigh
    less.

    .. math::

        \ell = -y (1 - p)^{\gamma_+} \log p
        - (1 - y) \, p_m^{\gamma_-} \log(1 - p_m), \\
        p = \sigma(z), \quad p_m = \max(p - c, 0)

    with each :math:`\log` clamped at :math:`\log \epsilon` (:math:`c` is
    `clip`, :math:`\epsilon` is `eps`). For soft targets the weight is
    :math:`(1 - p_t)^{\gamma_+ y + \gamma_- (1 - y)}`,
    :math:`1 - p_t = y (1 - p) + (1 - y) p_m`, as the authors compute it.

    Parameters
    ----------
    logits : array_like
        Logits :math:`z`, any shape (usually (N, C)).
    target : array_like
        Labels :math:`y \in [0, 1]` (a 0/1 mask), the shape of `logits`.
    gamma_pos : float, default 0.0
        Focusing exponent :math:`\gamma_+ \ge 0` of the positives (the paper's 0).
    gamma_neg : float, default 4.0
        Focusing exponent :math:`\gamma_- \ge 0` of the negatives.
    clip : float, default 0.05
        The probability margin :math:`c \in [0, 1]` by which negatives are
        shifted; 0 turns shifting off.
    eps : float, default 1e-8
        The floor :math:`\epsilon \in (0, 1]` of the probabilities inside the logs.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' averages over all N C elements (the authors sum);
        'none' returns the per-element losses, the shape of `logits`.

    Returns
    -------
    ndarray or float
        The loss; 0 is approached as every label is predicted confidently.

    Raises
    ------
    ValueError
        If `target` lies outside [0, 1], the shapes differ, a gamma is
        negative or infinite, `clip` is outside [0, 1], `eps` outside (0, 1],
        `reduction` is unknown, or the mean is taken over an empty array.
    TypeError
        If an input or a hyperparameter is not real.

    See Also
    --------
    binary_cross_entropy_with_logits : The case ``gamma_pos=gamma_neg=clip=0``.
    focal_loss : One exponent for both sides, no shifting.
    multilabel_soft_margin_loss : Plain BCE per label, averaged over labels.
    asymmetric_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    The authors' code: ``AsymmetricLoss`` in Alibaba-MIIL/ASL
    (``src/loss_functions/losses.py``), same values per element. Two
    differences in the defaults and the reduction, both on purpose: their
    class defaults to ``gamma_pos=1``, ours to the paper's 0 (with
    ``gamma_neg=4, clip=0.05``, the setting of the paper and of the authors'
    training script); and it returns the **sum** over all elements, ours 'mean'
    averages over all N C elements, like every lossdocs loss. Pass
    ``reduction='sum'`` to get theirs; the 'mean' is that sum divided by
    N C, so a learning rate tuned for theirs needs to grow by N C.

    The logs are computed from :func:`log_sigmoid` (and ``log1p`` for the
    shifted negatives), not as ``log(sigmoid(z))``: identical where the
    authors' float arithmetic is exact, and accurate where
    :math:`1 - p` rounds. The clamp at `eps` is the authors': a positive at
    :math:`z = -1000` costs :math:`-\log 10^{-8} = 18.42`, not 1000, and its
    gradient is 0 there. With ``clip > 0`` a negative's log is at least
    :math:`\log c`, so the clamp never acts on it.

    Pitfalls. The shift makes the loss of a negative exactly 0 for
    :math:`p \le c`, in value and gradient: with ``clip=0.05`` a negative
    at :math:`p = 0.04` no longer trains. A larger :math:`\gamma_-`
    with a shift also turns the negative's gradient around for very
    confident wrong predictions (the paper's "mislabeled negatives"
    argument): its weight falls again as :math:`p \to 1`.

    References
    ----------
    .. [1] T. Ridnik, E. Ben-Baruch, N. Zamir, A. Noy, I. Friedman, M. Protter
       and L. Zelnik-Manor, "Asymmetric Loss For Multi-Label
       Classification", ICCV 2021.

    Examples
    --------
    >>> from lossdocs import asymmetric_loss
    >>> z = np.log([[1 / 3, 1.0, 0.01]])  # p = 0.25, 0.5, 0.0099
    >>> y = [[1.0, 0.0, 0.0]]
    >>> loss = asymmetric_loss(z, y, reduction="none")
    >>> print(loss)  # the last negative has p <= clip: exactly 0
    [[1.3863 0.0245 0.    ]]
    >>> print(round(loss[0, 1] / -np.log(0.55), 6))  # weight (0.5 - 0.05) ** 4 on -log(1 - 0.45)
    0.041006
    """
    t, _, _, _, log_pos, log_neg, _, q, g, _ = _asl_terms(
        logits, target, gamma_pos, gamma_neg, clip, eps, reduction
    )
    ce = 0 - (t * log_pos + (1 - t) * log_neg)
    return reduce(q**g * ce, reduction)


def asymmetric_loss_grad(
    logits, target, *, gamma_pos=0.0, gamma_neg=4.0, clip=0.05, eps=1e-8, reduction="mean"
):
    r"""Compute the gradient of :func:`asymmetric_loss` with respect to `logits`.

    With :math:`q = 1 - p_t`, :math:`w = q^g` and
    :math:`\mathrm{CE} = -y \log p - (1 - y) \log(1 - p_m)`, the product rule:

    .. math::

        \frac{\partial \ell}{\partial z} = g \, w \, \frac{q'}{q} \, \mathrm{CE}
        + w \left[ -y (1 - p) + (1 - y) \frac{p_m'}{1 - p_m} \right],
        \qquad p_m' = p (1 - p) [p > c], \quad q' = -y p (1 - p) + (1 - y) p_m'

    (a log clamped at :math:`\log \epsilon` contributes 0; divided by the
    number of elements for the mean).

    Parameters
    ----------
    logits, target, gamma_pos, gamma_neg, clip, eps, reduction
        As in :func:`asymmetric_loss`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `logits`.

    Raises
    ------
    ValueError
        As :func:`asymmetric_loss`, and for ``reduction='none'``.
    TypeError
        If an input or a hyperparameter is not real.

    See Also
    --------
    asymmetric_loss : The loss.

    Notes
    -----
    PyTorch: none.

    The gradient flows through the weight :math:`w` too, as autograd gives
    for the authors' ``AsymmetricLoss`` today (its
    ``disable_torch_grad_focal_loss`` switch, which treated :math:`w` as a
    constant, is commented out; ``AsymmetricLossOptimized`` keeps it, off by
    default). For a positive, :math:`q'/q = -p`; for a negative below the
    shift (:math:`p \le c`) everything is 0. The ratio :math:`q'/q` is taken
    as 0 where :math:`q` is 0, so the gradient is finite for every finite
    logit.

    Examples
    --------
    >>> from lossdocs import asymmetric_loss_grad
    >>> plain = dict(gamma_neg=0.0, clip=0.0, reduction="sum")  # BCE's sigma(z) - y
    >>> print(asymmetric_loss_grad([0.0, 0.0], [1.0, 0.0], **plain))
    [-0.5  0.5]
    """
    t, p, one_minus_p, _, log_pos, log_neg, log_eps, q, g, clip = _asl_terms(
        logits, target, gamma_pos, gamma_neg, clip, eps, reduction, grad=True
    )
    slope = p * one_minus_p  # d sigma / dz
    dp_m = np.where(p > clip, slope, 0) if clip > 0 else slope
    d_pos = np.where(log_pos > log_eps, one_minus_p, 0)  # d log p / dz, 0 where clamped
    # 1 - p_m as the authors' min(1 - p + clip, 1), from sigma(-z): 1 - p_m by subtraction
    # loses the digits of a confident negative's slope.
    neg = np.minimum(one_minus_p + clip, 1) if clip > 0 else one_minus_p
    d_neg = np.where(log_neg > log_eps, 0 - dp_m / np.where(neg > 0, neg, 1), 0)
    ce = 0 - (t * log_pos + (1 - t) * log_neg)
    dq = (1 - t) * dp_m - t * slope
    w = q**g
    dq_over_q = np.divide(dq, q, out=np.zeros_like(q), where=q > 0)
    grad = g * w * dq_over_q * ce - w * (t * d_pos + (1 - t) * d_neg)
    return scale_grad(grad, reduction, grad.size)
