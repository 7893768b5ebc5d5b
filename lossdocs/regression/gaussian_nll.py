"""``gaussian_nll`` and ``gaussian_nll_grad``."""

from __future__ import annotations

import math
import numbers

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, error, reduce, scale_grad
from .._validation import as_floats, check_bool, check_real, check_same_shape, in_dtype

__all__ = ["gaussian_nll", "gaussian_nll_grad"]

_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def _var_like_torch(var: np.ndarray, shape: tuple) -> np.ndarray:
    """``var`` shaped as ``torch.nn.functional.gaussian_nll_loss`` shapes it against ``shape``.

    Allowed: the shape of the mean; that shape without its last axis (then a
    trailing axis of 1 is added, so ``(N,)`` against ``(N, D)`` is one variance
    per row, not NumPy's per-column broadcast); or the same number of axes with
    exactly one axis that differs, where ``var`` has size 1.
    """
    if var.shape == shape:
        return var
    if var.shape == shape[:-1]:
        return var[..., None]
    # torch's test, word for word: the sizes of var at the differing axes sum to 1.
    differing = [v for m, v in zip(shape, var.shape, strict=False) if m != v]
    if var.ndim == len(shape) and sum(differing) == 1 and len(differing) == 1:
        return var
    raise ValueError(
        f"var must have the shape of mean {shape}, that shape without its last axis "
        f"{shape[:-1]}, or that shape with a single axis of size 1; got var.shape={var.shape} "
        "(the broadcasting rules of torch.nn.functional.gaussian_nll_loss)"
    )


def _inputs(mean, target, var, eps, full, reduction, grad):
    """Validate once for the loss and its gradient: (mean, target, clamped var, eps, full)."""
    check_reduction(reduction, allow_none=not grad)
    eps = check_real(eps, "eps", low=0, low_open=True, finite=True)
    full = check_bool(full, "full")
    if isinstance(var, numbers.Real) and not isinstance(var, bool):
        v = check_real(var, "var", low=0, allow_nan=True)
        mean, target = as_floats(mean=mean, target=target)
        var = np.full(mean.shape, v, dtype=mean.dtype)
    else:
        mean, target, var = as_floats(mean=mean, target=target, var=var)
        var = _var_like_torch(var, mean.shape)
        if np.any(var < 0):
            raise ValueError(f"var must be >= 0 (variances), found {var[var < 0].flat[0]}")
    check_same_shape(mean, target, "mean", "target")
    check_nonempty_mean(mean.size, reduction, "mean")
    # PyTorch clamps (it does not add eps, whatever its functional docstring says);
    # maximum keeps NaN, as torch's clamp does.
    var = np.maximum(var, in_dtype(eps, "eps", mean.dtype))
    return mean, target, var, full


