"""``sigmoid``."""

from __future__ import annotations

import numpy as np

from .._numerics import _exp_neg_abs
from .._validation import as_float

__all__ = ["sigmoid"]


def sigmoid(x):
    r"""Compute the logistic sigmoid, elementwise.

    It maps a logit to a probability; it is the link of binary
    cross-entropy with logits and of logistic regression.

    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}}

    Parameters
    ----------
    x : array_like
        Logits, any shape.

    Returns
    -------
    ndarray
        Values in [0, 1], the shape of `x`, in its working dtype (float32 for
        float16, float64 for integers).

    Raises
    ------
    TypeError
        If `x` does not hold real numbers.

    See Also
    --------
    log_sigmoid : The logarithm, accurate where the sigmoid underflows.
    softmax : The multiclass generalisation.

    Notes
    -----
    PyTorch: ``torch.sigmoid``.

    Evaluated as :math:`e^{\min(x, 0)} / (1 + e^{-|x|})`, that is
    :math:`1 / (1 + e^{-x})` for :math:`x \ge 0` and :math:`e^{x} / (1 + e^{x})`
    for :math:`x < 0`, so the exponential never overflows and no warning is
    raised for large :math:`|x|`. NaN propagates.
    PyTorch: ``torch.sigmoid``.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import sigmoid
    >>> print(sigmoid(np.array([-1e4, -2.0, 0.0, 2.0, 1e4])))
    [0.     0.1192 0.5    0.8808 1.    ]
    """
    x = as_float(x, "x")
    num, den = np.minimum(x, 0, out=np.empty_like(x)), _exp_neg_abs(x)
    den += 1  # both branches of the Notes in one expression: np.where is slow on mixed signs
    return np.divide(np.exp(num, out=num), den, out=num)
