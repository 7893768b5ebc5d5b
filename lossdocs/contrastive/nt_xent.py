"""``nt_xent``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_real
from ..activations.log_softmax import log_softmax
from ._embeddings import inverse_temperature, unit_pair

__all__ = ["nt_xent"]


def nt_xent(z1, z2, *, temperature=0.5, reduction="mean"):
    r"""Compute SimCLR's NT-Xent loss over two augmented views of a batch.

    The normalised temperature-scaled cross-entropy of SimCLR: each of the
    2N views must pick out the other view of its own image among the 2N - 1
    other views, so every view serves as a query and as a negative.

    .. math::

        \ell_i = -\log \frac{\exp(s_{i, i^+} / \tau)}{\sum_{k \ne i} \exp(s_{ik} / \tau)},
        \qquad s_{ik} = \frac{u_i \cdot u_k}{\lVert u_i \rVert \lVert u_k \rVert}

    with :math:`u` the 2N rows of ``concat(z1, z2)``, :math:`i^+` the other
    view of row :math:`i` (:math:`i \pm N`), the sum over the 2N - 1 rows
    other than :math:`i` (the positive and 2N - 2 negatives), and
    :math:`\tau` = `temperature`.

    Parameters
    ----------
    z1, z2 : array_like, shape (N, D)
        The projections of the first and second view; row i of both comes
        from image i.
    temperature : float, default 0.5
        :math:`\tau > 0`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' averages over the 2N rows; 'none' returns the 2N per-view
        losses, the rows of `z1` first.

    Returns
    -------
    ndarray or float
        The loss, >= 0; chance level is :math:`\log(2N - 1)`.

    Raises
    ------
    ValueError
        If `z1` is not (N, D), `z2` has another shape, a row is a zero
        vector (named), `temperature` <= 0, `reduction` is unknown, or the
        mean is taken over no rows.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    info_nce : The general loss; NT-Xent is InfoNCE with per-row negatives.
    clip_loss : Two modalities, no negatives from the same side.

    Notes
    -----
    PyTorch: none.

    The official TensorFlow code (``add_contrastive_loss`` in
    google-research/simclr) returns ``loss_a + loss_b``, the means over the
    two halves added, which is twice this mean: the same gradients up to a
    factor of 2, which an adaptive optimiser (LARS) almost cancels; its
    default temperature is 1.0 in the code, 0.5 for batch 4096 in the
    paper's best run, and 0.1 in SimCLR v2. It masks the self-similarity by
    subtracting 1e9; here the diagonal is left out exactly. In-batch
    :func:`info_nce` (one direction) is not NT-Xent: it gives query i the
    N keys of the other view only, not the 2N - 2 negatives.

    References
    ----------
    .. [1] T. Chen, S. Kornblith, M. Norouzi and G. Hinton, "A Simple
       Framework for Contrastive Learning of Visual Representations", ICML
       2020.
    .. [2] K. Sohn, "Improved Deep Metric Learning with Multi-class N-pair
       Loss Objective", NeurIPS 2016.

    Examples
    --------
    N = 1: each view has only its positive left, so the loss is 0 whatever
    the views are. N = 2 with orthogonal images and identical views at
    :math:`\tau = 1`: each row sees its positive (cosine 1) and two
    negatives (cosine 0), loss :math:`\log(1 + 2/e)`.

    >>> import numpy as np
    >>> from lossdocs import nt_xent
    >>> print(nt_xent([[1.0, 0.0]], [[0.0, 1.0]]))
    0.0
    >>> z = np.eye(2)
    >>> print(round(nt_xent(z, z, temperature=1.0), 4), round(np.log(1 + 2 / np.e), 4))
    0.5514 0.5514
    """
    temperature = check_real(temperature, "temperature", low=0, low_open=True)
    u = np.concatenate(unit_pair(reduction, "a view needs a direction", z1=z1, z2=z2))
    n = len(u) // 2
    logits = (u @ u.T) * inverse_temperature(temperature, u.dtype)
    np.fill_diagonal(logits, -np.inf)  # a view is not its own candidate
    positive = np.concatenate([np.arange(n, 2 * n), np.arange(n)])
    logp = log_softmax(logits, axis=1) if n else logits
    return reduce(-logp[np.arange(2 * n), positive], reduction)
