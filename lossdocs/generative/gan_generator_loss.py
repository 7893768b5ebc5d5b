"""The GAN generator's loss for each GAN kind, and its gradient in the discriminator's logit."""

from __future__ import annotations

import numpy as np

from .._numerics import _softplus
from .._reduction import check_nonempty_mean, check_reduction, reduce, scale_grad
from .._validation import as_float, check_choice
from ..activations import sigmoid
from ._gan import KINDS

__all__ = ["gan_generator_loss", "gan_generator_loss_grad"]


def _checked(fake_logits, kind, reduction, *, grad=False):
    check_choice(kind, "kind", KINDS)
    check_reduction(reduction, allow_none=not grad)
    f = as_float(fake_logits, "fake_logits")
    check_nonempty_mean(f.size, reduction, "fake_logits")
    return f


def gan_generator_loss(fake_logits, *, kind="non_saturating", reduction="mean"):
    r"""Compute the generator's loss from the discriminator's logits on generated samples.

    The generator :math:`G` wants the discriminator's logit :math:`f` on
    :math:`G(z)` to look real. ``'minimax'`` is the original zero-sum game and
    saturates when the discriminator is confident (:math:`f \ll 0`);
    ``'non_saturating'`` is the fix Goodfellow et al. use in practice.

    .. math::

        \ell(f) = \begin{cases}
        -\operatorname{softplus}(f) = \log\left(1 - \sigma(f)\right) & \text{minimax} \\
        \operatorname{softplus}(-f) = -\log \sigma(f) & \text{non\_saturating} \\
        -f & \text{wasserstein, hinge} \\
        \tfrac12 (f - 1)^2 & \text{least\_squares}
        \end{cases}

    Parameters
    ----------
    fake_logits : array_like
        The discriminator's (critic's) logits on generated samples.
    kind : str, default 'non_saturating'
        The GAN's loss family: ``'minimax'``, ``'non_saturating'``,
        ``'wasserstein'``, ``'hinge'`` or ``'least_squares'``.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        Over the samples, as in PyTorch.

    Returns
    -------
    ndarray or float
        The loss. ``'minimax'`` is <= 0 (it is minimised towards
        :math:`-\infty` as :math:`f \to \infty`); ``'non_saturating'`` and
        ``'least_squares'`` are >= 0; ``'wasserstein'`` and ``'hinge'`` take any sign.

    Raises
    ------
    ValueError
        If `kind` or `reduction` is unknown, or the input is empty under ``'mean'``.
    TypeError
        If `fake_logits` does not hold real numbers.

    See Also
    --------
    gan_discriminator_loss : The discriminator's loss, for the same kinds.
    gan_generator_loss_grad : The derivative in the logit, where the saturation shows.

    Notes
    -----
    PyTorch: ``torch.nn.functional.binary_cross_entropy_with_logits``.

    ``'non_saturating'`` is that function's value on ``(f, 1)`` and
    ``'minimax'`` minus its value on ``(f, 0)``; the other kinds have no
    PyTorch function. Softplus
    is :math:`\max(x, 0) + \operatorname{log1p}(e^{-|x|})`: the textbook
    :math:`\log(1 - D(G(z)))` with :math:`D = \sigma(f)` rounds to
    :math:`\log 0` once :math:`\sigma(f)` rounds to 1, and loses all accuracy
    when it is tiny; the softplus form is exact for any finite logit. Hinge
    GANs train the generator with :math:`-f`, as WGAN does (Miyato et al.
    2018). NaN propagates. Explained on the page :doc:`/generative/gan`.

    References
    ----------
    .. [1] I. Goodfellow et al., "Generative Adversarial Nets",
       NeurIPS, 2014, section 3 (the non-saturating loss).
    .. [2] M. Arjovsky and L. Bottou, "Towards Principled Methods for Training
       Generative Adversarial Networks", ICLR, 2017 (why the minimax loss saturates).
    .. [3] T. Miyato et al., "Spectral Normalization for Generative
       Adversarial Networks", ICLR, 2018 (the hinge generator loss).

    Examples
    --------
    >>> from lossdocs import gan_generator_loss
    >>> f = [-10.0, 0.0, 10.0]          # the discriminator is sure the first is fake
    >>> print(gan_generator_loss(f, kind="minimax", reduction="none"))
    [-4.5399e-05 -6.9315e-01 -1.0000e+01]
    >>> print(gan_generator_loss(f, reduction="none"))
    [1.0000e+01 6.9315e-01 4.5399e-05]
    """
    f = _checked(fake_logits, kind, reduction)
    if kind == "minimax":
        loss = 0 - _softplus(f)  # 0 - x, not -x: no -0.0 where softplus underflows
    elif kind == "non_saturating":
        loss = _softplus(-f)
    elif kind in ("wasserstein", "hinge"):
        loss = 0 - f
    else:
        loss = (f - 1) ** 2 / 2
    return reduce(loss, reduction)


def gan_generator_loss_grad(fake_logits, *, kind="non_saturating", reduction="mean"):
    r"""Compute the gradient of :func:`gan_generator_loss` with respect to the logits.

    The derivative that flows back into the generator through the
    discriminator; its size at a confident discriminator (:math:`f \ll 0`)
    is the saturation question.

    .. math::

        \frac{\partial \ell}{\partial f} = \begin{cases}
        -\sigma(f) & \text{minimax} \\
        -\sigma(-f) = \sigma(f) - 1 & \text{non\_saturating} \\
        -1 & \text{wasserstein, hinge} \\
        f - 1 & \text{least\_squares}
        \end{cases}

    Parameters
    ----------
    fake_logits : array_like
        The discriminator's logits on generated samples.
    kind : str, default 'non_saturating'
        The GAN's loss family: ``'minimax'``, ``'non_saturating'``,
        ``'wasserstein'``, ``'hinge'`` or ``'least_squares'``.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; ``'none'`` is not
        accepted (a vector of losses has a Jacobian, not a gradient).

    Returns
    -------
    ndarray
        :math:`\partial \ell / \partial f`, the shape of `fake_logits`.

    Raises
    ------
    ValueError
        If `kind` is unknown, `reduction` is not 'mean' or 'sum', or the input
        is empty under ``'mean'``.
    TypeError
        If `fake_logits` does not hold real numbers.

    See Also
    --------
    gan_generator_loss : The loss itself.

    Notes
    -----
    PyTorch: none.

    Autograd of the same loss in PyTorch gives the same numbers. At
    :math:`f = -10` the minimax gradient is :math:`-4.5 \times 10^{-5}` while the
    non-saturating one is :math:`-0.99995`: the same fixed point, twenty
    thousand times the signal. Explained on the page :doc:`/generative/gan`.

    References
    ----------
    .. [1] I. Goodfellow et al., "Generative Adversarial Nets",
       NeurIPS, 2014, section 3.

    Examples
    --------
    >>> from lossdocs import gan_generator_loss_grad
    >>> f = [-10.0, 0.0, 10.0]
    >>> print(gan_generator_loss_grad(f, kind="minimax", reduction="sum"))
    [-4.5398e-05 -5.0000e-01 -9.9995e-01]
    >>> print(gan_generator_loss_grad(f, reduction="sum"))
    [-9.9995e-01 -5.0000e-01 -4.5398e-05]
    """
    f = _checked(fake_logits, kind, reduction, grad=True)
    if kind == "minimax":
        grad = -sigmoid(f)
    elif kind == "non_saturating":
        grad = -sigmoid(-f)
    elif kind in ("wasserstein", "hinge"):
        grad = np.full_like(f, -1)
    else:
        grad = f - 1
    return scale_grad(grad, reduction, f.size)
