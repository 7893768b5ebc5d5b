"""``fit_temperature``: temperature scaling, the T that minimises the NLL of logits / T."""

from __future__ import annotations

import numbers

import numpy as np

from .._validation import check_real
from ._calibration import parse_scores

__all__ = ["fit_temperature"]

_RTOL = 1e-12  # relative width of the final bracket on 1/T (the promise is 1e-6)
_MAX_STEPS = 200  # bisection alone needs about 45 from [1/20, 20]; Newton far fewer


def fit_temperature(logits, target, *, bounds=(0.05, 20.0)):
    r"""Fit the temperature of temperature scaling: the T minimising the NLL of softmax(z / T).

    Guo et al.'s post-hoc fix for an over-confident network: one scalar
    :math:`T > 0` divides every logit, chosen to minimise the cross-entropy
    on held-out (validation) data. Dividing by the same positive number
    keeps every argmax, so accuracy is unchanged; :math:`T > 1` softens the
    probabilities, :math:`T < 1` sharpens them.

    .. math::

        T^\star = \operatorname*{arg\,min}_{T_{\min} \le T \le T_{\max}}
        \frac{1}{N} \sum_{i=1}^{N} -\log \frac{e^{z_{iy_i} / T}}{\sum_{c=1}^{C} e^{z_{ic} / T}}

    With :math:`\beta = 1/T` the objective is convex, and its derivative
    :math:`\frac{1}{N} \sum_i \bigl(\mathbb{E}_{p_i}[z_i] - z_{iy_i}\bigr)`
    (expected logit under :math:`p_i = \operatorname{softmax}(\beta z_i)`
    minus the target's logit) increases with :math:`\beta`; the minimiser is
    its root, or a bound.

    Parameters
    ----------
    logits : array_like, shape (N, C)
        Unnormalised scores :math:`z` of held-out samples, finite.
    target : array_like, shape (N,)
        True class indices :math:`y` in [0, C).
    bounds : tuple of two floats, default (0.05, 20.0)
        :math:`(T_{\min}, T_{\max})`, with :math:`0 < T_{\min} < T_{\max} < \infty`.

    Returns
    -------
    float
        :math:`T^\star`, to a relative error below :math:`10^{-6}` (the
        search stops at :math:`10^{-12}`), a NumPy scalar of the dtype of
        `logits` (float64 for integers). A bound when the minimum lies
        beyond it; 1 (clipped into `bounds`) when every row's logits are
        equal, since the loss then does not depend on :math:`T`.

    Raises
    ------
    ValueError
        If `logits` is not (N, C) with N, C >= 1 or holds NaN or an
        infinity; if `target` is not (N,) or holds a class index outside
        [0, C); if `bounds` is not :math:`0 < T_{\min} < T_{\max} < \infty`.
    TypeError
        If `logits` does not hold real numbers, `target` does not hold
        integers, or `bounds` is not a pair of real numbers.

    See Also
    --------
    expected_calibration_error : The metric temperature scaling lowers.
    cross_entropy : The NLL being minimised: ``cross_entropy(logits / T, target)``.

    Notes
    -----
    PyTorch: none.

    Deterministic: a safeguarded Newton iteration on :math:`\beta = 1/T`
    (Newton steps, with bisection of a bracket that always holds the root),
    in float64 whatever the input dtype, on the row-shifted logits
    :math:`z_i - \max_c z_{ic}` (the derivative does not change), so huge
    logits do not overflow. The second derivative is the mean variance of
    the logits under :math:`p_i`; it is positive unless every row's logits
    are equal, so the minimiser is unique.

    Guo et al.'s reference code (gpleiss/temperature_scaling) optimises
    :math:`T` itself with ``torch.optim.LBFGS(lr=0.01, max_iter=50)`` from
    :math:`T = 1.5`, without a line search: each step moves about 1 % of
    the quasi-Newton step, so it can stop well short of the minimum. Any
    converged optimiser on :math:`T` or :math:`1/T` finds the same
    :math:`T^\star` (the cross-check runs LBFGS with a strong Wolfe line
    search). Fit on validation data, not on training data, where the
    network is over-confident by construction. The default bounds are wide:
    fitted temperatures of image classifiers lie between about 1 and 3.

    References
    ----------
    .. [1] C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On Calibration of
       Modern Neural Networks", ICML, 2017.

    Examples
    --------
    Confident logits, one of three predictions wrong: the fitted T softens
    them (the root of the derivative: :math:`\sigma(4/T) = 2/3`, so
    :math:`T = 4 / \log 2`), and the NLL falls.

    >>> from lossdocs import cross_entropy, fit_temperature
    >>> logits = np.array([[4.0, 0.0], [0.0, 4.0], [4.0, 0.0]])
    >>> target = np.array([0, 1, 1])
    >>> t = fit_temperature(logits, target)
    >>> print(round(float(t), 4))
    5.7708
    >>> print(cross_entropy(logits, target), cross_entropy(logits / t, target))
    1.3514... 0.6365...
    """
    z, labels = parse_scores(logits, target, "logits")
    t_min, t_max = _parse_bounds(bounds)
    dt = z.dtype
    if not np.all(np.isfinite(z)):
        bad = z[~np.isfinite(z)].flat[0]
        raise ValueError(f"logits must be finite to fit a temperature, found {bad}")
    with np.errstate(over="ignore"):  # a span beyond the float range: -inf, probability 0
        d = z.astype(np.float64) - z.max(axis=1, keepdims=True)
    d_y = d[np.arange(len(d)), labels]
    if np.all(d == 0):  # every row constant: the loss is log C for every T
        return dt.type(min(max(1.0, t_min), t_max))
    if np.isneginf(d_y).any():  # a target beyond the float range below the top: NLL inf
        return dt.type(t_max)
    # The derivative's sign is all the search needs, so the logits are scaled to [-1, 0]:
    # no sum below can overflow. -inf entries have probability 0 at every T.
    mask = np.isfinite(d)
    scale = np.abs(d[mask]).max()
    if scale == 0:  # only gaps beyond the float range: the NLL falls as T falls
        return dt.type(t_min)
    dn, dn_y = np.where(mask, d / scale, 0.0), d_y / scale

    def slope_and_curvature(beta):
        """f'(beta) / scale and f''(beta) / scale**2, f the mean NLL at 1/T = beta."""
        with np.errstate(under="ignore"):
            e = np.where(mask, np.exp((beta * scale) * dn), 0.0)
        p = e / e.sum(axis=1, keepdims=True)
        mean = (p * dn).sum(axis=1)
        var = (p * np.square(dn - mean[:, None])).sum(axis=1)
        return float(np.mean(mean - dn_y)), float(np.mean(var))

    lo, hi = 1.0 / t_max, 1.0 / t_min
    if slope_and_curvature(lo)[0] >= 0:  # the NLL rises from the hottest T: T_max
        return dt.type(t_max)
    if slope_and_curvature(hi)[0] <= 0:  # the NLL falls to the coldest T: T_min
        return dt.type(t_min)
    beta = min(max(1.0, lo), hi)
    for _ in range(_MAX_STEPS):
        g, h = slope_and_curvature(beta)
        if g == 0:
            break
        lo, hi = (beta, hi) if g < 0 else (lo, beta)
        step = g / (h * scale) if h > 0 else np.inf
        new = beta - step
        if not lo < new < hi or new == beta:  # Newton left the bracket or stalled: bisect
            new = 0.5 * (lo + hi)
        if abs(new - beta) <= _RTOL * beta or hi - lo <= _RTOL * beta:
            beta = new
            break
        beta = new
    return dt.type(1.0 / beta)


def _parse_bounds(bounds):
    """``(T_min, T_max)`` as floats with 0 < T_min < T_max < inf, or raise naming bounds."""
    if isinstance(bounds, str | bytes) or not hasattr(bounds, "__len__") or len(bounds) != 2:
        raise TypeError(f"bounds must be a pair (T_min, T_max) of real numbers, got {bounds!r}")
    if not all(isinstance(b, numbers.Real) and not isinstance(b, bool) for b in bounds):
        raise TypeError(f"bounds must be a pair (T_min, T_max) of real numbers, got {bounds!r}")
    t_min = check_real(bounds[0], "bounds[0]", low=0, low_open=True, finite=True)
    t_max = check_real(bounds[1], "bounds[1]", low=0, low_open=True, finite=True)
    if not t_min < t_max:
        raise ValueError(f"bounds must satisfy T_min < T_max, got {bounds!r}")
    return t_min, t_max
