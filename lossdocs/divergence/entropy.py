"""``entropy``."""

from __future__ import annotations

import numpy as np

from ._rows import _distributions

__all__ = ["entropy"]


def entropy(p, *, axis=-1):
    r"""Compute the Shannon entropy of each distribution along `axis`, in nats.

    The expected surprise :math:`-\log p(x)` under `p`; with
    :func:`kl_divergence` it splits cross-entropy, which is why minimising
    cross-entropy over a model is minimising KL to the data.

    .. math::

        H(P) = -\sum_{x} P(x) \log P(x), \qquad 0 \log 0 = 0

    Parameters
    ----------
    p : array_like
        Probabilities :math:`P`, non-negative, each row along `axis` summing to 1.
    axis : int, default -1
        The outcomes axis.

    Returns
    -------
    ndarray or float
        One value per row, in :math:`[0, \log n]` for :math:`n` outcomes; in the
        working dtype of `p` (float32 for float16, float64 for integers).

    Raises
    ------
    ValueError
        If `p` has a negative entry, a row whose sum is not 1 (to within the
        square root of its dtype's machine epsilon), is 0-d, or empty along `axis`.
    TypeError
        If `p` does not hold real numbers or `axis` is not an integer.

    See Also
    --------
    kl_divergence : The extra nats paid for coding `p` with another distribution.

    Notes
    -----
    PyTorch: ``torch.distributions.Categorical.entropy``.

    Natural logarithm (divide by :math:`\log 2` for bits). Zero probabilities
    contribute 0, without a warning. A row holding NaN gives NaN.
    ``scipy.stats.entropy(p)`` is the same for normalised rows (it
    renormalises silently; we raise). PyTorch:
    ``torch.distributions.Categorical(probs=p).entropy()``.

    References
    ----------
    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, chapter 2.

    Examples
    --------
    >>> from lossdocs import entropy
    >>> print(entropy([[0.5, 0.5], [1.0, 0.0], [0.25, 0.75]]))
    [0.6931 0.     0.5623]
    """
    p, axis = _distributions(axis, p=p)
    plogp = p * np.log(np.where(p == 0, 1, p))
    return 0 - plogp.sum(axis=axis)  # not -sum: a certain outcome gives 0.0, not -0.0
