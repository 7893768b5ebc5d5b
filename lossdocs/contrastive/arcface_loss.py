"""``arcface_loss``."""

from __future__ import annotations

import math

import numpy as np

from .._validation import check_real
from ._angular import class_cosines, margin_cross_entropy

__all__ = ["arcface_loss"]


def arcface_loss(embeddings, weight, labels, *, scale=64.0, margin=0.5, reduction="mean"):
    r"""Compute the ArcFace loss: softmax cross-entropy with an additive angular margin.

    The loss of face recognition (and other open-set retrieval) models: a
    classifier over the training identities whose logits are cosines to
    class centres, where the true class must win by an angle of `margin`
    radians. At test time the classifier is dropped and the normalised
    embeddings are compared by cosine.

    .. math::

        \ell_i = -\log \frac{e^{s \cos(\theta_{y_i} + m)}}
        {e^{s \cos(\theta_{y_i} + m)} + \sum_{j \ne y_i} e^{s \cos \theta_j}},
        \qquad \cos \theta_j = \frac{x_i \cdot W_j}{\lVert x_i \rVert \lVert W_j \rVert}

    with :math:`x_i` row :math:`i` of `embeddings`, :math:`W_j` row :math:`j`
    of `weight`, :math:`y_i` = `labels`, :math:`s` = `scale` and :math:`m` =
    `margin`. Where :math:`\theta_{y_i} + m > \pi` the target logit is
    :math:`\cos \theta_{y_i} - m \sin m` instead.

    Parameters
    ----------
    embeddings : array_like, shape (N, D)
        The features, one row per example.
    weight : array_like, shape (C, D)
        The class centres (the last layer's weight, without bias).
    labels : array_like of int, shape (N,)
        The class of each row, in [0, C).
    scale : float, default 64.0
        :math:`s > 0`: the norm the features are rescaled to.
    margin : float, default 0.5
        :math:`m \in [0, \pi)`, in radians (0.5 rad is about 28.6 degrees).
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
        `margin` is outside [0, pi), `reduction` is unknown, or the mean is
        taken over no rows.
    TypeError
        If an input does not hold real numbers or `labels` integers.

    See Also
    --------
    cosface_loss : The additive cosine margin.
    cross_entropy : What this is at margin 0, over ``scale * cos``.

    Notes
    -----
    PyTorch: none.

    insightface's ``ArcFace`` (``recognition/arcface_torch/losses.py``),
    which computes :math:`\cos(\theta + m) = \cos\theta \cos m - \sin\theta
    \sin m` from the cosine, and keeps it only while :math:`\cos\theta >
    \cos(\pi - m)`; past that, :math:`\cos(\theta + m)` would rise again as
    :math:`\theta + m` passes :math:`\pi`, rewarding a worse angle, so the
    fallback :math:`\cos\theta - m \sin m` (a CosFace-like margin) keeps
    the logit decreasing. It is not continuous: at the switch the logit
    steps down from :math:`-1` to :math:`-\cos m - m \sin m` (-1.117 for
    :math:`m = 0.5`), harmless since it still decreases. The cosines are clipped to
    :math:`[-1, 1]` first: insightface takes :math:`\sqrt{1 - \cos^2}`
    unclipped, NaN if rounding gives :math:`|\cos| > 1`. insightface's
    label -1 (skip the row, for model parallelism) is not supported. The
    margin is a constant geodesic (arc) distance on the unit sphere, hence
    the name.

    References
    ----------
    .. [1] J. Deng, J. Guo, N. Xue and S. Zafeiriou, "ArcFace: Additive
       Angular Margin Loss for Deep Face Recognition", CVPR 2019.
    .. [2] H. Wang, Y. Wang, Z. Zhou et al., "CosFace: Large Margin Cosine
       Loss for Deep Face Recognition", CVPR 2018.

    Examples
    --------
    One example at 60 degrees from its class centre and 90 from the other,
    :math:`s = 1`, :math:`m = \pi/6`: the target logit is
    :math:`\cos 90^\circ = 0`, tied with the other, so the loss is
    :math:`\log 2`.

    >>> import numpy as np
    >>> from lossdocs import arcface_loss
    >>> w = [[np.cos(np.pi / 3), np.sin(np.pi / 3)], [0.0, 1.0]]
    >>> print(round(arcface_loss([[1.0, 0.0]], w, [0], scale=1.0, margin=np.pi / 6), 4))
    0.6931
    """
    margin = check_real(margin, "margin", low=0, high=math.pi, high_open=True)
    cos, labels, scale = class_cosines(embeddings, weight, labels, scale, reduction)
    c = cos[np.arange(len(cos)), labels]
    dt = cos.dtype.type
    sin = np.sqrt(np.maximum(1 - c * c, 0))
    shifted = c * dt(math.cos(margin)) - sin * dt(math.sin(margin))  # cos(theta + m)
    # Past theta + m = pi, cos(theta + m) would grow again: insightface's fallback.
    target = np.where(
        c > dt(math.cos(math.pi - margin)), shifted, c - dt(margin * math.sin(margin))
    )
    return margin_cross_entropy(cos, labels, target, scale, reduction)
