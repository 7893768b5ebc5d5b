"""The GAN discriminator's (or WGAN critic's) loss for each GAN kind."""

from __future__ import annotations

import numpy as np

from .._numerics import _softplus
from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import as_floats, check_choice, check_same_shape
from ._gan import KINDS

__all__ = ["gan_discriminator_loss"]


def gan_discriminator_loss(real_logits, fake_logits, *, kind="minimax", reduction="mean"):
    r"""Compute the discriminator's loss on real and generated samples, for one GAN kind.

    The discriminator (the critic, for WGAN) scores a real sample :math:`r`
    and a generated one :math:`f` with logits, the raw outputs before any
    sigmoid; each kind turns the pair into a loss to minimise.

    .. math::

        \ell(r, f) = \begin{cases}
        \operatorname{softplus}(-r) + \operatorname{softplus}(f)
        & \text{minimax, non\_saturating} \\
        f - r & \text{wasserstein} \\
        \max(0, 1 - r) + \max(0, 1 + f) & \text{hinge} \\
        \tfrac12 \left[ (r - 1)^2 + f^2 \right] & \text{least\_squares}
        \end{cases}

    Parameters
    ----------
    real_logits : array_like
        The discriminator's logits on real samples.
    fake_logits : array_like, same shape as real_logits
        Its logits on generated samples, paired element by element.
    kind : str, default 'minimax'
        The GAN's loss family: ``'minimax'``, ``'non_saturating'``,
        ``'wasserstein'``, ``'hinge'`` or ``'least_squares'``. ``'non_saturating'`` changes only the
        generator's loss, so here it is the same as ``'minimax'``.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        Over the pairs, as in PyTorch.

    Returns
    -------
    ndarray or float
        The loss: >= 0 except for ``'wasserstein'``, where it is the negated
        estimate of the Wasserstein distance and can take any sign.

    Raises
    ------
    ValueError
        If the two arrays differ in shape, `kind` or `reduction` is unknown, or
        the input is empty under ``'mean'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    gan_generator_loss : The other player's loss, for the same kinds.
    binary_cross_entropy_with_logits : The minimax loss is its sum over the two labels.

    Notes
    -----
    PyTorch: ``torch.nn.functional.binary_cross_entropy_with_logits``.

    For ``'minimax'`` the loss is that function's value on ``(r, 1)`` plus its
    value on ``(f, 0)``; the other kinds have no PyTorch function. Softplus is
    :math:`\max(x, 0) + \operatorname{log1p}(e^{-|x|})`, finite and accurate for
    any finite logit. The WGAN critic needs a Lipschitz constraint (weight
    clipping, a gradient penalty or spectral normalisation) that acts on its
    weights, outside this loss. NaN propagates. Explained on the page
    :doc:`/generative/gan`.

    References
    ----------
    .. [1] I. Goodfellow et al., "Generative Adversarial Nets",
       NeurIPS, 2014.
    .. [2] M. Arjovsky, S. Chintala and L. Bottou, "Wasserstein GAN",
       ICML, 2017.
    .. [3] X. Mao et al., "Least Squares Generative Adversarial Networks",
       ICCV, 2017.
    .. [4] T. Miyato et al., "Spectral Normalization for Generative Adversarial
       Networks", ICLR, 2018.

    Examples
    --------
    >>> from lossdocs import gan_discriminator_loss
    >>> r, f = [2.0, 0.0], [-2.0, 0.0]      # a confident and an undecided discriminator
    >>> print(gan_discriminator_loss(r, f, reduction="none"))
    [0.2539 1.3863]
    >>> for kind in ("wasserstein", "hinge", "least_squares"):
    ...     print(kind, gan_discriminator_loss(r, f, kind=kind, reduction="none"))
    wasserstein [-4.  0.]
    hinge [0. 2.]
    least_squares [2.5 0.5]
    """
    check_choice(kind, "kind", KINDS)
    check_reduction(reduction)
    r, f = as_floats(real_logits=real_logits, fake_logits=fake_logits)
    check_same_shape(r, f, "real_logits", "fake_logits")
    check_nonempty_mean(r.size, reduction, "real_logits")
    if kind in ("minimax", "non_saturating"):
        loss = _softplus(-r) + _softplus(f)
    elif kind == "wasserstein":
        loss = f - r
    elif kind == "hinge":
        loss = np.maximum(1 - r, 0) + np.maximum(1 + f, 0)
    else:
        loss = ((r - 1) ** 2 + f * f) / 2
    return reduce(loss, reduction)
