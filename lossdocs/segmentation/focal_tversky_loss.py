"""``focal_tversky_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_real, in_dtype
from ._overlap import _tversky_loss

__all__ = ["focal_tversky_loss"]


def focal_tversky_loss(
    probs,
    target,
    *,
    alpha=0.3,
    beta=0.7,
    gamma=0.75,
    smooth=0.0,
    eps=1e-7,
    axis=None,
    reduction="mean",
):
    r"""Compute the focal Tversky loss, the Tversky loss raised to the power `gamma`.

    Abraham and Khan's variant for small lesions: with ``gamma < 1`` the
    power lifts a small loss (a sample already segmented fairly well) and its
    gradient, so training keeps improving samples the plain Tversky loss
    would consider nearly done; ``gamma = 1`` is :func:`tversky_loss`.

    .. math::

        \mathcal{L}_{FT} = \left(1 - \mathrm{TI}\right)^{\gamma},\qquad
        \mathrm{TI} = \frac{\mathrm{TP} + s}
            {\max\left(\mathrm{TP} + \alpha \mathrm{FP} + \beta \mathrm{FN} + s,
            \ \varepsilon\right)}

    per sample, with :math:`\mathrm{TP}`, :math:`\mathrm{FP}`,
    :math:`\mathrm{FN}` the soft counts of :func:`tversky_loss` and
    :math:`\gamma` = `gamma`.

    Parameters
    ----------
    probs, target, alpha, beta
        As for :func:`tversky_loss`.
    gamma : float, default 0.75
        The exponent; must be > 0 and finite. The paper's :math:`1/\gamma`
        with its :math:`\gamma = 4/3`.
    smooth, eps, axis, reduction
        As for :func:`tversky_loss`.

    Returns
    -------
    ndarray or float
        The loss; 0 is best. In [0, 1] whenever ``alpha + beta > 0``.

    Raises
    ------
    ValueError
        If `gamma` is not positive or not finite, or as for
        :func:`tversky_loss`.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    tversky_loss : ``gamma = 1``.
    focal_loss : The per-pixel focal loss, which down-weights easy pixels.

    Notes
    -----
    PyTorch: none.

    Abraham and Khan (2019) write the loss as
    :math:`(1 - \mathrm{TI})^{1/\gamma}` and use :math:`\gamma = 4/3`; this
    function takes the exponent itself, so their setting is ``gamma=0.75``
    (as in their released code, whose ``focal_tversky`` uses ``gamma =
    0.75``). Their code names the false-negative weight ``alpha`` (0.7) and
    puts ``1 - alpha`` on false positives, the reverse of Salehi et al.'s
    names used here: their ``alpha = 0.7`` is ``beta=0.7, alpha=0.3`` here.
    The derivative :math:`-\gamma (1 - \mathrm{TI})^{\gamma - 1}` with
    respect to TI grows without bound as TI approaches 1 when ``gamma < 1``,
    so no gradient function is offered; where the loss is positive, the chain
    rule gives it as :func:`tversky_loss_grad` times
    :math:`\gamma (1 - \mathrm{TI})^{\gamma - 1}`, sample by sample.
    Unlike the focal loss of :func:`focal_loss`, which shrinks the loss of
    well-classified pixels, an exponent below 1 enlarges the loss of
    well-segmented samples relative to badly segmented ones.

    References
    ----------
    .. [1] N. Abraham and N. M. Khan, "A Novel Focal Tversky Loss Function
       with Improved Attention U-Net for Lesion Segmentation", ISBI 2019.

    Examples
    --------
    >>> from lossdocs import focal_tversky_loss, tversky_loss
    >>> probs, target = [[1.0, 1.0, 0.0, 0.0]], [[1, 1, 1, 1]]
    >>> t = tversky_loss(probs, target)  # 1 - 2 / (2 + 0.7 * 2)
    >>> print(round(t, 4), round(focal_tversky_loss(probs, target), 4), round(t**0.75, 4))
    0.4118 0.514 0.514
    >>> print(focal_tversky_loss(probs, target, gamma=1.0) == t)
    True
    """
    gamma = check_real(gamma, "gamma", low=0, low_open=True, finite=True)
    loss = _tversky_loss(probs, target, alpha, beta, smooth, eps, axis, reduction)
    with np.errstate(invalid="ignore"):  # NaN stays NaN
        loss = np.power(loss, in_dtype(gamma, "gamma", loss.dtype))
    return reduce(loss, reduction)
