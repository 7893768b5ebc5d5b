"""``log_softmax``."""

from __future__ import annotations

import numpy as np

from ._shifted import _class_axis, _shifted_sums

__all__ = ["log_softmax"]


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
        Log-probabilities, the shape of `x`, in its working dtype (float32 for
        float16, float64 for integers); their
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
    PyTorch: ``torch.nn.functional.log_softmax``.

    Computed as :math:`(x_i - m) - \operatorname{log1p}(\sum_{j \ne j^*}
    e^{x_j - m})` with :math:`m = \max_j x_j`: subtracting the maximum
    first avoids the cancellation in :math:`x_i - \operatorname{LSE}(x)` when
    both are large.

    A row with a +inf logit, or with every logit -inf, has no distribution: it
    gives NaN, as in PyTorch, without a warning (never a log-probability above
    0).
    A difference below the float range overflows to -inf silently.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import log_softmax
    >>> print(log_softmax(np.array([2.0, 1.0, 0.1])))
    [-0.417 -1.417 -2.317]
    >>> print(log_softmax(np.array([1e4, 0.0])))
    [     0. -10000.]
    """
    x, axis = _class_axis(x, axis)
    _, z, s = _shifted_sums(x, axis)
    return np.subtract(z, np.log1p(s, out=s), out=z)
