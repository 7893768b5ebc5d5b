"""``logsumexp``."""

from __future__ import annotations

import numpy as np

from .._validation import check_bool
from ._shifted import _class_axis, _shifted_sums

__all__ = ["logsumexp"]


def logsumexp(x, axis=-1, keepdims=False):
    r"""Compute :math:`\log \sum_j e^{x_j}` along `axis` without overflow.

    The log-partition function of the softmax; cross-entropy and InfoNCE are
    built on it.

    .. math::

        \operatorname{LSE}(x) = \log \sum_{j} e^{x_j}
        = m + \log \sum_{j} e^{x_j - m}, \qquad m = \max_j x_j

    Parameters
    ----------
    x : array_like
        Values, at least one dimension.
    axis : int, default -1
        Axis to reduce.
    keepdims : bool, default False
        Keep the reduced axis with length 1.

    Returns
    -------
    ndarray
        The reduced array, in its working dtype (float32 for float16, float64 for integers).

    Raises
    ------
    TypeError
        If `x` does not hold real numbers or `axis` is not an integer.
    ValueError
        If `x` is 0-d or empty along `axis`, or `axis` is out of range.

    See Also
    --------
    log_softmax : ``x - logsumexp(x, keepdims=True)``, computed accurately.

    Notes
    -----
    PyTorch: ``torch.logsumexp``.

    After shifting by the maximum, one term equals exactly 1 and the sum is
    taken as :math:`m + \operatorname{log1p}(\sum_{j \ne j^*} e^{x_j - m})`,
    so ``logsumexp([0, -40])`` is :math:`4.25 \times 10^{-18}`, not 0.
    Equals ``scipy.special.logsumexp`` and ``torch.logsumexp``.

    A +inf term gives +inf, a row of -inf gives -inf (the exact values).

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import logsumexp
    >>> print(logsumexp(np.array([1000.0, 1000.0])))
    1000.6931471805599
    >>> print(logsumexp(np.array([0.0, -40.0])))
    4.248354255291589e-18
    """
    check_bool(keepdims, "keepdims")
    x, axis = _class_axis(x, axis)
    m, _, s = _shifted_sums(x, axis, keep_z=False)
    out = np.log1p(s, out=s)
    finite = np.isfinite(m)
    out += np.where(finite, m, 0)
    out[~finite] = m[~finite]  # +inf, -inf (every term 0) or NaN: the exact value
    return out if keepdims else np.squeeze(out, axis=axis)
