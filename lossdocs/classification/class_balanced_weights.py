"""``class_balanced_weights``: per-class weights from the effective number of samples."""

from __future__ import annotations

import numpy as np

from .._validation import as_float, check_real
from ._per_class import per_class_positive

__all__ = ["class_balanced_weights"]


def class_balanced_weights(samples_per_class, *, beta=0.9999):
    r"""Compute class-balanced weights from the number of training samples of each class.

    Cui et al.'s re-weighting for long-tailed data: weight each class by the
    inverse of its *effective number* of samples, the expected volume its
    samples cover when each new sample overlaps the earlier ones with
    probability :math:`\beta`. :math:`\beta = 0` gives equal weights,
    :math:`\beta \to 1` inverse class frequency; values in between weight the
    rare classes up, less than inverse frequency does. Pass the result as the
    `weight` of :func:`cross_entropy`, :func:`softmax_focal_loss` or
    :func:`logit_adjusted_cross_entropy`.

    .. math::

        w_c = C \, \frac{1 / E_{n_c}}{\sum_{k=1}^{C} 1 / E_{n_k}},
        \qquad
        E_n = \frac{1 - \beta^{n}}{1 - \beta}

    Here :math:`n_c` is `samples_per_class` for class :math:`c`, :math:`C`
    the number of classes and :math:`\beta` is `beta`; the weights sum to
    :math:`C`. At :math:`\beta = 1`, :math:`E_n = n` (the limit), so
    :math:`w_c \propto 1 / n_c`.

    Parameters
    ----------
    samples_per_class : array_like, shape (C,)
        The number of training samples of each class, every one >= 1
        (non-integers are accepted, say counts already re-weighted).
    beta : float, default 0.9999
        :math:`\beta \in [0, 1]`; the paper searches
        {0.9, 0.99, 0.999, 0.9999}.

    Returns
    -------
    ndarray, shape (C,)
        The weights, positive, summing to C (float32 for float32 counts,
        else float64).

    Raises
    ------
    ValueError
        If `samples_per_class` is not 1-D and non-empty, holds a value that
        is not finite, a 0 (an absent class) or a value below 1; or if `beta`
        is outside [0, 1].
    TypeError
        If `samples_per_class` does not hold real numbers or `beta` is not a
        real number.

    See Also
    --------
    cross_entropy : Takes the weights as `weight`.
    logit_adjusted_cross_entropy : Corrects the logits for the class priors
        instead of re-weighting the samples.

    Notes
    -----
    PyTorch: none.

    The weights are the authors' (``richardaecn/class-balanced-loss``,
    ``src/cifar_main.py``): ``effective_num = 1.0 - np.power(beta, n)``,
    ``weights = (1.0 - beta) / effective_num``, then ``weights /
    np.sum(weights) * C``. Their default ``beta = 0.0`` turns the weighting
    off; ours is the paper's 0.9999.

    A class with no samples has :math:`E_0 = 0` and an infinite weight. In
    the authors' code the sum of the weights is then inf, so every present
    class gets weight 0 and the absent one NaN: the weighted loss is 0 and
    nothing trains, silently. Here it raises ValueError naming the class;
    leave the class out of the weights (no sample will ever use its weight)
    or count it as 1. A count below 1 is
    refused too (the effective number of a fraction of a sample is not a
    count; it would also lose every digit near 0).

    :math:`1 - \beta^n` is computed as ``-expm1(n log beta)``: accurate for
    :math:`\beta` close to 1 and large :math:`n`, where ``1 - beta**n`` loses
    digits. The computation is in float64 whatever the input dtype.

    References
    ----------
    .. [1] Y. Cui, M. Jia, T.-Y. Lin, Y. Song and S. Belongie, "Class-Balanced
       Loss Based on Effective Number of Samples", CVPR, 2019.

    Examples
    --------
    >>> from lossdocs import class_balanced_weights
    >>> counts = [5000, 500, 50]
    >>> print(class_balanced_weights(counts, beta=0.0))
    [1. 1. 1.]
    >>> print(class_balanced_weights(counts, beta=0.999))
    [0.1256 0.317  2.5574]
    >>> print(class_balanced_weights(counts))  # beta = 0.9999
    [0.0341 0.2752 2.6907]
    >>> print(class_balanced_weights(counts, beta=1.0))  # inverse frequency, summing to 3
    [0.027  0.2703 2.7027]
    """
    b = check_real(beta, "beta", low=0, high=1)
    n = per_class_positive(
        as_float(samples_per_class, "samples_per_class"),
        "samples_per_class",
        zero="a class without samples has effective number 0 and an infinite weight; "
        "leave it out of the weights or count it as 1",
    )
    if np.any(n < 1):
        raise ValueError(
            f"samples_per_class must be >= 1 (a number of samples), found {n[n < 1][0]}"
        )
    counts = n.astype(np.float64)
    if b == 0:  # 0 ** n = 0 for n >= 1: E_n = 1, equal weights (log(0) would warn)
        inverse = np.ones_like(counts)
    elif b == 1:  # the limit of E_n as beta -> 1 is n
        inverse = 1 / counts
    else:
        inverse = (1 - b) / -np.expm1(counts * np.log(b))
    # Scale by the largest first: with huge counts at beta = 1 the raw values are subnormal.
    inverse /= inverse.max()
    return (inverse * (n.size / inverse.sum())).astype(n.dtype, copy=False)
