"""Activations and their logarithms, stable for any finite input."""

from __future__ import annotations

import numpy as np

from ._checks import as_float, check_axis

__all__ = ["sigmoid", "log_sigmoid", "softmax", "log_softmax", "logsumexp"]


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
        Values in [0, 1], the shape and floating dtype of `x`.

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
        Values in :math:`(-\infty, 0]`, the shape and floating dtype of `x`.

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
    Computed as :math:`-\max(-x, 0) - \operatorname{log1p}(e^{-|x|})` (the
    terms of ``-np.logaddexp(0, -x)``, in vectorised ufuncs): exact to a few
    ulps for every finite input. PyTorch: ``torch.nn.functional.logsigmoid``.

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


def _exp_neg_abs(x: np.ndarray) -> np.ndarray:
    """``exp(-|x|)`` in a new array: in (0, 1], never overflows."""
    t = np.abs(x, out=np.empty_like(x))
    return np.exp(np.negative(t, out=t), out=t)


def _softplus_tail(x: np.ndarray) -> np.ndarray:
    """``log1p(exp(-|x|))`` in a new array: softplus(x) is ``max(x, 0)`` plus this."""
    t = _exp_neg_abs(x)
    return np.log1p(t, out=t)


def _softplus(x: np.ndarray) -> np.ndarray:
    """``log(1 + e^x)`` to a few ulps, as ``max(x, 0) + log1p(e^-|x|)``; NaN propagates."""
    out = _softplus_tail(x)
    out += np.maximum(x, 0)
    return out


def _shifted_sums(x: np.ndarray, axis: int):
    """Return ``(m, z, s)``: the max along ``axis``, ``x - m`` and the sum of the other exps.

    ``s`` leaves out one occurrence of the maximum (whose exp is exactly 1), so
    callers use ``log1p(s)``: that keeps full relative accuracy when the other
    terms are tiny, where ``log(1 + s)`` would round to 0.
    """
    m = np.max(x, axis=axis, keepdims=True)
    m_safe = np.where(np.isfinite(m), m, 0)
    z = x - m_safe
    e = np.exp(z)
    top = np.argmax(x, axis=axis, keepdims=True)
    np.put_along_axis(e, top, 0, axis=axis)
    s = np.sum(e, axis=axis, keepdims=True)
    # argmax picks a NaN as the maximum and the line above zeroes it: put it back.
    s = np.where(np.isnan(m), m, s)
    return m, z, s


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
        The reduced array, in the floating dtype of `x`.

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
    After shifting by the maximum, one term equals exactly 1 and the sum is
    taken as :math:`m + \operatorname{log1p}(\sum_{j \ne j^*} e^{x_j - m})`,
    so ``logsumexp([0, -40])`` is :math:`4.25 \times 10^{-18}`, not 0.
    Equals ``scipy.special.logsumexp`` and ``torch.logsumexp``.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import logsumexp
    >>> print(logsumexp(np.array([1000.0, 1000.0])))
    1000.6931471805599
    >>> print(logsumexp(np.array([0.0, -40.0])))
    4.248354255291589e-18
    """
    x = as_float(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least one dimension")
    axis = check_axis(axis, x.ndim)
    if x.shape[axis] == 0:
        raise ValueError(f"x is empty along axis {axis}")
    m, _, s = _shifted_sums(x, axis)
    out = np.where(np.isfinite(m), np.where(np.isfinite(m), m, 0) + np.log1p(s), m)
    return out if keepdims else np.squeeze(out, axis=axis)


def log_softmax(x, axis=-1):
    r"""Compute the logarithm of the softmax along `axis`, accurately.

    Cross-entropy is minus this at the target class; use it rather than
    ``np.log(softmax(x))``, which gives ``-inf`` once a probability underflows.

    .. math::

        \log \operatorname{softmax}(x)_i = x_i - \log \sum_j e^{x_j}

    Parameters
    ----------
    x : array_like
        Logits, at least one dimension.
    axis : int, default -1
        The class axis.

    Returns
    -------
    ndarray
        Log-probabilities, the shape and floating dtype of `x`; their
        exponentials sum to 1 along `axis`.

    Raises
    ------
    TypeError
        If `x` does not hold real numbers or `axis` is not an integer.
    ValueError
        If `x` is 0-d or empty along `axis`, or `axis` is out of range.

    See Also
    --------
    softmax : The probabilities themselves.
    logsumexp : The normaliser.

    Notes
    -----
    Computed as :math:`(x_i - m) - \operatorname{log1p}(\sum_{j \ne j^*}
    e^{x_j - m})` with :math:`m = \max_j x_j`: subtracting the maximum
    first avoids the cancellation in :math:`x_i - \operatorname{LSE}(x)` when
    both are large. PyTorch: ``torch.nn.functional.log_softmax``.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import log_softmax
    >>> print(log_softmax(np.array([2.0, 1.0, 0.1])))
    [-0.417 -1.417 -2.317]
    >>> print(log_softmax(np.array([1e4, 0.0])))
    [     0. -10000.]
    """
    x = as_float(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least one dimension")
    axis = check_axis(axis, x.ndim)
    _, z, s = _shifted_sums(x, axis)
    return z - np.log1p(s)


def softmax(x, axis=-1):
    r"""Compute the softmax along `axis`: logits to class probabilities.

    The multiclass link of cross-entropy. Note the sign: it is
    :math:`e^{x_i}`, not :math:`e^{-x_i}` (an error of the source notes).

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
        Probabilities in [0, 1] summing to 1 along `axis`, the shape and
        floating dtype of `x`.

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
    The maximum is subtracted before exponentiating (softmax is invariant to
    adding a constant to every logit), so no exponential overflows.
    PyTorch: ``torch.nn.functional.softmax``.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import softmax
    >>> print(softmax(np.array([2.0, 1.0, 0.1])))
    [0.659  0.2424 0.0986]
    >>> print(softmax(np.array([1000.0, 1000.0])))
    [0.5 0.5]
    """
    x = as_float(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least one dimension")
    axis = check_axis(axis, x.ndim)
    _, z, s = _shifted_sums(x, axis)
    return np.exp(z) / (1 + s)
