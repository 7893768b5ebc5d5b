"""``log_sigmoid``."""

from __future__ import annotations

import numpy as np

from .._numerics import _softplus
from .._validation import as_float

__all__ = ["log_sigmoid"]


def log_sigmoid(x):
    r"""Compute :math:`\log \sigma(x)`, elementwise, without underflow.

    Use it instead of ``np.log(sigmoid(x))``, which gives ``-inf`` for
    :math:`x < -745` where the exact value is finite.

    .. math::

        \log \sigma(x) = -\operatorname{softplus}(-x) = -\log\left(1 + e^{-x}\right)

    Parameters
    ----------
    x : array_like
        Logits, any shape.

    Returns
    -------
    ndarray
        Values in :math:`(-\infty, 0]`, the shape of `x`, in its working dtype
        (float32 for float16, float64 for integers).

    Raises
    ------
    TypeError
        If `x` does not hold real numbers.

    See Also
    --------
    sigmoid : The function itself.
    log_softmax : The multiclass counterpart.

    Notes
    -----
    PyTorch: ``torch.nn.functional.logsigmoid``.

    Computed as :math:`-\max(-x, 0) - \operatorname{log1p}(e^{-|x|})` (the
    terms of ``-np.logaddexp(0, -x)``, in vectorised ufuncs): exact to a few
    ulps for every finite input.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import log_sigmoid
    >>> print(log_sigmoid(np.array([-1000.0, 0.0, 40.0])))
    [-1.0000e+03 -6.9315e-01 -4.2484e-18]
    """
    x = as_float(x, "x")
    t = _softplus(np.negative(x))
    return np.negative(t, out=t)
