"""``js_divergence``."""

from __future__ import annotations

import numpy as np

from ._rows import _distributions, _js_terms

__all__ = ["js_divergence"]


def js_divergence(p, q, *, axis=-1):
    r"""Compute the Jensen-Shannon divergence per row, in nats.

    A symmetric, bounded relative of KL: each distribution is compared with
    their average, so it stays finite where the supports differ. It is the
    divergence minimised by the original GAN's discriminator-optimal loss.

    .. math::

        \mathrm{JS}(P, Q) = \tfrac{1}{2} D_{\mathrm{KL}}(P \,\|\, M)
        + \tfrac{1}{2} D_{\mathrm{KL}}(Q \,\|\, M), \qquad M = \tfrac{1}{2}(P + Q)

    Parameters
    ----------
    p, q : array_like
        Distributions of one shape: non-negative, rows along `axis` summing to 1.
    axis : int, default -1
        The outcomes axis.

    Returns
    -------
    ndarray or float
        One value per row, in :math:`[0, \log 2]`: 0 iff P = Q, :math:`\log 2`
        iff the supports are disjoint.

    Raises
    ------
    ValueError
        If an input is negative, not normalised or misshapen, as in :func:`kl_divergence`.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    kl_divergence : Asymmetric and unbounded; JS averages two KLs to the mixture.

    Notes
    -----
    PyTorch: none.

    Natural logarithm, so the bound is :math:`\log 2` (1 in bits). Its square
    root is a metric [1]_. Rounding could exceed :math:`\log 2` by an ulp, so the
    result is clipped to it. NaN propagates. No PyTorch counterpart.

    The mixture is never formed: each element is :math:`p \log(2p/s) + q
    \log(2q/s)` with :math:`s = p + q`, and a series in :math:`u = (p - q)/s`
    where :math:`|u| \le 1/2`, so distributions a subnormal or a few ulps apart
    are exact to the last digits.

    References
    ----------
    .. [1] D. M. Endres and J. E. Schindelin, "A New Metric for Probability
       Distributions", IEEE Transactions on Information Theory, 2003.
    .. [2] J. Lin, "Divergence Measures Based on the Shannon Entropy", IEEE
       Transactions on Information Theory, 1991.

    Examples
    --------
    >>> from lossdocs import js_divergence
    >>> print(js_divergence([[1.0, 0.0], [0.5, 0.5]], [[0.0, 1.0], [0.25, 0.75]]))
    [0.6931 0.0338]
    """
    p, q, axis = _distributions(axis, p=p, q=q)
    js = _js_terms(p, q).sum(axis=axis) / 2
    return np.minimum(js, np.log(js.dtype.type(2)))