def gaussian_nll(mean, target, var, *, full=False, eps=1e-6, reduction="mean"):
    r"""Compute the Gaussian negative log-likelihood of targets under predicted means and variances.

    The loss of heteroscedastic regression: a model predicts a mean and a
    variance per target and is scored by how likely the target is. With a
    fixed variance it is MSE, scaled and shifted.

    .. math::

        \ell(\mu, y, \sigma^2) = \tfrac{1}{2}\left(\log \max(\sigma^2, \epsilon)
            + \frac{(\mu - y)^2}{\max(\sigma^2, \epsilon)}\right)
            \;\left[+\ \tfrac{1}{2}\log 2\pi \text{ if full}\right]

    Parameters
    ----------
    mean : array_like
        Predicted means :math:`\mu`, any shape.
    target : array_like
        Targets :math:`y`, the shape of `mean`.
    var : array_like or float
        Predicted variances :math:`\sigma^2 \ge 0`: a number for every
        element, an array of the shape of `mean`, that shape without its last
        axis (one variance per row), or that shape with one axis of size 1
        (PyTorch's rules, not NumPy's broadcasting).
    full : bool, default False
        Add the constant :math:`\tfrac{1}{2}\log 2\pi`, which makes the value
        the exact negative log-density.
    eps : float, default 1e-6
        The floor of the variance; must be > 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses, the shape of `mean`.

    Returns
    -------
    ndarray or float
        The loss; it can be negative (a density can exceed 1).

    Raises
    ------
    ValueError
        If `target` does not have the shape of `mean`, `var` has none of the
        allowed shapes or a negative entry, `eps` is not positive,
        `reduction` is unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers or `full` is not a bool.

    See Also
    --------
    gaussian_nll_grad : Its gradient with respect to `mean`.
    mse : ``gaussian_nll(m, y, 1.0) == mse(m, y) / 2``.
    poisson_nll : The negative log-likelihood of counts.

    Notes
    -----
    PyTorch: ``torch.nn.functional.gaussian_nll_loss``.

    The same values and the same rules for the shape of `var`. `var` is
    clamped below at `eps`; PyTorch does it under ``torch.no_grad()``, so
    there a variance below `eps` still receives the gradient of the formula
    at `eps` (not 0), and the variance can climb back. The functional's
    docstring says eps is "added to var"; the code clamps, as the class
    ``GaussianNLLLoss`` documents. Unlike PyTorch, `target` is not broadcast
    and an empty batch under 'mean' raises. NaN propagates. The page
    regression/probabilistic explains the variance collapse the clamp guards
    against.

    References
    ----------
    .. [1] D. A. Nix and A. S. Weigend, "Estimating the Mean and Variance of
       the Target Probability Distribution", IEEE ICNN, 1994.

    Examples
    --------
    >>> from lossdocs import gaussian_nll
    >>> print(gaussian_nll([1.0, 2.0], [1.5, 0.0], [1.0, 4.0], reduction="none"))
    [0.125  1.1931]
    >>> print(round(gaussian_nll([0.0], [0.0], 1.0, full=True), 4))  # -log N(0 | 0, 1)
    0.9189

    One variance per row: `var` of shape (2,) against a (2, 2) mean.

    >>> print(gaussian_nll([[0.0, 1.0], [0.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]], [1.0, 4.0],
    ...                    reduction="none"))
    [[0.     0.5   ]
     [0.6931 0.8181]]
    """
    mean, target, var, full = _inputs(mean, target, var, eps, full, reduction, False)
    r = error(mean, target)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        # inf residual over inf variance is NaN, as in PyTorch; overflow is inf.
        r *= r
        r /= var
        r += np.log(var)
        r *= 0.5
        if full:
            r += mean.dtype.type(_HALF_LOG_2PI)
    return reduce(r, reduction)


def gaussian_nll_grad(mean, target, var, *, full=False, eps=1e-6, reduction="mean"):
    r"""Compute the gradient of :func:`gaussian_nll` with respect to `mean`.

    .. math::

        \frac{\partial \ell}{\partial \mu_i} = \frac{\mu_i - y_i}{\max(\sigma_i^2, \epsilon)}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    mean : array_like
        Predicted means, any shape.
    target : array_like
        Targets, the shape of `mean`.
    var : array_like or float
        Predicted variances, shaped as for :func:`gaussian_nll`.
    full : bool, default False
        Accepted for the signature of the loss; a constant has no gradient.
    eps : float, default 1e-6
        The floor of the variance; must be > 0.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `mean`.

    Raises
    ------
    ValueError
        As :func:`gaussian_nll`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers or `full` is not a bool.

    See Also
    --------
    gaussian_nll : The loss.

    Notes
    -----
    PyTorch: none.

    The residual weighted by the precision: a large predicted variance
    shrinks the pull of its target, which is how the model learns to give up
    on noisy points (and why a collapsing variance makes the gradient
    explode, the reason for the floor `eps`).

    Examples
    --------
    >>> from lossdocs import gaussian_nll_grad
    >>> print(gaussian_nll_grad([1.0, 2.0], [1.5, 0.0], [1.0, 4.0], reduction="sum"))
    [-0.5  0.5]
    """
    mean, target, var, _ = _inputs(mean, target, var, eps, full, reduction, True)
    r = error(mean, target)
    with np.errstate(over="ignore", invalid="ignore"):  # inf / inf is NaN, overflow inf
        r /= var
    return scale_grad(r, reduction, mean.size)
