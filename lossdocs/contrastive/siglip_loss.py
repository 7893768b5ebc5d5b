"""``siglip_loss``."""

from __future__ import annotations

import numpy as np

from .._validation import check_real, in_dtype
from ..activations.log_sigmoid import log_sigmoid
from ._embeddings import unit_pair

__all__ = ["siglip_loss"]


def siglip_loss(image_emb, text_emb, *, scale=10.0, bias=-10.0):
    r"""Compute SigLIP's pairwise sigmoid loss of matched image and text embeddings.

    Every image-text pair of the batch is its own binary problem: match
    (the diagonal) or not (the N^2 - N others). No softmax couples the
    batch, so no device needs every embedding to normalise.

    .. math::

        L = -\frac1N \sum_{i=1}^{N} \sum_{j=1}^{N}
        \log \sigma\bigl(z_{ij} (t \, \hat x_i \cdot \hat y_j + b)\bigr),
        \qquad z_{ij} = \begin{cases} 1 & i = j \\ -1 & i \ne j \end{cases}

    with :math:`\hat x_i, \hat y_j` the L2-normalised rows of `image_emb`
    and `text_emb`, :math:`t` = `scale` and :math:`b` = `bias`.

    Parameters
    ----------
    image_emb, text_emb : array_like, shape (N, D)
        Row i of both is the i-th image-text pair; N >= 1.
    scale : float, default 10.0
        :math:`t > 0`, the learned inverse temperature (SigLIP learns
        :math:`\log t`, initialised at :math:`\log 10`).
    bias : float, default -10.0
        :math:`b`, the learned bias, initialised at -10.

    Returns
    -------
    float
        The loss, >= 0: a sum over the N texts per image, averaged over the
        N images (no `reduction`: the pairs are the elements, and their
        mean would hide the 1/N).

    Raises
    ------
    ValueError
        If `image_emb` is not (N, D) with N >= 1, `text_emb` has another
        shape, a row is a zero vector (named), `scale` <= 0 or not finite,
        or `bias` not finite.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    clip_loss : The softmax version.
    binary_cross_entropy_with_logits : The per-pair loss.

    Notes
    -----
    PyTorch: none.

    big_vision's normalisation (``-jnp.mean(jnp.sum(log_sigmoid(z *
    logits), axis=-1))`` in ``big_vision/trainers/proj/image_text/
    siglip.py``): summed over the texts of each image, averaged over images.
    It is ``binary_cross_entropy_with_logits`` with labels
    :math:`(z + 1) / 2`, summed and divided by N (not by N^2). Why
    :math:`b = -10`: at initialisation every cosine is near 0, so every
    logit is near :math:`b`; the N - 1 negatives of each image outnumber its
    one positive, and with :math:`b = 0` each pair would cost :math:`\log
    2`, the loss :math:`N \log 2`, dominated by pushing negatives down.
    With :math:`b = -10` the negatives start almost satisfied
    (:math:`\sigma(-10) \approx 4.5 \cdot 10^{-5}`), so the first steps
    learn from the positives; it matches the prior that a random pair is
    a non-match. Computed with an overflow-free :math:`\log \sigma`.

    References
    ----------
    .. [1] X. Zhai, B. Mustafa, A. Kolesnikov and L. Beyer, "Sigmoid Loss
       for Language Image Pre-Training", ICCV 2023.

    Examples
    --------
    One pair, aligned: logit :math:`10 \cdot 1 - 10 = 0`, loss
    :math:`\log 2`. Two orthogonal aligned pairs: each image has one
    positive at logit 0 and one negative at logit -10.

    >>> import numpy as np
    >>> from lossdocs import siglip_loss
    >>> print(round(siglip_loss([[1.0, 0.0]], [[2.0, 0.0]]), 4), round(np.log(2), 4))
    0.6931 0.6931
    >>> print(round(siglip_loss(np.eye(2), np.eye(2)), 4))
    0.6932
    """
    scale = check_real(scale, "scale", low=0, low_open=True, finite=True)
    bias = check_real(bias, "bias", finite=True)
    fix = "an embedding needs a direction"
    image, text = unit_pair("mean", fix, image_emb=image_emb, text_emb=text_emb)
    n = len(image)
    dt = image.dtype.type
    logits = in_dtype(scale, "scale", image.dtype) * (image @ text.T) + in_dtype(
        bias, "bias", image.dtype
    )
    signs = 2 * np.eye(n, dtype=image.dtype) - 1
    return -np.sum(log_sigmoid(signs * logits), dtype=image.dtype) / dt(n)
