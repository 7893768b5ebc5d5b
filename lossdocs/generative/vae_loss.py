"""The VAE's loss: the negative ELBO, a reconstruction term plus beta times the KL to N(0, I)."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import (
    as_floats,
    check_choice,
    check_real,
    check_same_shape,
    check_unit_interval,
)
from ..classification import binary_cross_entropy_with_logits
from ..divergence import gaussian_kl
from ..regression import mse
from ._batch import check_batch_size, check_batched, per_sample

__all__ = ["vae_loss"]

LIKELIHOODS = ("bernoulli", "gaussian")


def _kl_to_standard_normal(mu: np.ndarray, logvar: np.ndarray) -> np.ndarray:
    """Per latent dimension ``KL(N(mu, exp(logvar)) || N(0, 1))``.

    :func:`gaussian_kl` keeps full accuracy near sigma = 1; where
    ``exp(logvar / 2)`` underflows to 0 or overflows (|logvar| beyond ~1400 in
    float64, ~200 in float32) it cannot take a standard deviation, and the
    closed form in ``logvar``, ``(exp(logvar) - logvar - 1 + mu^2) / 2``, has
    no cancellation left to fear there.
    """
    with np.errstate(over="ignore", under="ignore"):
        sigma = np.exp(logvar / 2)
    bad = (sigma == 0) | np.isinf(sigma)
    zero, one = np.zeros((), mu.dtype), np.ones((), mu.dtype)
    kl = gaussian_kl(mu, np.where(bad, one, sigma), zero, one)
    if np.any(bad):
        # exp(logvar) overflows to the inf it stands for; at logvar = +inf, exp(logvar)
        # - logvar is inf - inf (NaN, repaired below): the exact KL is +inf.
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            direct = (np.exp(logvar) - logvar - 1 + mu * mu) / 2
        direct = np.where(logvar == np.inf, np.inf, direct)
        kl = np.where(bad, direct, kl)
    return kl


def vae_loss(recon, x, mu, logvar, *, beta=1.0, likelihood="bernoulli", reduction="mean"):
    r"""Compute the VAE's negative ELBO per sample: reconstruction plus beta times the KL.

    The loss of a variational autoencoder with a diagonal Gaussian encoder
    :math:`q(z \mid x) = \mathcal N(\mu, \operatorname{diag} e^{\mathrm{logvar}})`
    and the prior :math:`\mathcal N(0, I)`; ``beta > 1`` is the beta-VAE.

    .. math::

        \ell = \sum_{j} r(\hat x_j, x_j)
        + \beta \sum_{k} \tfrac12 \left( \mu_k^2 + e^{\mathrm{logvar}_k}
        - 1 - \mathrm{logvar}_k \right),
        \quad r = \begin{cases}
        x \operatorname{softplus}(-\hat x) + (1 - x) \operatorname{softplus}(\hat x)
        & \text{bernoulli} \\ \tfrac12 (x - \hat x)^2 & \text{gaussian} \end{cases}

    Parameters
    ----------
    recon : array_like, shape (B, ...)
        The decoder's output :math:`\hat x`: logits for ``"bernoulli"``, the
        mean for ``"gaussian"``.
    x : array_like, same shape as recon
        The data; in [0, 1] for ``"bernoulli"``.
    mu, logvar : array_like, shape (B, ...)
        Mean and log-variance of the encoder's Gaussian, one row per sample.
    beta : float, default 1.0
        Weight of the KL term (>= 0); 1 is the ELBO itself.
    likelihood : {'bernoulli', 'gaussian'}, default 'bernoulli'
        The decoder's distribution: Bernoulli (binary cross-entropy on logits)
        or a Gaussian of unit variance (half the squared error, the constant
        :math:`\tfrac12 \log 2\pi` per feature dropped).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        ``'none'`` returns the (B,) per-sample losses; ``'mean'`` averages them.

    Returns
    -------
    ndarray or float
        The negative ELBO (an upper bound on :math:`-\log p(x)`, up to the
        dropped constant), >= 0.

    Raises
    ------
    ValueError
        If `x` does not have the shape of `recon`, `logvar` that of `mu`, `mu`
        does not hold one row per sample of `recon`, `x` is outside [0, 1] for
        ``"bernoulli"``, `beta` < 0, `likelihood` or `reduction` is unknown, or
        the batch is empty under ``'mean'``.
    TypeError
        If an array does not hold real numbers or `beta` is not a real number.

    See Also
    --------
    gaussian_kl : The KL term, per latent dimension, with Q the prior N(0, 1).
    binary_cross_entropy_with_logits : The Bernoulli reconstruction term.

    Notes
    -----
    PyTorch: none.

    The reconstruction term sums over features and the KL
    over latent dimensions, so each sample's loss is one negative ELBO;
    ``'mean'`` then averages over samples. PyTorch's VAE example (pytorch/examples,
    ``vae/main.py``) sums over the batch as well: that is ``reduction='sum'``
    with ``torch.sigmoid`` outputs in place of logits. The KL is
    :func:`gaussian_kl` per dimension (full accuracy near
    :math:`\sigma = 1`), switching to the closed form in ``logvar`` where
    :math:`e^{\mathrm{logvar}/2}` under- or overflows. NaN propagates.
    Explained on the page :doc:`/generative/vae`.

    References
    ----------
    .. [1] D. P. Kingma and M. Welling, "Auto-Encoding Variational Bayes",
       ICLR, 2014.
    .. [2] I. Higgins et al., "beta-VAE: Learning Basic Visual Concepts with a
       Constrained Variational Framework", ICLR, 2017.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import vae_loss
    >>> recon = np.array([[0.0, 0.0]])          # logits: p = 1/2 for both pixels
    >>> x = np.array([[1.0, 0.0]])
    >>> mu, logvar = np.array([[1.0]]), np.array([[0.0]])
    >>> print(round(vae_loss(recon, x, mu, logvar), 4))   # 2 log 2 + 1/2
    1.8863
    >>> print(round(vae_loss(recon, x, mu, logvar, beta=4.0), 4))
    3.3863
    """
    check_reduction(reduction)
    check_choice(likelihood, "likelihood", LIKELIHOODS)
    beta = check_real(beta, "beta", low=0, finite=True)
    recon, x, mu, logvar = as_floats(recon=recon, x=x, mu=mu, logvar=logvar)
    check_batched(recon, "recon")
    check_same_shape(recon, x, "recon", "x")
    check_same_shape(mu, logvar, "mu", "logvar")
    check_batch_size(mu, "mu", recon.shape[0], "recon")
    check_nonempty_mean(recon.shape[0], reduction, "recon")
    if likelihood == "bernoulli":
        check_unit_interval(x, "x")
        rec = binary_cross_entropy_with_logits(recon, x, reduction="none")
    else:
        rec = mse(recon, x, reduction="none") / 2
    kl = per_sample(_kl_to_standard_normal(mu, logvar), "sum")
    return reduce(per_sample(rec, "sum") + beta * kl, reduction)
