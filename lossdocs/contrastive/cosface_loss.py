"""``cosface_loss``."""

from __future__ import annotations

import numpy as np

from .._validation import check_real, in_dtype
from ._angular import class_cosines, margin_cross_entropy

__all__ = ["cosface_loss"]


def cosface_loss(embeddings, weight, labels, *, scale=64.0, margin=0.35, reduction="mean"):
    r"""Compute the CosFace (large margin cosine) loss: softmax CE with an additive cosine margin.

    A face-recognition classifier over cosines to class centres, where the
    true class's cosine must exceed every other by `margin`.

    .. math::

        \ell_i = -\log \frac{e^{s (\cos \theta_{y_i} - m)}}
        {e^{s (\cos \theta_{y_i} - m)} + \sum_{j \ne y_i} e^{s \cos \theta_j}}

    with :math:`\cos\theta_j` the cosine of row :math:`i` of `embeddings`
    and row :math:`j` of `weight`, :math:`y_i` = `labels`, :math:`s` =
    `scale` and :math:`m` = `margin`.

    Parameters
    ----------
    embeddings : array_like, shape (N, D)
        The features, one row per example.
    weight : array_like, shape (C, D)
        The class centres.
    labels : array_like of int, shape (N,)
        The class of each row, in [0, C).
    scale : float, default 64.0
        :math:`s > 0`.
    margin : float, default 0.35
        :math:`m \in [0, 2]`, in cosine units.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-example losses.

    Returns
    -------
    ndarray or float
        The loss, >= 0.

    Raises
    ------
    ValueError
        If `embeddings` is not (N, D), `weight` is not (C, D), `labels` is not
        (N,) or leaves [0, C), a row is a zero vector (named), `scale` <= 0,
        `margin` is outside [0, 2], `reduction` is unknown, or the mean is
        taken over no rows.
    TypeError
        If an input does not hold real numbers or `labels` integers.

    See Also
    --------
    arcface_loss : The additive angular margin.
    cross_entropy : What this is at margin 0, over ``scale * cos``.

    Notes
    -----
    PyTorch: none.

    insightface's ``CosFace`` (``recognition/arcface_torch/losses.py``),
    whose default margin is 0.40; the paper's is 0.35 (and its scale 64),
    used here. The margin is constant in cosine, so in angle it is
    :math:`\arccos(\cos\theta - m)`, wider near :math:`\theta = 0` than at
    :math:`90^\circ`.

    References
    ----------
    .. [1] H. Wang, Y. Wang, Z. Zhou et al., "CosFace: Large Margin Cosine
       Loss for Deep Face Recognition", CVPR 2018.
    .. [2] F. Wang, J. Cheng, W. Liu and H. Liu, "Additive Margin Softmax
       for Face Verification", IEEE Signal Processing Letters, 2018.

    Examples
    --------
    An example on its class centre (cosine 1) and orthogonal to the other,
    :math:`s = 1`, :math:`m = 1`: the target logit drops to 0, a tie.

    >>> import numpy as np
    >>> from lossdocs import cosface_loss
    >>> w = [[1.0, 0.0], [0.0, 1.0]]
    >>> print(round(cosface_loss([[3.0, 0.0]], w, [0], scale=1.0, margin=1.0), 4))
    0.6931
    """
    margin = check_real(margin, "margin", low=0, high=2)
    cos, labels, scale = class_cosines(embeddings, weight, labels, scale, reduction)
    target = cos[np.arange(len(cos)), labels] - in_dtype(margin, "margin", cos.dtype)
    return margin_cross_entropy(cos, labels, target, scale, reduction)
