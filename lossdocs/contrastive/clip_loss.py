"""``clip_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_real
from ..activations.log_softmax import log_softmax
from ._embeddings import inverse_temperature, unit_pair

__all__ = ["clip_loss"]


def clip_loss(image_emb, text_emb, *, temperature=0.07, reduction="mean"):
    r"""Compute CLIP's symmetric contrastive loss of matched image and text embeddings.

    Each image must pick out its own caption among the batch's captions,
    and each caption its image: a softmax over the rows and one over the
    columns of the N x N similarity matrix.

    .. math::

        \ell_i = \tfrac12 \Bigl(-\log \frac{e^{s_{ii}/\tau}}{\sum_j e^{s_{ij}/\tau}}
        - \log \frac{e^{s_{ii}/\tau}}{\sum_j e^{s_{ji}/\tau}}\Bigr),
        \qquad s_{ij} = \hat x_i \cdot \hat t_j

    with :math:`\hat x_i, \hat t_j` the L2-normalised rows of `image_emb` and
    `text_emb`, and :math:`\tau` = `temperature`.

    Parameters
    ----------
    image_emb, text_emb : array_like, shape (N, D)
        Row i of both is the i-th image-text pair.
    temperature : float, default 0.07
        :math:`\tau > 0`, CLIP's initial value (it learns :math:`\log(1/\tau)`,
        clipped so that :math:`1/\tau \le 100`).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns N values, row i the average of image i's and text i's
        losses; their mean is the symmetric loss.

    Returns
    -------
    ndarray or float
        The loss, >= 0; chance level is :math:`\log N`.

    Raises
    ------
    ValueError
        If `image_emb` is not (N, D), `text_emb` has another shape, a row is
        a zero vector (named), `temperature` <= 0, `reduction` is unknown,
        or the mean is taken over no pairs.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    info_nce : Each direction is in-batch InfoNCE.
    siglip_loss : A sigmoid per pair instead of two softmaxes.

    Notes
    -----
    PyTorch: none.

    The loss of the paper's pseudocode [1]_ (``(CE(logits, labels, axis=0) +
    CE(logits, labels, axis=1)) / 2`` with ``logits = I_e @ T_e.T *
    exp(t)``), and of open_clip's ``ClipLoss`` on one device. Equal to
    ``(info_nce(image, text, temperature=tau) + info_nce(text, image,
    temperature=tau)) / 2``. Each softmax needs the whole batch, so
    distributed training gathers every embedding to every device; the
    number of negatives grows with the batch, which is why CLIP used 32768.

    References
    ----------
    .. [1] A. Radford, J. W. Kim, C. Hallacy et al., "Learning Transferable
       Visual Models From Natural Language Supervision", ICML 2021.
    .. [2] A. van den Oord, Y. Li and O. Vinyals, "Representation Learning
       with Contrastive Predictive Coding", arXiv:1807.03748, 2018.

    Examples
    --------
    Two pairs with images and texts aligned and orthogonal, :math:`\tau =
    1`: each softmax has logits [1, 0], so both directions cost
    :math:`\log(1 + e^{-1})`.

    >>> import numpy as np
    >>> from lossdocs import clip_loss
    >>> print(round(clip_loss(np.eye(2), np.eye(2), temperature=1.0), 4))
    0.3133
    >>> print(round(np.log1p(np.exp(-1)), 4))
    0.3133
    """
    temperature = check_real(temperature, "temperature", low=0, low_open=True)
    fix = "an embedding needs a direction"
    image, text = unit_pair(reduction, fix, image_emb=image_emb, text_emb=text_emb)
    n = len(image)
    logits = (image @ text.T) * inverse_temperature(temperature, image.dtype)
    if n == 0:
        return reduce(logits[:, 0], reduction)
    diag = np.arange(n)
    image_to_text = -log_softmax(logits, axis=1)[diag, diag]
    text_to_image = -log_softmax(logits, axis=0)[diag, diag]
    return reduce((image_to_text + text_to_image) / 2, reduction)
