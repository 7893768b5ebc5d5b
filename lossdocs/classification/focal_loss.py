"""``focal_loss`` and ``focal_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from .._validation import check_real, in_dtype
from ..activations.sigmoid import sigmoid
from ._binary import _bce_logits, _checked

__all__ = ["focal_loss", "focal_loss_grad"]


def _focal_terms(logits, target, alpha, gamma, reduction, grad=False):
    """Validate, then return ``(t, sigma(z), sigma(-z), q = 1 - p_t, ce, alpha_t, gamma)``."""
    alpha = check_real(alpha, "alpha", high=1, allow_none=True, why="negative or None turns it off")
    gamma = check_real(gamma, "gamma", low=0, finite=True)
    z, t = _checked(logits, target, reduction, "logits", grad)
    s_pos, s_neg = sigmoid(z), sigmoid(-z)
    q = t * s_neg + (1 - t) * s_pos  # 1 - p_t as a sum: no cancellation as p_t -> 1
    a_t = 1 if alpha is None or alpha < 0 else alpha * t + (1 - alpha) * (1 - t)
    return t, s_pos, s_neg, q, _bce_logits(z, t), a_t, in_dtype(gamma, "gamma", z.dtype)


def focal_loss(logits, target, *, alpha=0.25, gamma=2.0, reduction="mean"):
    r"""Compute the sigmoid focal loss of RetinaNet (Lin et al. 2017).

    For dense detection and other problems where easy negatives vastly
    outnumber the rest: the factor :math:`(1 - p_t)^\gamma` shrinks the loss
    of well-classified elements, so the many easy ones stop dominating it.

    .. math::

        \ell(z, y) = -\alpha_t (1 - p_t)^\gamma
        \left[ y \log p + (1 - y) \log(1 - p) \right], \\
        p = \sigma(z), \quad p_t = y p + (1 - y)(1 - p), \quad
        \alpha_t = \alpha y + (1 - \alpha)(1 - y)

    Minus the bracket is binary cross-entropy, :math:`\mathrm{CE}(z, y)`; for
    0/1 targets it is :math:`-\log p_t`, giving the paper's
    :math:`-\alpha_t (1 - p_t)^\gamma \log p_t`.

    Parameters
    ----------
    logits : array_like
        Logits :math:`z`, any shape (e.g. anchors x classes).
    target : array_like
        Targets :math:`y \in [0, 1]` (0/1 labels, or soft), the shape of `logits`.
    alpha : float or None, default 0.25
        Weight :math:`\alpha \le 1` of the positive class (negatives get
        :math:`1 - \alpha`); a negative value or None turns weighting off
        (:math:`\alpha_t = 1`).
    gamma : float, default 2.0
        Focusing exponent :math:`\gamma \ge 0`; 0 gives weighted BCE.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' is over all elements.

    Returns
    -------
    ndarray or float
        The loss; 0 is approached as :math:`p_t \to 1`.

    Raises
    ------
    ValueError
        If `target` lies outside [0, 1], the shapes differ, `gamma` < 0,
        `alpha` > 1, `reduction` is unknown, or the mean is taken over an
        empty array.
    TypeError
        If an input, `alpha` or `gamma` is not real.

    See Also
    --------
    binary_cross_entropy_with_logits : The case ``gamma=0, alpha=None``.
    softmax_focal_loss : The multiclass (softmax) form.
    focal_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torchvision.ops.sigmoid_focal_loss``.

    :math:`1 - p_t` is computed as :math:`y \sigma(-z) + (1 - y) \sigma(z)`,
    a sum with no cancellation, and CE as in
    :func:`binary_cross_entropy_with_logits`, so the loss is
    accurate for any finite logit, where torchvision's subtraction loses the
    relative accuracy of tiny losses (:ref:`edge-extreme-logits`).

    torchvision's values and `alpha`, `gamma` defaults; its default reduction
    is 'none', ours 'mean'; None turns `alpha` off here (a TypeError there);
    we check `gamma`, `alpha` and the target's range where it does not
    (:ref:`edge-focal-torchvision`). NaN propagates.

    `alpha` weights the class with target 1, and RetinaNet's 0.25 gives the
    rare class the smaller weight (:ref:`errata-focal-alpha`). With
    :math:`\gamma = 2` an element at :math:`p_t = 0.9` costs 100 times less
    than under CE. RetinaNet divides the summed loss by the number of anchors
    matched to objects, not by all elements: use ``reduction='sum'`` and
    divide yourself.

    `gamma` must be finite. At :math:`z = \pm\infty` the loss and its gradient
    are their limits, without a warning.

    References
    ----------
    .. [1] T.-Y. Lin, P. Goyal, R. Girshick, K. He and P. Dollar, "Focal Loss
       for Dense Object Detection", ICCV 2017.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import focal_loss, binary_cross_entropy_with_logits
    >>> z = np.log(9.0)  # p = 0.9, so p_t = 0.9 for target 1
    >>> ratio = focal_loss(z, 1.0, alpha=None) / binary_cross_entropy_with_logits(z, 1.0)
    >>> print(round(ratio, 12))  # (1 - 0.9) ** 2
    0.01
    >>> print(focal_loss([1e4, -1e4, 0.0], [0.0, 1.0, 1.0], reduction="none"))
    [7.5000e+03 2.5000e+03 4.3322e-02]
    """
    _, _, _, q, ce, a_t, gamma = _focal_terms(logits, target, alpha, gamma, reduction)
    return reduce(a_t * q**gamma * ce, reduction)


def focal_loss_grad(logits, target, *, alpha=0.25, gamma=2.0, reduction="mean"):
    r"""Compute the gradient of :func:`focal_loss` with respect to `logits`.

    .. math::

        \frac{\partial \ell}{\partial z} = \alpha_t q^\gamma \left[
        (1 - y) \sigma(z) - y \sigma(-z)
        + \gamma (1 - 2y) \frac{\sigma(z) \sigma(-z)}{q} \mathrm{CE}(z, y) \right],
        \qquad q = 1 - p_t

    (divided by :math:`n` for the mean).

    Parameters
    ----------
    logits, target, alpha, gamma, reduction
        As in :func:`focal_loss`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `logits`.

    Raises
    ------
    ValueError
        As :func:`focal_loss`, and for ``reduction='none'``.
    TypeError
        If an input, `alpha` or `gamma` is not real.

    See Also
    --------
    focal_loss : The loss.
    binary_cross_entropy_with_logits_grad : The case ``gamma=0, alpha=None``.

    Notes
    -----
    PyTorch: none.

    Derivation: with :math:`q = y \sigma(-z) + (1 - y) \sigma(z)` and
    :math:`\sigma' = \sigma(z)\sigma(-z)`,
    :math:`dq/dz = (1 - 2y) \sigma(z) \sigma(-z)` and
    :math:`d\mathrm{CE}/dz = \sigma(z) - y = (1 - y)\sigma(z) - y\sigma(-z)`;
    the product rule on :math:`\alpha_t q^\gamma \mathrm{CE}` gives the
    formula, with :math:`\gamma q^{\gamma - 1}` written as
    :math:`\gamma q^\gamma / q`. For :math:`y = 1` the ratio
    :math:`\sigma(z)\sigma(-z)/q` is :math:`\sigma(z)`, and the gradient is
    :math:`-\alpha \sigma(-z)^\gamma [\sigma(-z) + \gamma \sigma(z)
    \mathrm{CE}]`. The ratio is at most 1 and is taken as 0 where :math:`q`
    underflows to 0 (then the factor :math:`q^\gamma` is 0, or
    :math:`\gamma = 0`), so the gradient is finite for every finite logit,
    also for :math:`\gamma < 1`.

    Examples
    --------
    >>> from lossdocs import focal_loss_grad
    >>> print(focal_loss_grad([0.0, 0.0], [1.0, 0.0], alpha=None, gamma=0.0, reduction="sum"))
    [-0.5  0.5]
    >>> print(focal_loss_grad([0.0], [1.0], alpha=None, reduction="sum"))  # -(1 + 2 log 2) / 8
    [-0.2983]
    """
    t, s_pos, s_neg, q, ce, a_t, gamma = _focal_terms(
        logits, target, alpha, gamma, reduction, grad=True
    )
    ratio = np.divide(s_pos * s_neg, q, out=np.zeros_like(q), where=q > 0)
    # ratio * ce with 0 * inf = 0: at z = +-inf, sigma(-|z|) |z| tends to 0.
    ratio_ce = np.multiply(ratio, ce, out=np.zeros_like(q), where=ratio != 0)
    g = (1 - t) * s_pos - t * s_neg + gamma * (1 - 2 * t) * ratio_ce
    return scale_grad(a_t * q**gamma * g, reduction, q.size)
