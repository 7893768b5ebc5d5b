"""``gaussian_kl``."""

from __future__ import annotations

import numpy as np

from .._validation import as_floats
from ._rows import _log_ratio, _x_minus_log1p

__all__ = ["gaussian_kl"]


def gaussian_kl(mu_p, sigma_p, mu_q, sigma_q):
    r"""Compute the KL divergence between two univariate normal distributions.

    The closed form for two univariate normals, elementwise: the KL term of
    a VAE (per latent dimension, with Q the prior) and the curves of the
    forward vs reverse KL figures.

    .. math::

        D_{\mathrm{KL}}\left(\mathcal N(\mu_p, \sigma_p^2) \,\|\,
        \mathcal N(\mu_q, \sigma_q^2)\right) = \log \frac{\sigma_q}{\sigma_p}
        + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2 \sigma_q^2} - \frac{1}{2}

    Parameters
    ----------
    mu_p, sigma_p : array_like
        Mean and standard deviation (> 0) of P, the first argument.
    mu_q, sigma_q : array_like
        Mean and standard deviation (> 0) of Q.

    Returns
    -------
    ndarray or float
        The divergence, :math:`\ge 0`, in the broadcast shape of the four
        arguments (they broadcast with each other, as parameters do).

    Raises
    ------
    ValueError
        If `sigma_p` or `sigma_q` has an entry <= 0, or the shapes do not broadcast.
    TypeError
        If an argument does not hold real numbers.

    See Also
    --------
    kl_divergence : The discrete divergence, for histograms.

    Notes
    -----
    PyTorch: ``torch.distributions.kl_divergence``.

    Evaluated as :math:`\tfrac12 \rho^2 + (\rho - \log(1 + \rho)) + \tfrac12 d^2`
    with :math:`\rho = (\sigma_p - \sigma_q) / \sigma_q` and
    :math:`d = (\mu_p - \mu_q) / \sigma_q`: three non-negative terms, the middle
    one by a series near 0, so nearly equal normals keep full relative
    accuracy. Standard deviations, not variances. NaN propagates. PyTorch:
    ``torch.distributions.kl_divergence(Normal(mu_p, sigma_p), Normal(mu_q, sigma_q))``.

    An infinite standard deviation or a single infinite mean gives +inf, two
    infinite means NaN, without a warning.

    References
    ----------
    .. [1] S. Kullback, *Information Theory and Statistics*, Wiley, 1959.
    .. [2] D. P. Kingma and M. Welling, "Auto-Encoding Variational Bayes",
       ICLR, 2014, appendix B.

    Examples
    --------
    >>> from lossdocs import gaussian_kl
    >>> print(gaussian_kl(0.0, 1.0, [0.0, 1.0, 0.0], [1.0, 1.0, 2.0]))
    [0.     0.5    0.3181]
    """
    mu_p, sigma_p, mu_q, sigma_q = as_floats(mu_p=mu_p, sigma_p=sigma_p, mu_q=mu_q, sigma_q=sigma_q)
    for name, s in (("sigma_p", sigma_p), ("sigma_q", sigma_q)):
        if np.any(s <= 0):
            raise ValueError(
                f"{name} must be > 0 (a standard deviation), found {s[s <= 0].flat[0]}"
            )
    try:
        mu_p, sigma_p, mu_q, sigma_q = np.broadcast_arrays(mu_p, sigma_p, mu_q, sigma_q)
    except ValueError:
        shapes = ", ".join(f"{a.shape}" for a in (mu_p, sigma_p, mu_q, sigma_q))
        raise ValueError(f"mu_p, sigma_p, mu_q, sigma_q do not broadcast: {shapes}") from None
    # over: a value beyond the float range is inf; invalid: inf - inf at an infinite
    # input, where the exact value is +inf (set below) or undefined (two infinite means).
    with np.errstate(over="ignore", invalid="ignore"):
        rho = (sigma_p - sigma_q) / sigma_q
        near = np.abs(rho) <= 0.5
        gap = np.where(
            near, _x_minus_log1p(np.where(near, rho, 0)), rho - _log_ratio(sigma_p, sigma_q)
        )
        d = (mu_p - mu_q) / sigma_q
        out = rho * rho / 2 + gap + d * d / 2
    # log(sigma_q / sigma_p) + (sigma_p^2 + (mu_p - mu_q)^2) / (2 sigma_q^2) - 1/2 tends
    # to +inf as either sigma does, whatever the (finite or single infinite) means.
    wide = (np.isinf(sigma_p) | np.isinf(sigma_q)) & ~np.isnan(d)
    return np.where(wide, np.inf, out)
