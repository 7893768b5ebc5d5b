"""``softmax``."""

from __future__ import annotations

import numpy as np

from ._shifted import _class_axis, _shifted_sums

__all__ = ["softmax"]


def softmax(x, axis=-1):
    r"""Compute the softmax along `axis`: logits to class probabilities.

    The multiclass link of cross-entropy.

    .. math::

        \operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    axis : int, default -1
        The class axis.

    Returns
    -------
    ndarray
        Probabilities in [0, 1] summing to 1 along `axis`, the shape of
        `x`, in its working dtype (float32 for float16, float64 for integers).

    Raises
    ------
    TypeError
        If `x` does not hold real numbers or `axis` is not an integer.
    ValueError
        If `x` is 0-d or empty along `axis`, or `axis` is out of range.

    See Also
    --------
    log_softmax : Its logarithm, accurate where a probability underflows.
    sigmoid : The two-class case: ``softmax([z, 0])[0] == sigmoid(z)``.

    Notes
    -----
    PyTorch: ``torch.nn.functional.softmax``.

    The maximum is subtracted before exponentiating (softmax is invariant to
    adding a constant to every logit), so no exponential overflows. The sign
    of the exponent: :ref:`errata-softmax-sign`.

    A row with a +inf logit, or with every logit -inf, has no distribution: it
    gives NaN, as in PyTorch, without a warning (never a probability above 1).

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import softmax
    >>> print(softmax(np.array([2.0, 1.0, 0.1])))
    [0.659  0.2424 0.0986]
    >>> print(softmax(np.array([1000.0, 1000.0])))
    [0.5 0.5]
    """
    x, axis = _class_axis(x, axis)
    _, z, s = _shifted_sums(x, axis)
    e = np.exp(z, out=z)
    s += 1
    return np.divide(e, s, out=e)
